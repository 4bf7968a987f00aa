import type { TCatalogueFile } from "../../catalogue/schema";
import { obligationMatrix } from "../obligation-matrix";
import type { TRecommendRule } from "./rule";

/**
 * A ▲ measure the agency procures agency-wide (its profile names the contract) → 另案辦理 with that
 * contract. Source: the catalogue's legend for ▲ 「經確認納入他案辦理者，本案免辦」 (shared/seeds/002).
 */
export const coveredElsewhereRule: TRecommendRule = {
  name: "covered-elsewhere",
  citation: "一覽表（112-09-25）▲ 標示說明：「經確認納入他案辦理者，本案免辦」",
  recommend(draft, ctx) {
    const measure = draft.mark === "▲" ? draft.item.hints.levelMeasure : null;
    const reference = measure ? ctx.covered.get(measure) : undefined;
    if (!reference) return undefined;
    return {
      decision: "other-procurement",
      reason: `機關已以全機關契約「${reference}」辦理，本案免辦`,
      basis: `機關資料：全機關辦理之 ▲ 事項；${coveredElsewhereRule.citation}`,
      reference,
    };
  },
};

/** The ▲ measures a catalogue's items rest on (key and the ▲ table's name), for the agency profile's list. */
export function coverableMeasures(catalogue: TCatalogueFile): { key: string; name: string }[] {
  const measures = obligationMatrix(catalogue.obligations).measures;
  const keys = new Set<string>();
  for (const t of catalogue.serviceTypes) for (const i of t.items) if (i.hints.levelMeasure && measures[i.hints.levelMeasure]) keys.add(i.hints.levelMeasure);
  return [...keys].map((key) => ({ key, name: measures[key]!.name }));
}
