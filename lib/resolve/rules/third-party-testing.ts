import { formatNtd, THIRD_PARTY_ARTICLE } from "../text";
import type { TCaseContext, TRule } from "../types";

/**
 * 施行細則 2026 §7 I ④ (2021 §4 I ⑤): core system or contract ≥ NT$10,000,000 → the agency tests
 * itself or through a third party. A flag and a reason only: the item's status does not change.
 */
export const thirdPartyTestingRule: TRule = {
  name: "third-party-testing",
  apply(draft, ctx) {
    if (!draft.item.hints.thirdPartyTesting || !ctx.thirdPartyTriggers.length || draft.status === "not-applicable") return draft;
    const reason = `${THIRD_PARTY_ARTICLE}：${triggerText(ctx)}，委託機關應自行或另行委託第三方進行安全性檢測（已列入機關應辦事項）`;
    return { ...draft, thirdPartyTesting: true, reasons: [...draft.reasons, reason] };
  },
};

/** Shared with the agency obligation, so both say the same thing. */
export function triggerText(ctx: TCaseContext): string {
  return ctx.thirdPartyTriggers
    .map((trigger) =>
      trigger === "contractValue"
        ? `委託金額${formatNtd(ctx.contractValue)}，達新臺幣一千萬元以上`
        : ctx.coreSystemBy === "grade"
          ? "系統防護需求等級為高，屬核心資通系統"
          : "屬委託機關之核心資通系統",
    )
    .join("，且");
}
