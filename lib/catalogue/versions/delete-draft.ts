import type { TDb } from "../../db/client";
import { assertCatalogueAdmin, auditCatalogue, lockedDraft, type TCatalogueActor } from "./actor";

/** Discards a draft (never a published version: cases and contracts may rest on it). */
export async function deleteDraft(db: TDb, actor: TCatalogueActor, versionId: string, lockVersion: number): Promise<void> {
  await db.$transaction(async (tx) => {
    await assertCatalogueAdmin(tx, actor);
    const row = await lockedDraft(db, tx, versionId, lockVersion);
    await tx.requirement.deleteMany({ where: { versionId } });
    await tx.serviceType.deleteMany({ where: { versionId } });
    await tx.catalogueVersion.delete({ where: { id: versionId } });
    await auditCatalogue(tx, actor, "catalogue.draft-delete", versionId, { basedOn: row.basedOn, title: row.title });
  });
}
