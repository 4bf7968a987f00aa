import { noteBasis } from "./note";
import type { TRecommendRule } from "./rule";

/** The notes' wording (shared/seeds/002), one per fact the catalogue hints name. */
const NOTE = { externalService: "涉及重要對外服務之系統建議評估辦理", cii: "涉及關鍵資訊基礎設施之系統建議評估辦理" } as const;
const MET = { externalService: "本案涉及重要對外服務", cii: "本案涉及關鍵資訊基礎設施" } as const;

/**
 * Notes 「涉及重要對外服務／關鍵資訊基礎設施之系統建議評估辦理」 against the case's facts: the fact holds →
 * 建議納入. It does not: the note is silent, so no recommendation.
 */
export const assessWhenRule: TRecommendRule = {
  name: "assess-when",
  citation: `一覽表說明：「${NOTE.externalService}」「${NOTE.cii}」`,
  recommend(draft, ctx) {
    const met = draft.item.hints.recommendedWhen.filter((fact) => ctx.facts[fact]);
    if (!met.length) return undefined;
    return {
      decision: "include",
      reason: `${met.map((f) => MET[f]).join("、")}，一覽表說明建議評估辦理`,
      basis: noteBasis(draft, NOTE[met[0]!]),
    };
  },
};
