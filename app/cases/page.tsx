import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { caseStartProblem, listCases, ZCaseListQuery, type TCaseListQuery } from "@/lib/cases/store";
import { draftsAffectedByProfile, getAgencyProfile } from "@/lib/agency";
import { createCaseAction } from "./actions";
import { requireUser } from "../_server/auth";
import { CASE_STATUSES, CASE_STATUS_LABEL } from "@/lib/workflow/state";
import { taipeiTime } from "@/lib/time";

export const metadata: Metadata = { title: "採購案件" };
export const dynamic = "force-dynamic";

function href(q: Partial<TCaseListQuery>) {
  const sp = new URLSearchParams();
  if (q.q) sp.set("q", q.q);
  if (q.status) sp.set("status", q.status);
  if (q.page && q.page > 1) sp.set("page", String(q.page));
  const s = sp.toString();
  return s ? `/cases?${s}` : "/cases";
}

export default async function CasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const raw = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  const query = ZCaseListQuery.parse({ page: one(raw.page), status: one(raw.status), q: one(raw.q) });
  const { items: cases, total, page, pages } = await listCases(db(), user.agencyId, query);
  const filtered = !!(query.q || query.status);
  const isOfficer = user.roles.includes("officer");
  const startProblem = isOfficer ? await caseStartProblem(db(), user.agencyId) : null;
  const current = isOfficer ? await getAgencyProfile(db(), user.agencyId) : null;
  const affected = current ? await draftsAffectedByProfile(db(), user.agencyId, current.profile) : [];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">採購案件</h1>
        {isOfficer && !startProblem && (
          <form action={createCaseAction}>
            <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              建立新案件
            </button>
          </form>
        )}
      </div>
      {raw.password === "changed" && (
        <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3">
          已變更密碼。
        </p>
      )}
      {startProblem && (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3">
          {startProblem}
          {user.roles.includes("admin") && (
            <Link href="/admin/agency" className="ml-2 font-semibold text-brand-700 underline">
              填寫機關資料
            </Link>
          )}
        </p>
      )}
      {affected.length > 0 && (
        <section aria-labelledby="affected-title" className="space-y-2 rounded-lg border border-sky-300 bg-sky-50 p-4">
          <h2 id="affected-title" className="font-semibold">
            機關資料已變更，下列未送審案件將依新的機關資料重新產出檢核表：
          </h2>
          <ul className="list-disc pl-6">
            {affected.map((a) => (
              <li key={a.id}>
                <Link href={`/cases/${a.id}/review`} className="text-brand-700 underline">
                  {a.title || "（未命名案件）"}
                </Link>
                ：{a.changes.map((c) => `${c.label} ${c.from} → ${c.to}`).join("；")}
              </li>
            ))}
          </ul>
        </section>
      )}
      <form method="get" action="/cases" role="search" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex min-w-56 flex-1 flex-col">
          <label htmlFor="cases-q" className="text-sm font-semibold">
            案件名稱
          </label>
          <input id="cases-q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={100} className="rounded border border-slate-400 px-2 py-2" />
        </div>
        <div className="flex flex-col">
          <label htmlFor="cases-status" className="text-sm font-semibold">
            狀態
          </label>
          <select id="cases-status" name="status" defaultValue={query.status ?? ""} className="rounded border border-slate-400 px-2 py-2">
            <option value="">全部</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s === "returned" ? "資安長退回" : CASE_STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          篩選
        </button>
        {filtered && (
          <Link href="/cases" className="py-2 text-brand-700 underline">
            清除篩選
          </Link>
        )}
      </form>
      {cases.length === 0 ? (
        filtered ? (
          <p className="text-slate-700">沒有符合條件的案件。</p>
        ) : (
          <EmptyCases roles={user.roles} />
        )
      ) : (
        <>
          <p className="text-sm text-slate-700" aria-live="polite">
            共 {total} 件{filtered ? "符合條件" : ""}，第 {page}／{pages} 頁
          </p>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {cases.map((c) => (
              <li key={c.id}>
                <Link href={`/cases/${c.id}`} className="flex flex-wrap justify-between gap-2 px-4 py-3 hover:bg-brand-50">
                  <span className="font-semibold">
                    {c.title || "（未命名案件）"}
                    <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-sm font-normal">
                      {CASE_STATUS_LABEL[c.status as keyof typeof CASE_STATUS_LABEL] ?? c.status}．第 {c.revision} 版
                    </span>
                  </span>
                  <span className="text-sm text-slate-600">
                    目錄版本 {c.catalogueVersionId}．最後更新 {taipeiTime(c.updatedAt)}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {pages > 1 && (
        <nav aria-label="分頁" className="flex flex-wrap items-center gap-4">
          {page > 1 && (
            <Link href={href({ ...query, page: page - 1 })} className="text-brand-700 underline">
              ← 上一頁
            </Link>
          )}
          <span>
            第 {page}／{pages} 頁
          </span>
          {page < pages && (
            <Link href={href({ ...query, page: page + 1 })} className="text-brand-700 underline">
              下一頁 →
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}

/** The empty list says what this user does next: only an officer starts cases. */
function EmptyCases({ roles }: { roles: readonly string[] }) {
  const link = "font-semibold text-brand-700 underline";
  if (roles.includes("officer"))
    return <p className="text-slate-700">尚無案件。建立新案件後，依步驟填寫機關、案件、系統等級與案件性質，即可產出資安需求檢核表。</p>;
  return (
    <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-slate-700">
      <p>尚無案件。案件由承辦人建立，送審後由資安長審查。</p>
      {roles.includes("admin") && (
        <p>
          管理者請先填寫
          <Link href="/admin/agency" className={link}>
            機關資料
          </Link>
          ，再到
          <Link href="/admin/users" className={link}>
            使用者與角色
          </Link>
          建立承辦人與資安長的帳號。
        </p>
      )}
      {roles.includes("ciso") && (
        <p>
          承辦人送審的案件會列在
          <Link href="/reviews" className={link}>
            待我審查
          </Link>
          。
        </p>
      )}
    </div>
  );
}
