import Link from "next/link";
import { CASE_STATUS_LABEL, type TCaseStatus } from "@/lib/workflow/state";
import { taipeiTime } from "@/lib/time";

const STYLE: Record<TCaseStatus, string> = {
  draft: "border-slate-300 bg-white",
  submitted: "border-sky-300 bg-sky-50",
  returned: "border-amber-300 bg-amber-50",
  approved: "border-emerald-300 bg-emerald-50",
};

const TEXT: Record<TCaseStatus, string> = {
  draft: "草稿：承辦人填寫中。",
  submitted: "已送審：內容已鎖定，等待資安長審查。",
  returned: "已退回：請依資安長意見修正後重新送審。",
  approved: "已核准：本版已鎖定，如需修改請建立新修訂版。",
};

export function CaseStatusBanner({
  caseId,
  status,
  revision,
  approvedBy,
  approvedAt,
  returnComment,
  returnedItems = [],
  children,
}: {
  caseId: string;
  status: TCaseStatus;
  revision: number;
  approvedBy?: string | null;
  approvedAt?: Date | null;
  returnComment?: string | null;
  /** A returned case's returned items: each links to its place on the review step. */
  returnedItems?: { itemId: string; text: string; comment: string; dealtWith: boolean }[];
  children?: React.ReactNode;
}) {
  return (
    <div className={`flex flex-wrap items-start justify-between gap-3 rounded-lg border p-3 ${STYLE[status]}`}>
      <div className="space-y-1">
        <p>
          <span className="font-semibold">
            第 {revision} 版．{CASE_STATUS_LABEL[status]}
          </span>
          　{TEXT[status]}
        </p>
        {status === "approved" && approvedBy && approvedAt && (
          <p className="text-sm">
            核准：{approvedBy}，{taipeiTime(approvedAt)}
          </p>
        )}
        {status === "returned" && returnComment && <p className="text-sm">資安長意見：{returnComment}</p>}
        {status === "returned" && returnedItems.length > 0 && (
          <div className="text-sm">
            <p className="font-semibold">
              資安長退回 {returnedItems.length} 項（尚待處理 {returnedItems.filter((r) => !r.dealtWith).length} 項）：
            </p>
            <ul className="list-disc pl-6">
              {returnedItems.map((r) => (
                <li key={r.itemId}>
                  <Link href={`/cases/${caseId}/review#returned-${r.itemId}`} className="text-brand-700 underline">
                    {r.text.length > 40 ? `${r.text.slice(0, 40)}…` : r.text}
                  </Link>
                  ：{r.comment}
                  {r.dealtWith ? "（已處理）" : ""}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <Link href={`/cases/${caseId}/history`} className="text-brand-700 underline">
          歷程
        </Link>
        {status === "approved" && (
          <Link href={`/cases/${caseId}/vendors`} className="text-brand-700 underline">
            廠商自評邀請
          </Link>
        )}
        {children}
      </div>
    </div>
  );
}
