import type { TSettledDraft } from "./rule";

/** The item's 說明 as the basis of a note rule: verbatim from the catalogue (data), else the rule's own quote. */
export const noteBasis = (draft: TSettledDraft, fallback: string): string => `一覽表說明：「${draft.item.note.trim() || fallback}」`;
