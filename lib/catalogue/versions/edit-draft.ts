import type { TDb } from "../../db/client";
import type { TTx } from "../../audit";
import { applyDraftEdit, validateDraft, ZDraftEdit } from "../edit";
import { CatalogueError } from "../errors";
import type { TCatalogueFile } from "../schema";
import { readCatalogue, versionFields, writeRows } from "../store";
import { assertCatalogueAdmin, auditCatalogue, lockedDraft, type TCatalogueActor } from "./actor";

/** Replaces a draft's content in place (the row keeps its bookkeeping) and bumps its lock version. */
export async function replaceDraft(tx: TTx, file: TCatalogueFile): Promise<number> {
  await tx.requirement.deleteMany({ where: { versionId: file.version } });
  await tx.serviceType.deleteMany({ where: { versionId: file.version } });
  const row = await tx.catalogueVersion.update({
    where: { id: file.version },
    data: { ...versionFields(file), lockVersion: { increment: 1 } },
    select: { lockVersion: true },
  });
  await writeRows(tx, file);
  return row.lockVersion;
}

/**
 * One edit of a draft (an item's text, marks, note, hints or legal basis; add, retire, restore, reorder;
 * the version's title and change summary; the ▲ table; the clause library). Validated as strictly as
 * the loader validates a data file; refused if another admin saved since `lockVersion`.
 */
export async function editDraft(db: TDb, actor: TCatalogueActor, versionId: string, lockVersion: number, raw: unknown): Promise<{ lockVersion: number }> {
  const parsed = ZDraftEdit.safeParse(raw);
  if (!parsed.success)
    throw new CatalogueError(
      "invalid",
      "資料格式有誤",
      parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  const edit = parsed.data;
  return db.$transaction(async (tx) => {
    await assertCatalogueAdmin(tx, actor);
    const row = await lockedDraft(db, tx, versionId, lockVersion);
    const file = await readCatalogue(tx, versionId);
    // Read only for the edits that need them: the base for a restore, every id ever used for a new row.
    const base = edit.op === "restore-item" && row.basedOn ? await readCatalogue(tx, row.basedOn).catch(() => null) : null;
    const usedIds = new Set(edit.op === "add-item" ? (await tx.requirement.findMany({ distinct: ["id"], select: { id: true } })).map((r) => r.id) : []);
    const { next, focus, summary } = applyDraftEdit(file, edit, { base, usedIds });
    const checked = validateDraft(next, focus);
    if (!checked.ok) throw new CatalogueError("invalid", "內容有誤，未能儲存；請依欄位說明修正。", checked.issues);
    const newLock = await replaceDraft(tx, checked.file);
    const target = "itemId" in edit ? edit.itemId : "serviceType" in edit ? `${edit.serviceType}.${"slug" in edit ? edit.slug : ""}` : undefined;
    await auditCatalogue(tx, actor, `catalogue.${edit.op}`, versionId, summary.before, {
      ...(target ? { target } : {}),
      ...(summary.after !== undefined ? { value: summary.after } : {}),
    });
    return { lockVersion: newLock };
  });
}
