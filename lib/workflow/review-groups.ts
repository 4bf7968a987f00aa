import { isIncluded, type TWorkflowChecklist, type TWorkflowItem } from "./checklist-view";
import { itemProblem, stepProblems, type TProblem } from "./problems";
import { latestReviews, type TItemReview } from "./reviews";
import { CHOICE_TEXT } from "../cases/labels";
import { taipeiToday } from "../time";

/** The CISO's review page, grouped as issue 4 lists it. Items keep their full type (T) for rendering. */
export type TReviewGroups<T extends TWorkflowItem> = {
  /** ◎ / needs-decision items the officer included, with the reason. */
  includedOptional: T[];
  /** ◎ / needs-decision items the officer left out, with the reason. */
  excludedOptional: T[];
  /** Items still waiting for a decision (normally none once submitted; shown so nothing silently disappears). */
  undecided: T[];
  /** Required ▲ items placed in another procurement (一覽表: 經確認納入他案辦理者，本案免辦). */
  placedElsewhere: T[];
  /** Included items noted 「提請機關資安長確認」: each needs an explicit risk acceptance. */
  riskAcceptance: T[];
  /** Case-level findings from the resolver, e.g. CII below 中. */
  warnings: string[];
  /** What the agency itself must do under its responsibility level. */
  agencyObligations: string[];
};

export function reviewGroups<T extends TWorkflowItem>(checklist: Extract<TWorkflowChecklist<T>, { ok: true }>): TReviewGroups<T> {
  const { items } = checklist;
  const choice = items.filter((i) => i.decisionKind === "choice");
  return {
    includedOptional: choice.filter((i) => i.decision?.choice === "include"),
    excludedOptional: choice.filter((i) => i.decision?.choice === "exclude"),
    undecided: items.filter((i) => i.decisionKind !== null && !i.decision),
    placedElsewhere: items.filter((i) => i.decisionKind === "placement" && i.decision?.choice === "other-procurement"),
    riskAcceptance: items.filter((i) => i.cisoConfirm && isIncluded(i)),
    warnings: [...checklist.resolution.warnings],
    agencyObligations: [...checklist.resolution.agencyObligations],
  };
}

/**
 * What stands in the way of approving the case as a whole, given the item reviews (latest per item wins):
 * an item whose latest verdict is 退回 blocks; every included 「提請機關資安長確認」 item needs an
 * accept-risk review with a comment. Empty: nothing in the reviews blocks approval.
 */
export function approvalProblems(checklist: TWorkflowChecklist, reviews: readonly TItemReview[], since?: TSinceLastReview): TProblem[] {
  if (!checklist.ok) return stepProblems(checklist.issues);
  const latest = latestReviews(currentReviews(reviews, since));
  return checklist.items.flatMap((item) => {
    const review = latest.get(item.id);
    if (review?.verdict === "return") {
      const comment = review.comment.trim();
      return [itemProblem(item, `資安長已退回本項${comment ? `：${comment}` : ""}；須由承辦人修正並重新審查`)];
    }
    if (!item.cisoConfirm || !isIncluded(item)) return [];
    if (review?.verdict !== "accept-risk") return [itemProblem(item, "本項須「提請機關資安長確認」：請資安長明確接受風險並填寫意見")];
    if (!review.comment.trim()) return [itemProblem(item, "接受風險時須填寫意見，說明接受的理由")];
    return [];
  });
}

/** What the officer changed since the last round: items whose decision differs from the previous submission. */
export type TSinceLastReview = { submittedAt: Date; changed: ReadonlySet<string> };

/**
 * The reviews that still stand: an approval or accepted risk given before the officer changed the item
 * (in the latest submission) no longer covers it; a return stays until the CISO gives a new verdict.
 * Unchanged items keep their earlier verdict (they stay approved unless the CISO reopens them).
 */
export function currentReviews<R extends TItemReview>(reviews: readonly R[], since?: TSinceLastReview): R[] {
  if (!since) return [...reviews];
  return reviews.filter((r) => !(since.changed.has(r.itemId) && r.verdict !== "return" && r.at.getTime() < since.submittedAt.getTime()));
}

/** Why an item is in 「須您確認」. */
export type TAttention = "risk" | "returned" | "answered" | "changed";
export const ATTENTION_LABEL: Record<TAttention, string> = {
  risk: "須資安長確認風險",
  returned: "曾退回",
  answered: "承辦人已回覆",
  changed: "承辦人已修改",
};

/**
 * The approval page's two groups: 「須您確認」 — items that need the CISO's own verdict (included items
 * noted 「提請機關資安長確認」, items returned earlier, answered or changed by the officer since) — and
 * 「可檢視」, the other decided items, which the CISO may approve in one action.
 */
export function approvalGroups<T extends TWorkflowItem>(
  checklist: Extract<TWorkflowChecklist<T>, { ok: true }>,
  reviews: readonly TItemReview[],
  context: { answered: ReadonlySet<string>; changed: ReadonlySet<string> },
): { needsYou: { item: T; why: TAttention[] }[]; reviewable: T[] } {
  const returnedEver = new Set(reviews.filter((r) => r.verdict === "return").map((r) => r.itemId));
  const needsYou: { item: T; why: TAttention[] }[] = [];
  const reviewable: T[] = [];
  for (const item of checklist.items) {
    const risk = item.cisoConfirm && isIncluded(item);
    if (!risk && item.decisionKind === null) continue;
    const why: TAttention[] = [];
    if (risk) why.push("risk");
    if (returnedEver.has(item.id)) why.push("returned");
    if (context.answered.has(item.id)) why.push("answered");
    if (context.changed.has(item.id)) why.push("changed");
    if (why.length) needsYou.push({ item, why });
    else reviewable.push(item);
  }
  return { needsYou, reviewable };
}

/**
 * How many decisions differ from the rules' recommendation. Checklist items carry no recommendation yet
 * (the guided-decisions work adds `recommendation`); until then the count is unknown (null, shown 「—」).
 */
export function deviationCount(items: readonly TWorkflowItem[]): number | null {
  const withAdvice = items.filter((i): i is TWorkflowItem & { recommendation: { decision: string } | null } => "recommendation" in i);
  if (withAdvice.length === 0) return null;
  return withAdvice.filter((i) => i.recommendation && i.decision && i.decision.choice !== i.recommendation.decision).length;
}

/**
 * The risk a CISO accepts, stated in words kept with the verdict (and printed in the documents): which
 * requirement this case takes on or leaves unmet, why (the rule's note and the officer's reason), who
 * accepts it and until when.
 */
export function riskStatement(
  item: Pick<TWorkflowItem, "filledText" | "decision"> & { reasons?: readonly string[] },
  comment: string,
  acceptor: string,
  reviewBy: Date | null,
): string {
  const d = item.decision;
  const taken = !d || d.choice === "include" || d.choice === "this-case";
  const parts = [
    `${taken ? "本案納入並由機關承擔其風險" : "本案未辦理"}：「${item.filledText}」`,
    "依一覽表本項須提請機關資安長確認",
    d ? `承辦人決定：${CHOICE_TEXT[d.choice] ?? d.choice}${d.reason.trim() ? `，理由：${d.reason.trim()}` : ""}` : "",
    comment.trim() ? `資安長意見：${comment.trim()}` : "",
    `接受者：${acceptor}`,
    reviewBy ? `重新檢視日期：${taipeiToday(reviewBy)}` : "",
  ];
  return parts.filter(Boolean).join("。") + "。";
}
