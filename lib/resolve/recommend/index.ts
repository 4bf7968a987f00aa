import type { TCaseContext, TDraft, TRecommendation } from "../types";
import { assessWhenRule } from "./assess-when";
import { coreSystemNoteRule } from "./core-system";
import { coverableMeasures, coveredElsewhereRule } from "./covered-elsewhere";
import { levelRequiredRule } from "./level-required";
import { personalDataNoteRule } from "./personal-data";
import type { TRecommendRule, TSettledDraft } from "./rule";

export type { TRecommendRule, TSettledDraft };

/** ◎ / needs-decision (include or exclude) and a required ▲ (where it is done) are the open choices. */
export const isOpenChoice = (d: Pick<TDraft, "status" | "mark">): boolean =>
  d.status === "optional" || d.status === "needs-decision" || (d.status === "standard" && d.mark === "▲");

/** First answer wins: an agency-wide contract before the level's table, the table before the notes. */
export const RECOMMEND_RULES: readonly TRecommendRule[] = [coveredElsewhereRule, levelRequiredRule, personalDataNoteRule, coreSystemNoteRule, assessWhenRule];

export { coverableMeasures };
export { assessWhenRule, coreSystemNoteRule, coveredElsewhereRule, levelRequiredRule, personalDataNoteRule };

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
