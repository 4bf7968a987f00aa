import { GRADE_LABEL } from "../../catalogue/schema";
import { addReason } from "../draft";
import type { TRule } from "../types";

/** Tells the officer what goes in the blanks (`_____級`, `未含____等級風險`); the text itself stays verbatim. */
export const placeholdersRule: TRule = {
  name: "placeholders",
  apply(draft, ctx) {
    if (!draft.item.hints.placeholders.length || draft.status === "not-applicable") return draft;
    let next = draft;
    for (const placeholder of draft.item.hints.placeholders) {
      if (placeholder === "grade")
        next = addReason(next, `子項之「_____級」應填入本案系統防護需求等級：${GRADE_LABEL[ctx.grade]}級`);
      else
        next = addReason(
          next,
          ctx.riskLevel
            ? `子項之「未含____等級風險」填入：${ctx.riskLevel}（掃描報告風險接受等級視各機關資安規範要求）`
            : "子項之「未含____等級風險」尚待填寫：掃描報告風險接受等級視各機關資安規範要求",
        );
    }
    return next;
  },
};
