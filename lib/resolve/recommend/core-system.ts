import { CORE_SYSTEM_ARTICLE } from "../text";
import { noteBasis } from "./note";
import type { TRecommendRule } from "./rule";

const NOTE = "依資通安全責任等級分級辦法附表一至六應辦事項規定，委託機關認定為核心資通系統時必選";

/**
 * Note 「委託機關認定為核心資通系統時必選」 (shared/seeds/002) against the core-system fact. Not core: the
 * note says nothing either way, so no recommendation (the ◎ mark leaves it to the agency).
 */
export const coreSystemNoteRule: TRecommendRule = {
  name: "core-system-note",
  citation: `一覽表說明：「${NOTE}」`,
  recommend(draft, ctx) {
    if (!draft.item.hints.coreSystemRequired || !ctx.coreSystemBy) return undefined;
    const why = ctx.coreSystemBy === "grade" ? `系統防護需求等級為高，依${CORE_SYSTEM_ARTICLE}屬核心資通系統` : "本案為核心資通系統";
    return { decision: "include", reason: `${why}，依一覽表說明必選`, basis: noteBasis(draft, NOTE) };
  },
};
