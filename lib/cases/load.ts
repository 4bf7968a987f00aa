import type { TDb } from "../db/client";
import { readCatalogue } from "../catalogue/store";
import type { TCatalogueFile } from "../catalogue/schema";
import { loadObligations } from "../resolve/load-obligations";
import { buildChecklist } from "./checklist";
import type { TCaseRecord } from "./store";

let obligations: ReturnType<typeof loadObligations> | undefined;

// Published versions are immutable (database triggers), so a case's pinned catalogue is read once per
// database; drafts are read every time. Every review render and decision save re-resolves the case.
const published = new WeakMap<TDb, Map<string, TCatalogueFile>>();

async function pinnedCatalogue(db: TDb, version: string): Promise<TCatalogueFile> {
  let perDb = published.get(db);
  if (!perDb) published.set(db, (perDb = new Map()));
  const hit = perDb.get(version);
  if (hit) return hit;
  const catalogue = await readCatalogue(db, version);
  if (catalogue.status === "published") perDb.set(version, catalogue);
  return catalogue;
}

/** The case's checklist, resolved against the catalogue version the case is pinned to. */
export async function loadChecklist(db: TDb, record: TCaseRecord) {
  obligations ??= loadObligations();
  const catalogue = await pinnedCatalogue(db, record.catalogueVersionId);
  return { catalogue, checklist: buildChecklist(catalogue, obligations, record) };
}
