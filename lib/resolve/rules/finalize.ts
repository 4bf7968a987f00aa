import { settle } from "../draft";
import type { TRule } from "../types";

/** Safety net: an item no rule settled is never guessed; it goes to the officer. */
export const finalizeRule: TRule = {
  name: "finalize",
  apply(draft) {
    return draft.status === null ? settle(draft, "needs-decision", "無可適用之判定規則，請機關決定") : draft;
  },
};
