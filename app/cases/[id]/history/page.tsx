import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { getCaseFor } from "@/lib/cases/store";
import { listAudit, formatTaipei, actionLabel } from "@/lib/audit";
import { returnedBanner } from "@/lib/cases/case-step-view";
import { CaseStatusBanner } from "@/components/workflow/CaseStatusBanner";
import { requireUser } from "../../../_server/auth";

export const metadata: Metadata = { title: "案件歷程" };
export const dynamic = "force-dynamic";

// The case's own wording where it differs from the audit log's labels (lib/audit/labels.ts), which cover the rest.
const ACTION_TEXT: Record<string, string> = {
  "case.create": "建立案件",
  "case.answers": "修改填答",
  "decision.save": "記錄決定",
  "case.documents-freeze": "保存核准版文件",
  "case.pm-exclusion": "專案管理需求不列入／恢復",
  "case.submit": "送審",
  "case.return": "退回",
  "case.approve": "核准",
  "case.revise": "建立新修訂版",
  "review.approve": "審查：同意",
  "review.return": "審查：退回",
  "review.accept-risk": "審查：接受風險",
  "review.approve-many": "審查：一次同意多個項目",
  "item.answer": "回覆資安長意見",
};

export default async function HistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const user = await requireUser();
  const record = await getCaseFor(db(), id, user);
  if (!record) notFound();
  const { entries } = await listAudit(db(), { agencyId: user.agencyId, targetType: "case", targetId: record.id, take: 500 });
  const returned = await returnedBanner(db(), record);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        案件：{record.title || "（未命名案件）"}．第 {record.revision} 版．
        <Link href={`/cases/${record.id}/review`} className="text-brand-700 underline">
          回到案件
        </Link>
      </p>
      {returned && <CaseStatusBanner caseId={record.id} status={record.status} revision={record.revision} {...returned} />}
      <h1 className="text-2xl font-bold">案件歷程</h1>
      <ol className="space-y-2">
        {entries.map((e) => (
          <li key={e.id} className="rounded border border-slate-200 bg-white p-3 text-sm">
            <p>
              <span className="font-mono">{formatTaipei(e.at)}</span>　<span className="font-semibold">{ACTION_TEXT[e.action] ?? actionLabel(e.action)}</span>　
              {e.actorName}
            </p>
            {(e.before != null || e.after != null) && (
              <details>
                <summary className="cursor-pointer text-brand-700">變更內容</summary>
                {e.before != null && <pre className="whitespace-pre-wrap break-all text-xs">變更前：{JSON.stringify(e.before, null, 1)}</pre>}
                {e.after != null && <pre className="whitespace-pre-wrap break-all text-xs">變更後：{JSON.stringify(e.after, null, 1)}</pre>}
              </details>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
