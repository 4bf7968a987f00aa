import { readFileSync } from "node:fs";
import path from "node:path";
import { expandReferences, readCatalogueFile } from "@/lib/catalogue/bundled";
import type { TCatalogueFile } from "@/lib/catalogue/schema";

export const BUNDLED_FILE = path.join(process.cwd(), "data/catalogue/2023-09-25.json");

/** The bundled file with its obligations table and clause library inlined (the shape the schema validates). */
export function rawBundled(): Record<string, unknown> {
  return expandReferences(BUNDLED_FILE, JSON.parse(readFileSync(BUNDLED_FILE, "utf8"))) as Record<string, unknown>;
}

export function bundled(): TCatalogueFile {
  return readCatalogueFile(BUNDLED_FILE);
}

/**
 * The bundled versions: the authority's 112-09-25 table, its citation update, and the same with the ▲ table
 * by agency kind (the newest published).
 */
export const BASE_VERSION = "2023-09-25";
export const CITATION_VERSION = "2023-09-25-law2026";
export const NEWEST_VERSION = "2023-09-25-obl2026";
export const KNOWN_VERSIONS = `${NEWEST_VERSION}、${CITATION_VERSION}、${BASE_VERSION}`;

export function newestBundled(): TCatalogueFile {
  return readCatalogueFile(path.join(process.cwd(), `data/catalogue/${NEWEST_VERSION}.json`));
}
