import type { TDb } from "../../db/client";
import { parseCatalogueData } from "../bundled";
import { CatalogueError } from "../errors";
import { versionFields, writeRows } from "../store";
import { assertCatalogueAdmin, auditCatalogue, type TCatalogueActor } from "./actor";
import { assertNewVersionId } from "./create-draft";

/** Reads a data file (the format of data/catalogue/, as the export writes it) into a new draft. */
export async function importVersion(db: TDb, actor: TCatalogueActor, fileName: string, text: string): Promise<{ version: string }> {
  let file;
  try {
    file = { ...parseCatalogueData(fileName, text), status: "draft" as const };
  } catch (e) {
    if (e instanceof CatalogueError) throw new CatalogueError("invalid", e.message, [{ path: "file", message: e.message }]);
    throw e;
  }
  return db.$transaction(async (tx) => {
    await assertCatalogueAdmin(tx, actor);
    await assertNewVersionId(tx, file.version, "file");
    await tx.catalogueVersion.create({ data: { id: file.version, ...versionFields(file), status: "draft", createdByName: actor.name } });
    await writeRows(tx, file);
    await auditCatalogue(tx, actor, "catalogue.import", file.version, undefined, { fileName, basedOn: file.basedOn });
    return { version: file.version };
  });
}
