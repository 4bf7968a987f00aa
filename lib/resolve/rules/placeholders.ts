import { GRADE_LABEL } from "../../catalogue/schema";
import { addReason } from "../draft";
import { RISK_LEVEL_LABEL } from "../input";
import type { TRule } from "../types";

/** Tells the officer what goes in the blanks (`_____級`, `未含____等級風險`); the text itself stays verbatim. */
export const placeholdersRule: TRule = {
  name: "placeholders",
  apply(draft, ctx) {
    if (!draft.item.hints.placeholders.length || draft.status === "not-applicable") return draft;
    let next = draft;
    for (const placeholder of draft.item.hints.placeholders) {
      if (placeholder === "grade") next = addReason(next, `子項之「_____級」應填入本案系統防護需求等級：${GRADE_LABEL[ctx.grade]}級`);
      else
        next = addReason(
          next,
          ctx.riskLevel
            ? `子項之「未含____等級風險」填入${RISK_LEVEL_LABEL}：${ctx.riskLevel}（報告不得含有此等級風險；視各機關資安規範要求）`
            : `子項之「未含____等級風險」尚待填寫${RISK_LEVEL_LABEL}（視各機關資安規範要求）`,
        );
    }
    return next;
  },
};
