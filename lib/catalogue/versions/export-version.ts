import type { TDb } from "../../db/client";
import { readCatalogue } from "../store";

/**
 * A version as a data file in the format of data/catalogue/, with its ▲ table and clause library inlined
 * so that the file stands on its own; importing it gives back the same content (as a draft).
 */
export async function exportVersion(db: TDb, versionId: string): Promise<{ fileName: string; text: string }> {
  const file = await readCatalogue(db, versionId);
  return { fileName: `${file.version}.json`, text: `${JSON.stringify(file, null, 2)}\n` };
}
