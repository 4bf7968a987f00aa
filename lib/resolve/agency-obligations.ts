import { triggerText } from "./rules/third-party-testing";
import { RELIABILITY_NOTE, THIRD_PARTY_ARTICLE } from "./text";
import type { TCaseContext, TResolvedItem } from "./types";

/** What the agency itself must do (not the vendor); one entry per duty, however many items carry it. */
export function agencyObligations(ctx: TCaseContext, items: readonly TResolvedItem[]): string[] {
  const obligations: string[] = [];
  if (items.some((item) => item.thirdPartyTesting))
    obligations.push(
      `委託機關應自行或另行委託第三方進行安全性檢測：本案${triggerText(ctx)}。依據：${THIRD_PARTY_ARTICLE}「受託業務包括客製化資通系統開發者，受託者應提供該資通系統之安全性檢測證明；該資通系統屬委託機關之核心資通系統，或委託金額達新臺幣一千萬元以上者，委託機關應自行或另行委託第三方進行安全性檢測」${RELIABILITY_NOTE.P}`,
    );
  return obligations;
}
