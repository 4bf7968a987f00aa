import type { TDb } from "../db/client";
import type { TTx } from "../audit";
import { newestPublished, readCatalogue } from "../catalogue/store";
import type { TCatalogueFile } from "../catalogue/schema";
import { buildChecklist } from "./checklist";
import type { TCaseRecord } from "./store";

// Published versions are immutable (database triggers), so a case's pinned catalogue is read once per
// database; drafts are read every time. Every review render and decision save re-resolves the case.
const published = new WeakMap<object, Map<string, TCatalogueFile>>();

/** A catalogue version with its obligations table and clause library; published ones are cached. */
export async function pinnedCatalogue(db: TDb | TTx, version: string): Promise<TCatalogueFile> {
  let perDb = published.get(db);
  if (!perDb) published.set(db, (perDb = new Map()));
  const hit = perDb.get(version);
  if (hit) return hit;
  const catalogue = await readCatalogue(db, version);
  if (catalogue.status === "published") perDb.set(version, catalogue);
  return catalogue;
}

/** The newest published version: the one new cases are built on and agency defaults are set against. */
export async function newestCatalogue(db: TDb | TTx): Promise<TCatalogueFile> {
  return pinnedCatalogue(db, (await newestPublished(db)) ?? "");
}

/** The case's checklist, resolved against the catalogue version (and its ▲ table) the case is pinned to. */
export async function loadChecklist(db: TDb | TTx, record: TCaseRecord) {
  const catalogue = await pinnedCatalogue(db, record.catalogueVersionId);
  return { catalogue, checklist: buildChecklist(catalogue, catalogue.obligations, record) };
}
