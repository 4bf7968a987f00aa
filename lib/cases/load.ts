import type { TDb } from "../db/client";
import { readCatalogue } from "../catalogue/store";
import { loadObligations } from "../resolve/load-obligations";
import { buildChecklist } from "./checklist";
import type { TCaseRecord } from "./store";

let obligations: ReturnType<typeof loadObligations> | undefined;

/** The case's checklist, resolved against the catalogue version the case is pinned to. */
export async function loadChecklist(db: TDb, record: TCaseRecord) {
  obligations ??= loadObligations();
  const catalogue = await readCatalogue(db, record.catalogueVersionId);
  return { catalogue, checklist: buildChecklist(catalogue, obligations, record) };
}
