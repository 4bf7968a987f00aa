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
