import type { TRule } from "../types";

/** Items noted 「提請機關資安長確認」 carry a flag so the review step routes them to the CISO. */
export const cisoConfirmRule: TRule = {
  name: "ciso-confirm",
  apply(draft) {
    if (!draft.item.hints.cisoConfirm || draft.status === "not-applicable") return draft;
    return {
      ...draft,
      cisoConfirm: true,
      reasons: [...draft.reasons, "一覽表載明須「提請機關資安長確認」（見子項內容或說明欄），請送機關資通安全長確認"],
    };
  },
};
