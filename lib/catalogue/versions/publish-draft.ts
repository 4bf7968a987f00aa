import type { TDb } from "../../db/client";
import { validateDraft } from "../edit";
import { CatalogueError } from "../errors";
import { readCatalogue } from "../store";
import { assertCatalogueAdmin, auditCatalogue, lockedDraft, type TCatalogueActor } from "./actor";
import { replaceDraft } from "./edit-draft";
import { notifyCataloguePublished } from "../../notifications/events";

/**
 * Publishes a draft: from now on the database refuses any change to it, and (its id sorting last) it is
 * the default for new cases. Existing cases stay pinned to the version they were built on.
 */
export async function publishDraft(
  db: TDb,
  actor: TCatalogueActor,
  versionId: string,
  lockVersion: number,
  changeSummary: string,
): Promise<{ publishedAt: Date }> {
  const summary = changeSummary.trim();
  return db.$transaction(async (tx) => {
    await assertCatalogueAdmin(tx, actor);
    const row = await lockedDraft(db, tx, versionId, lockVersion);
    if (!summary)
      throw new CatalogueError("invalid", "請填寫變更摘要", [{ path: "changeSummary", message: "請說明此版本與基準版本的差異，發布後會與版本一起顯示" }]);
    const newest = await tx.catalogueVersion.findFirst({ where: { status: "published" }, orderBy: { id: "desc" }, select: { id: true } });
    if (newest && versionId < newest.id)
      throw new CatalogueError("invalid", `版本代碼 ${versionId} 排在已發布的 ${newest.id} 之前，發布後不會成為預設版本；請以較新的代碼建立草稿。`);
    // Held to the loader's schema once more: what is published must load from its own export.
    const checked = validateDraft({ ...(await readCatalogue(tx, versionId)), changeSummary: summary }, null);
    if (!checked.ok) throw new CatalogueError("invalid", "草稿內容有誤，無法發布", checked.issues);
    if (checked.file.changeSummary !== row.changeSummary) await replaceDraft(tx, checked.file);
    const publishedAt = new Date();
    await tx.catalogueVersion.update({
      where: { id: versionId },
      data: { status: "published", publishedAt, publishedById: actor.id, publishedByName: actor.name, lockVersion: { increment: 1 } },
    });
    await auditCatalogue(tx, actor, "catalogue.publish", versionId, { status: "draft" }, { status: "published", changeSummary: summary });
    await notifyCataloguePublished(tx, versionId);
    return { publishedAt };
  });
}
