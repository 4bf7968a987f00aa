import type { TCatalogueFile, TCatalogueItem, TServiceType } from "./schema";

// NFKC folds full-width Latin and brackets (（SaaS） vs (SaaS)) so officers find rows however they type.
const fold = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, "");

export function searchTerms(query: string): string[] {
  return query.normalize("NFKC").split(/\s+/).map(fold).filter(Boolean);
}

export function itemMatches(item: TCatalogueItem, terms: string[]): boolean {
  const hay = fold(`${item.id} ${item.category} ${item.text} ${item.note}`);
  return terms.every((t) => hay.includes(t));
}

export type TSearchHit = { type: Pick<TServiceType, "key" | "name">; items: TCatalogueItem[] };

/** Items matching every term, across all service types, grouped by type in catalogue order. */
export function searchCatalogue(catalogue: TCatalogueFile, query: string): TSearchHit[] {
  const terms = searchTerms(query);
  if (!terms.length) return [];
  return catalogue.serviceTypes
    .map((t) => ({ type: { key: t.key, name: t.name }, items: t.items.filter((i) => itemMatches(i, terms)) }))
    .filter((hit) => hit.items.length > 0);
}
