import type { TCatalogueFile } from "../catalogue/schema";

/**
 * The catalogue a case resolves against: the requested version, or the newest published one
 * (version ids sort by date, as in the store's newestPublished).
 * null → the API answers 400 (unknown version), never 500.
 */
export function selectCatalogue(catalogues: readonly TCatalogueFile[], version?: string): TCatalogueFile | null {
  if (version !== undefined) return catalogues.find((catalogue) => catalogue.version === version) ?? null;
  let newest: TCatalogueFile | null = null;
  for (const catalogue of catalogues) if (catalogue.status === "published" && (!newest || catalogue.version > newest.version)) newest = catalogue;
  return newest;
}
