import { isIncluded, type TWorkflowChecklist, type TWorkflowItem } from "./checklist-view";
import { itemProblem, stepProblems, type TProblem } from "./problems";
import { latestReviews, type TItemReview } from "./reviews";

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
export function approvalProblems(checklist: TWorkflowChecklist, reviews: readonly TItemReview[]): TProblem[] {
  if (!checklist.ok) return stepProblems(checklist.issues);
  const latest = latestReviews(reviews);
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
