import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { approvalView } from "@/lib/cases/approval-view";
import { taipeiTime } from "@/lib/time";
import { ApprovalReview } from "@/components/workflow/ApprovalReview";
import { CaseHeader } from "@/components/workflow/CaseHeader";
import { ExportLinks } from "@/components/workflow/ExportLinks";
import { PmExclusionsSummary } from "@/components/workflow/PmExclusionsSummary";
import { pmItemsView } from "@/lib/cases/pm-exclusions";
import { documentLinks } from "@/lib/cases/case-documents";
import { requireUser } from "../../../_server/auth";
import { approveItemsAction, decideCaseAction, reviewItemAction } from "../../actions";

export const metadata: Metadata = { title: "資安長審查" };
export const dynamic = "force-dynamic";

export default async function ApprovalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const user = await requireUser({ roles: ["ciso"] });
  const view = await approvalView(db(), id, user);
  if (!view) notFound();
  const { record, lastCaseVerdict } = view;
  const header = (
    <CaseHeader
      caption={`案件：${record.title || "（未命名案件）"}`}
      title="資安長審查"
      banner={{
        caseId: record.id,
        status: record.status,
        revision: record.revision,
        approvedAt: record.approvedAt,
        approvedBy: record.status === "approved" ? lastCaseVerdict?.reviewerName : null,
      }}
    >
      <Link href={`/cases/${record.id}/review`} className="text-brand-700 underline">
        檢視檢核表
      </Link>
    </CaseHeader>
  );
  if (!view.open) {
    // Right after the CISO's own decision the page confirms it; otherwise it says why there is nothing to do.
    const mine = lastCaseVerdict && lastCaseVerdict.reviewerId === user.id;
    return (
      <div className="space-y-6">
        {header}
        {record.status === "approved" && mine ? (
          <div role="status" className="space-y-3 rounded-lg border border-emerald-300 bg-emerald-50 p-4">
            <p className="font-semibold">
              已核准本案（第 {record.revision} 版），{taipeiTime(lastCaseVerdict.at)}。本版已鎖定，文件為正式版。
            </p>
            <ExportLinks caseId={record.id} final docs={await documentLinks(db(), record)} />
          </div>
        ) : record.status === "returned" && mine ? (
          <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-4 font-semibold">
            已退回承辦人，{taipeiTime(lastCaseVerdict.at)}。承辦人重新送審後，本案會再出現在「待我審查」。
          </p>
        ) : (
          <p>本案目前不在送審狀態，無需審查。</p>
        )}
        <Link href="/reviews" className="text-brand-700 underline">
          回到待我審查
        </Link>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      {header}
      <p className="text-sm text-slate-700">
        {view.submittedBy} 於 {view.submittedAt ? taipeiTime(view.submittedAt) : "—"} 送審{view.round > 1 ? `（第 ${view.round} 次送審）` : ""}。
      </p>
      <PmExclusionsSummary items={await pmItemsView(db(), record)} />
      <ApprovalReview
        facts={view.facts}
        needsYou={view.needsYou}
        reviewable={view.reviewable}
        approvableAtOnce={view.approvableAtOnce}
        warnings={view.warnings}
        obligations={view.obligations}
        problems={view.problems}
        canDecide={view.canDecide}
        review={reviewItemAction.bind(null, record.id)}
        approveMany={approveItemsAction.bind(null, record.id)}
        decide={decideCaseAction.bind(null, record.id)}
      />
    </div>
  );
}
