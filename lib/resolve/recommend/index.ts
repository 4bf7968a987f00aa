import type { TCaseContext, TDraft, TRecommendation, TStatus } from "../types";

/** A draft once the pipeline has settled it. */
export type TSettledDraft = TDraft & { readonly status: TStatus };

/**
 * A small named rule: answers for the open choices it has a basis for, undefined for the rest (the
 * next rule is asked). `citation` names the source the rule follows.
 */
export interface TRecommendRule {
  readonly name: string;
  readonly citation: string;
  readonly recommend: (draft: TSettledDraft, ctx: TCaseContext) => TRecommendation | undefined;
}

/** ◎ / needs-decision (include or exclude) and a required ▲ (where it is done) are the open choices. */
export const isOpenChoice = (d: Pick<TDraft, "status" | "mark">): boolean =>
  d.status === "optional" || d.status === "needs-decision" || (d.status === "standard" && d.mark === "▲");

export const RECOMMEND_RULES: readonly TRecommendRule[] = [];

/** The first rule's answer on an open choice; null when nothing is open or no rule supports one (never a guess). */
export function recommend(draft: TSettledDraft, ctx: TCaseContext): TRecommendation {
  if (!isOpenChoice(draft)) return null;
  for (const rule of RECOMMEND_RULES) {
    const answer = rule.recommend(draft, ctx);
    if (answer !== undefined) return answer;
  }
  return null;
}

/** What the UI shows where `recommend` gave null on an open choice. */
export const NO_RECOMMENDATION = "無建議：請依機關評估";
