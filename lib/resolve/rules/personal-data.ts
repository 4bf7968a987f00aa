import { settle } from "../draft";
import type { TRule } from "../types";

/** Source note 「提供服務項目涉及個資時應納入要求」: standard with personal data, not-applicable without. */
const NOTE = "一覽表說明：「提供服務項目涉及個資時應納入要求」";

export const personalDataRule: TRule = {
  name: "personal-data",
  apply(draft, ctx) {
    if (!draft.item.hints.personalData || draft.mark === "-") return draft;
    return ctx.facts.personalData
      ? settle(draft, "standard", `${NOTE}；本案涉及個人資料，應納入（標配）`)
      : settle(draft, "not-applicable", `${NOTE}；本案未涉及個人資料，不適用`);
  },
};
