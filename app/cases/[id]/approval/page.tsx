import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { getCaseFor } from "@/lib/cases/store";
import { loadChecklist } from "@/lib/cases/load";
import { caseReviews } from "@/lib/cases/workflow-ops";
import { readCaseEditors } from "@/lib/cases/editors";
import { CHOICE_TEXT } from "@/lib/cases/labels";
import { approvalProblems, reviewGroups } from "@/lib/workflow/review-groups";
import { latestReviews } from "@/lib/workflow/reviews";
import { checkTransition } from "@/lib/workflow/state";
import { ApprovalReview, type TApprovalGroup } from "@/components/workflow/ApprovalReview";
import { CaseStatusBanner } from "@/components/workflow/CaseStatusBanner";
import { PmExclusionsSummary } from "@/components/workflow/PmExclusionsSummary";
import { pmItemsView } from "@/lib/cases/pm-exclusions";
import { requireUser } from "../../../_server/auth";
import { decideCaseAction, reviewItemAction } from "../../actions";

export const metadata: Metadata = { title: "資安長審查" };
export const dynamic = "force-dynamic";

export default async function ApprovalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const user = await requireUser({ roles: ["ciso"] });
  const record = await getCaseFor(db(), id, user);
  if (!record) notFound();
  const { catalogue, checklist } = await loadChecklist(db(), record);
  const reviews = (await caseReviews(db(), record.id)).map((r) => ({ ...r, verdict: r.verdict as "approve" | "return" | "accept-risk" }));
  const header = (
    <header className="space-y-3">
      <p className="text-sm text-slate-600">案件：{record.title || "（未命名案件）"}</p>
      <CaseStatusBanner
        caseId={record.id}
        status={record.status}
        revision={record.revision}
        approvedAt={record.approvedAt}
        approvedBy={reviews.filter((r) => r.itemId === "").at(-1)?.reviewerName}
      >
        <Link href={`/cases/${record.id}/review`} className="text-brand-700 underline">
          檢視檢核表
        </Link>
      </CaseStatusBanner>
      <h1 className="text-2xl font-bold">資安長審查</h1>
    </header>
  );
  if (record.status !== "submitted" || !checklist.ok)
    return (
      <div className="space-y-6">
        {header}
        <p>本案目前不在送審狀態，無需審查。</p>
      </div>
    );

  const names = Object.fromEntries(catalogue.serviceTypes.map((t) => [t.key, t.name]));
  const latest = latestReviews(reviews);
  const groups = reviewGroups(checklist);
  const riskIds = new Set(groups.riskAcceptance.map((i) => i.id));
  const toItem = (i: (typeof checklist.items)[number]) => ({
    id: i.id,
    text: i.filledText,
    serviceTypeName: names[i.serviceType] ?? i.serviceType,
    decision: i.decision
      ? `${CHOICE_TEXT[i.decision.choice] ?? i.decision.choice}${i.decision.reference ? `（${i.decision.reference}）` : ""}${i.decision.reason ? `．理由：${i.decision.reason}` : ""}`
      : null,
    verdict: latest.get(i.id)
      ? {
          verdict: latest.get(i.id)!.verdict,
          comment: latest.get(i.id)!.comment,
          reviewerName: reviews.find((r) => r.itemId === i.id && r.at === latest.get(i.id)!.at)?.reviewerName ?? "",
        }
      : null,
    riskAcceptance: riskIds.has(i.id),
  });
  const sections: TApprovalGroup[] = [
    { key: "risk", title: "須資安長確認風險的項目", items: groups.riskAcceptance.map(toItem) },
    { key: "included", title: "納入本案的選配項目", items: groups.includedOptional.map(toItem) },
    { key: "excluded", title: "不納入本案的選配項目", items: groups.excludedOptional.map(toItem) },
    { key: "elsewhere", title: "另於他案辦理的▲項目（本案免辦）", items: groups.placedElsewhere.map(toItem) },
  ];
  const problems = approvalProblems(checklist, reviews).map((p) => ({
    href: p.kind === "item" ? `#review-${p.itemId}` : "#",
    message: p.kind === "item" ? `${p.text.slice(0, 30)}…：${p.message}` : p.message,
  }));
  const editors = await readCaseEditors(db(), record.id);
  const can = checkTransition(record, "approve", user, { editorIds: editors });

  return (
    <div className="space-y-6">
      {header}
      <PmExclusionsSummary items={await pmItemsView(db(), record)} />
      <ApprovalReview
        groups={sections}
        warnings={groups.warnings}
        obligations={groups.agencyObligations}
        problems={problems}
        canDecide={can.ok ? { ok: true } : { ok: false, message: can.error.message }}
        review={reviewItemAction.bind(null, record.id)}
        decide={decideCaseAction.bind(null, record.id)}
      />
    </div>
  );
}
