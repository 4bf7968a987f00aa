import type { TServiceTypeKey } from "../../catalogue/schema";
import { rocLongDate } from "../text/format";
import { cleanLine, cleanText } from "../text/sanitize";
import { placementOf } from "./inclusion";
import type { TExportInput, TRiskLine } from "./types";

const PLACEMENT = {
  included: "納入本案",
  elsewhere: "納入他案辦理，本案免辦",
  omitted: "不納入本案",
  undecided: "尚未決定",
} as const;

export const STANDARD_REASON = "標配項目，承辦人無須決定";

/**
 * The risks the CISO accepted, one line per accepted checklist item, in checklist order: what the
 * requirement is and where it went, why (the catalogue's note, the officer's reason, the CISO's comment),
 * who accepted it and when. An acceptance of an id no longer on the checklist says nothing.
 */
export function riskLines(
  input: TExportInput,
  typeNames: ReadonlyMap<TServiceTypeKey, string>,
  /** The catalogue text with the case's blanks filled (「未含____等級風險」 → the case's level), as in the annex. */
  fill: (text: string) => string = (text) => text,
): TRiskLine[] {
  const accepted = new Map((input.acceptedRisks ?? []).map((r) => [r.itemId, r]));
  const notes = new Map(input.catalogue.serviceTypes.flatMap((t) => t.items.map((i) => [i.id, i.note] as const)));
  return input.items.flatMap((item) => {
    const risk = accepted.get(item.id);
    if (!risk) return [];
    const placement = placementOf(item);
    const reference = placement === "elsewhere" && item.decision?.reference ? `（${cleanLine(item.decision.reference)}）` : "";
    return [
      {
        id: item.id,
        types: typeNames.get(item.serviceType) ?? item.serviceType,
        category: cleanLine(item.category),
        text: cleanText(fill(item.text)),
        placement: PLACEMENT[placement] + reference,
        note: cleanText(fill(notes.get(item.id) ?? "")),
        // A 標配 item has no decision, so no reason: say why rather than print 「（未填）」.
        reason: cleanText(item.decision?.reason ?? "") || (item.status === "standard" && !item.decision ? STANDARD_REASON : ""),
        comment: cleanText(risk.comment),
        acceptedBy: cleanLine(risk.acceptedBy) || "（未具名）",
        acceptedOn: rocLongDate(risk.acceptedAt),
        reviewOn: risk.reviewBy ? rocLongDate(risk.reviewBy) : null,
      },
    ];
  });
}
