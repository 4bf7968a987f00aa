import { addReason } from "../draft";
import type { TRule } from "../types";

/** Drill notes: a reason that leans toward inclusion; the item stays optional for the officer to decide. */
const NOTE = {
  externalService: "一覽表說明：「涉及重要對外服務之系統建議評估辦理」；本案涉及重要對外服務，建議納入（仍由機關評估決定）",
  cii: "一覽表說明：「涉及關鍵資訊基礎設施之系統建議評估辦理」；本案涉及關鍵資訊基礎設施，建議納入（仍由機關評估決定）",
} as const;

export const recommendedRule: TRule = {
  name: "recommended",
  apply(draft, ctx) {
    if (draft.status === "not-applicable") return draft;
    let next = draft;
    for (const fact of draft.item.hints.recommendedWhen) if (ctx.facts[fact]) next = addReason(next, NOTE[fact]);
    return next;
  },
};
