import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import {
  actionLabel,
  AUDIT_PAGE_SIZE,
  auditChainStatus,
  auditTargetNames,
  listAgencyAudit,
  listAuditActions,
  listUsers,
  readAuditQuery,
  type TAuditQueryValues,
} from "@/lib/admin";
import { AdminHeader } from "@/components/admin/AdminHeader";
import { AuditFilters } from "@/components/admin/AuditFilters";
import { AuditTable } from "@/components/admin/AuditTable";
import { AuditChainStatus } from "@/components/admin/AuditChainStatus";
import { formatTaipei } from "@/lib/audit";
import { requireUser } from "../../_server/auth";

export const metadata: Metadata = { title: "稽核紀錄" };
export const dynamic = "force-dynamic";

/** The same filters in another URL, without the empty ones. */
function href(path: string, values: Partial<TAuditQueryValues>) {
  const q = new URLSearchParams(Object.entries(values).filter(([, v]) => v) as [string, string][]).toString();
  return q ? `${path}?${q}` : path;
}

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const me = await requireUser({ roles: ["admin"] });
  const query = readAuditQuery(await searchParams);
  const [users, actions, chain] = await Promise.all([listUsers(db(), me), listAuditActions(db(), me), auditChainStatus(db(), me)]);
  const page = query.filter ? await listAgencyAudit(db(), me, query.filter) : null;
  const { cursor, ...filters } = query.values;
  const names = page ? await auditTargetNames(db(), me.agencyId, page.entries) : new Map<string, string>();
  return (
    <div className="space-y-6">
      <AdminHeader title="稽核紀錄">
        <p className="text-slate-700">{me.agencyName}的登入與變更紀錄，新的在前；紀錄只能新增，任何人都無法修改或刪除。</p>
      </AdminHeader>
      <AuditChainStatus ok={chain.ok} count={chain.count} message={chain.message} checkedAt={formatTaipei(chain.checkedAt)} />
      <AuditFilters
        values={query.values}
        errors={query.errors}
        users={users.map((u) => ({ value: u.id, label: `${u.name}（${u.email}）` }))}
        actions={actions.map((a) => ({ value: a, label: `${actionLabel(a)}（${a}）` }))}
      />
      {page ? (
        <section aria-labelledby="audit-results" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="audit-results" className="text-lg font-semibold">
              {cursor ? "紀錄（續）" : "紀錄"}
            </h2>
            <a
              href={href("/admin/audit/export", filters)}
              className="rounded border border-brand-700 bg-white px-3 py-1.5 font-semibold text-brand-700 hover:bg-brand-50"
            >
              匯出 CSV
            </a>
          </div>
          <AuditTable entries={page.entries} names={names} />
          <nav aria-label="分頁" className="flex flex-wrap gap-4">
            {cursor && (
              <Link href={href("/admin/audit", filters)} className="text-brand-700 underline">
                回到第一頁
              </Link>
            )}
            {page.nextCursor && (
              <Link href={href("/admin/audit", { ...filters, cursor: page.nextCursor })} className="text-brand-700 underline">
                下一頁（每頁 {AUDIT_PAGE_SIZE} 筆）
              </Link>
            )}
          </nav>
        </section>
      ) : (
        <p role="alert" className="font-semibold text-red-700">
          篩選條件有誤，請修正標示的欄位。
        </p>
      )}
    </div>
  );
}
