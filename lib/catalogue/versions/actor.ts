import type { TTx } from "../../audit";
import type { TDb } from "../../db/client";
import { lockCatalogueVersionRow } from "../../db/lock";
import { recordAudit } from "../../audit";
import { parseRoles, type TActor } from "../../auth/roles";
import { CatalogueError } from "../errors";

/** Who acts: the session's user. The role is re-read inside the write's transaction, never trusted. */
export type TCatalogueActor = Pick<TActor, "id" | "name" | "agencyId">;

export async function assertCatalogueAdmin(tx: TTx, actor: TCatalogueActor): Promise<void> {
  const row = await tx.user.findUnique({ where: { id: actor.id }, select: { roles: true, active: true } });
  if (!row || !row.active || !parseRoles(row.roles).includes("catalogue-admin")) throw new CatalogueError("forbidden", "只有目錄管理者可以管理目錄版本。");
}

/**
 * The draft as the database has it now, its row locked for the transaction (PostgreSQL); a published or
 * missing version, or one saved since `expectedLockVersion`, is refused with a reason.
 */
export async function lockedDraft(db: TDb, tx: TTx, versionId: string, expectedLockVersion: number | null) {
  await lockCatalogueVersionRow(db, tx, versionId);
  const row = await tx.catalogueVersion.findUnique({ where: { id: versionId } });
  if (!row) throw new CatalogueError("not-found", `找不到目錄版本 ${versionId}。`);
  if (row.status !== "draft") throw new CatalogueError("immutable", `目錄版本 ${versionId} 已發布，不能再修改；請以它為基礎建立新草稿。`);
  if (expectedLockVersion !== null && row.lockVersion !== expectedLockVersion)
    throw new CatalogueError("conflict", "另一位目錄管理者已修改此草稿。請重新載入頁面後再改；您輸入的內容仍保留在表單中。");
  return row;
}

/** Catalogue actions are app-wide; the entry is filed under the actor's agency so its admins see it too. */
export function auditCatalogue(tx: TTx, actor: TCatalogueActor, action: string, versionId: string, before?: unknown, after?: unknown) {
  return recordAudit(tx, {
    agencyId: actor.agencyId,
    actorId: actor.id,
    actorName: actor.name,
    action,
    targetType: "catalogue",
    targetId: versionId,
    before,
    after,
  });
}
