import type { TDb } from "../db/client";
import type { TActor } from "../auth/roles";
import { caseProfileLines } from "../agency/snapshot";
import { approvalGroups, approvalProblems, ATTENTION_LABEL, currentReviews, reviewGroups, riskStatement } from "../workflow/review-groups";
import { latestReviews, type TItemReview, type TSubmittedDecision, type TThreadEntry } from "../workflow/reviews";
import { checkTransition } from "../workflow/state";
import { taipeiToday } from "../time";
import { caseFactLines } from "./case-facts";
import type { TChecklistItem } from "./checklist";
import { readCaseEditors } from "./editors";
import { CHOICE_TEXT, STATUS_LABEL } from "./labels";
import { loadChecklist } from "./load";
import { reviewLoop } from "./review-loop";
import { getCaseFor } from "./store";
import { caseReviews } from "./workflow-ops";

const decisionText = (d: TSubmittedDecision | null) =>
  d ? `${CHOICE_TEXT[d.choice] ?? d.choice}${d.reference ? `（${d.reference}）` : ""}${d.reason.trim() ? `．理由：${d.reason.trim()}` : ""}` : "（未決定）";

export type TApprovalViewItem = {
  id: string;
  text: string;
  serviceTypeName: string;
  statusLabel: string;
  decision: string | null;
  /** The rules' reasons and the ▲ basis, shown expandable. */
  reasons: string[];
  basis: string | null;
  /** The standing verdict; `stale` when the officer changed the item after it was given. */
  verdict: { verdict: string; comment: string; reviewerName: string; riskStatement: string | null; riskReviewBy: string | null; stale: boolean } | null;
  riskAcceptance: boolean;
  /** What accepting the risk states (before the CISO's comment): shown next to the 接受風險 choice. */
  riskPreview: string | null;
  why: string[];
  change: { before: string; after: string } | null;
  thread: { at: Date; who: string; role: "ciso" | "officer"; text: string }[];
};

/**
 * Everything the CISO's approval page shows, read in one place: the case and what the viewer may do, the
 * fact panel (the agency profile values and the case facts the checklist was resolved with), the two groups
 * (「須您確認」 and 「可檢視」) with each item's reasons, basis, verdict, change since the last round and
 * comment thread, and what blocks approval. null when the case is not the viewer's agency's.
 */
export async function approvalView(db: TDb, id: string, viewer: TActor) {
  const record = await getCaseFor(db, id, viewer);
  if (!record) return null;
  const { catalogue, checklist, profile } = await loadChecklist(db, record);
  const rows = await caseReviews(db, record.id);
  const reviews = rows.map((r) => ({ ...r, verdict: r.verdict as TItemReview["verdict"] }));
  const caseVerdicts = reviews.filter((r) => r.itemId === "");
  const base = { record, lastCaseVerdict: caseVerdicts.at(-1) ?? null };
  if (record.status !== "submitted" || !checklist.ok) return { ...base, open: false as const };

  const typeNames = Object.fromEntries(catalogue.serviceTypes.map((t) => [t.key, t.name]));
  const loop = await reviewLoop(db, record.id, reviews);
  const standing = latestReviews(currentReviews(reviews, loop.since));
  const latestAny = latestReviews(reviews);
  const changes = new Map(loop.changes.map((c) => [c.itemId, c]));
  const { needsYou, reviewable } = approvalGroups(checklist, reviews, { answered: loop.answered, changed: new Set(changes.keys()) });
  const toItem = (i: TChecklistItem, why: string[]): TApprovalViewItem => {
    const r = standing.get(i.id) ?? latestAny.get(i.id);
    const c = changes.get(i.id);
    const thread: TThreadEntry[] = loop.threads.get(i.id) ?? [];
    const risk = why.includes(ATTENTION_LABEL.risk);
    return {
      id: i.id,
      text: i.filledText,
      serviceTypeName: typeNames[i.serviceType] ?? i.serviceType,
      statusLabel: STATUS_LABEL[i.status],
      decision: i.decision ? decisionText(i.decision) : null,
      reasons: i.reasons,
      basis: i.basis?.citation ?? null,
      verdict: r
        ? {
            verdict: r.verdict,
            comment: r.comment,
            reviewerName: r.reviewerName,
            riskStatement: r.riskStatement,
            riskReviewBy: r.riskReviewBy ? taipeiToday(r.riskReviewBy) : null,
            stale: !standing.has(i.id),
          }
        : null,
      riskAcceptance: risk,
      riskPreview: risk ? riskStatement(i, "", viewer.name, null) : null,
      why,
      change: c ? { before: decisionText(c.before), after: decisionText(c.after) } : null,
      thread: thread.map((t) => ({
        at: t.at,
        who: t.who,
        role: t.role,
        text: t.verdict ? `${t.verdict === "return" ? "退回" : t.verdict === "accept-risk" ? "接受風險" : "同意"}${t.text ? `：${t.text}` : ""}` : t.text,
      })),
    };
  };
  const groups = reviewGroups(checklist);
  const problems = approvalProblems(checklist, reviews, loop.since).map((p) => ({
    href: p.kind === "item" ? `#review-${p.itemId}` : "#",
    message: p.kind === "item" ? `${p.text.slice(0, 30)}…：${p.message}` : p.message,
  }));
  const may = checkTransition(record, "approve", viewer, { editorIds: await readCaseEditors(db, record.id) });
  return {
    ...base,
    open: true as const,
    facts: [
      ...(profile ? caseProfileLines(profile).map(({ label, value }) => ({ label, value })) : []),
      ...caseFactLines(record.answers, checklist.resolution.effectiveGrade, typeNames),
    ],
    submittedBy: loop.last?.submittedByName ?? record.creatorName,
    submittedAt: record.submittedAt,
    round: loop.submissions.length,
    needsYou: needsYou.map(({ item, why }) =>
      toItem(
        item,
        why.map((w) => ATTENTION_LABEL[w]),
      ),
    ),
    reviewable: reviewable.map((i) => toItem(i, [])),
    /** 「可檢視」 items without a standing 同意: what one click approves. */
    approvableAtOnce: reviewable.filter((i) => standing.get(i.id)?.verdict !== "approve").map((i) => i.id),
    warnings: groups.warnings,
    obligations: groups.agencyObligations,
    problems,
    canDecide: may.ok ? ({ ok: true } as const) : ({ ok: false, message: may.error.message } as const),
  };
}
