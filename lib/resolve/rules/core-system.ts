import { addReason, settle } from "../draft";
import { CORE_SYSTEM_ARTICLE } from "../text";
import type { TRule } from "../types";

/** Source note 「依資通安全責任等級分級辦法附表一至六應辦事項規定，委託機關認定為核心資通系統時必選」. */
const NOTE = "一覽表說明：「依資通安全責任等級分級辦法附表一至六應辦事項規定，委託機關認定為核心資通系統時必選」";

export const coreSystemRule: TRule = {
  name: "core-system",
  apply(draft, ctx) {
    if (!draft.item.hints.coreSystemRequired || draft.mark === "-") return draft;
    if (ctx.coreSystemBy === "input") return settle(draft, "standard", `${NOTE}；本案為核心資通系統，必選（標配）`);
    if (ctx.coreSystemBy === "grade")
      return settle(draft, "standard", `${NOTE}；本案系統防護需求等級為高，依${CORE_SYSTEM_ARTICLE}屬核心資通系統，必選（標配）`);
    return addReason(draft, `${NOTE}；本案非核心資通系統，依標示判定`);
  },
};
