import { addReason, settle } from "../draft";
import type { TRule } from "../types";

/** 行動應用 App 基本資安標章 presupposes an app: not applicable to a case without one. */
export const mobileAppRule: TRule = {
  name: "mobile-app",
  apply(draft, ctx) {
    if (!draft.item.hints.mobileAppOnly || draft.mark === "-") return draft;
    return ctx.facts.mobileApp
      ? addReason(draft, "本案包含行動應用程式（App），本項依一覽表標示辦理")
      : settle(draft, "not-applicable", "本案不含行動應用程式（App），行動應用 App 基本資安標章之要求不適用");
  },
};
