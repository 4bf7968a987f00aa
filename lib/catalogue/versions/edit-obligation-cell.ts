import type { TDb } from "../../db/client";
import { applyCellEdit, CellEditError, ZCellEditInput } from "../../resolve/obligations-edit";
import { validateDraft } from "../edit";
import { CatalogueError } from "../errors";
import { readCatalogue } from "../store";
import { assertCatalogueAdmin, auditCatalogue, lockedDraft, type TCatalogueActor } from "./actor";
import { replaceDraft } from "./edit-draft";

/**
 * One cell of a draft's ▲ table: its value and, optionally, 「已核對官方附表」 with the document, page or
 * item and the verbatim text. Who and when are recorded in the cell and in the audit trail; publishing
 * carries the cell as it is into the published version.
 */
export async function editObligationCell(
  db: TDb,
  actor: TCatalogueActor,
  versionId: string,
  lockVersion: number,
  raw: unknown,
  now: Date = new Date(),
): Promise<{ lockVersion: number }> {
  const parsed = ZCellEditInput.safeParse(raw);
  if (!parsed.success)
    throw new CatalogueError(
      "invalid",
      "內容有誤，未能儲存；請依欄位說明修正。",
      parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  const edit = parsed.data;
  return db.$transaction(async (tx) => {
    await assertCatalogueAdmin(tx, actor);
    await lockedDraft(db, tx, versionId, lockVersion);
    const file = await readCatalogue(tx, versionId);
    let result;
    try {
      result = applyCellEdit(file.obligations, edit, actor, now);
    } catch (e) {
      if (e instanceof CellEditError) throw new CatalogueError("invalid", e.message, e.issues);
      throw e;
    }
    const checked = validateDraft({ ...file, obligations: result.table }, ["obligations"]);
    if (!checked.ok) throw new CatalogueError("invalid", "內容有誤，未能儲存；請依欄位說明修正。", checked.issues);
    const newLock = await replaceDraft(tx, checked.file);
    await auditCatalogue(tx, actor, edit.verification ? "catalogue.verify-obligation-cell" : "catalogue.set-obligation-cell", versionId, result.before, {
      target: `${edit.measure}/${edit.column}`,
      value: result.after,
    });
    return { lockVersion: newLock };
  });
}
