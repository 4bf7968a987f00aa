import type { TRecommendRule } from "./rule";

/**
 * A ▲ measure the agency's 附表 requires (the level rule resolved it standard) and no agency-wide
 * contract covers → 本案辦理. Source: 資通安全責任等級分級辦法附表一～八 (the cell the item rests on).
 */
export const levelRequiredRule: TRecommendRule = {
  name: "level-required",
  citation: "資通安全責任等級分級辦法附表一～八",
  recommend(draft) {
    if (draft.mark !== "▲" || draft.status !== "standard") return undefined;
    const frequency = draft.frequency ? `（${draft.frequency}）` : "";
    return {
      decision: "this-case",
      reason: `本機關之責任等級應辦此事項${frequency}，且機關資料未登錄已另案辦理之全機關契約`,
      basis: draft.basis?.citation ?? levelRequiredRule.citation,
    };
  },
};
