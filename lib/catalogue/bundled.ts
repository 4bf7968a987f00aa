import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { TDb } from "../db/client";
import { parseCatalogueText } from "./validate";
import { storeCatalogue, type TLoadResult } from "./store";

export const CATALOGUE_DIR = path.join(process.cwd(), "data", "catalogue");

/** The one loader: reads and validates a catalogue data file. */
export function readCatalogueFile(file: string) {
  const name = path.relative(process.cwd(), file) || file;
  return parseCatalogueText(name, readFileSync(file, "utf8"));
}

export function bundledCatalogueFiles(dir: string = CATALOGUE_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Loads every bundled version the database lacks (idempotent). */
export async function loadBundledCatalogues(db: TDb, dir?: string): Promise<TLoadResult[]> {
  const results: TLoadResult[] = [];
  for (const file of bundledCatalogueFiles(dir)) results.push(await storeCatalogue(db, readCatalogueFile(file)));
  return results;
}
