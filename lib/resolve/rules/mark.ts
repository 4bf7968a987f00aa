import { GRADE_LABEL } from "../../catalogue/schema";
import { MARK_LABEL } from "../text";
import type { TRule, TStatus } from "../types";

/** ● 標配 → standard, ◎ 選配 → optional, - → not-applicable; ▲ is left to the level rule. Source: the table's legend. */
const BASE: Record<"●" | "◎" | "-", TStatus> = { "●": "standard", "◎": "optional", "-": "not-applicable" };

export const markRule: TRule = {
  name: "mark",
  apply(draft, ctx) {
    const said = `一覽表（${ctx.catalogueDate}）標示 ${draft.mark} ${MARK_LABEL[draft.mark]}：${GRADE_LABEL[ctx.grade]}級系統`;
    if (draft.mark === "▲") return { ...draft, reasons: [...draft.reasons, `${said}；得納入本案或另於他案採購（經確認納入他案辦理者，本案免辦）`] };
    const status = BASE[draft.mark];
    const reason = status === "optional" ? `${said}；請機關評估是否納入並記錄理由` : said;
    return { ...draft, status, reasons: [...draft.reasons, reason] };
  },
};
