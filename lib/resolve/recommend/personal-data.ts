import { noteBasis } from "./note";
import type { TRecommendRule } from "./rule";

const NOTE = "提供服務項目涉及個資時應納入要求";

/** Note 「提供服務項目涉及個資時應納入要求」 (shared/seeds/002) against the case's personal-data fact. */
export const personalDataNoteRule: TRecommendRule = {
  name: "personal-data-note",
  citation: `一覽表說明：「${NOTE}」`,
  recommend(draft, ctx) {
    if (!draft.item.hints.personalData) return undefined;
    const basis = noteBasis(draft, NOTE);
    return ctx.facts.personalData
      ? { decision: "include", reason: "本案涉及個人資料，依一覽表說明應納入", basis }
      : { decision: "exclude", reason: "本案未涉及個人資料，一覽表說明之納入條件不成立", basis };
  },
};
