import type { TDb } from "../db/client";
import { assertAdmin, type TAdminActor } from "./actor";

/** The actions that occur in the agency's log, for the filter's choices. */
export async function listAuditActions(db: TDb, actor: TAdminActor): Promise<string[]> {
  await assertAdmin(db, actor);
  const rows = await db.auditEntry.groupBy({ by: ["action"], where: { agencyId: actor.agencyId }, orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}
