import type { TDb } from "../db/client";
import { assertAdmin, type TAdminActor } from "./actor";

/** The admin's agency and its settings, as the settings page shows them. */
export async function getAgencySettings(db: TDb, actor: TAdminActor): Promise<{ name: string; idleTimeoutMinutes: number }> {
  await assertAdmin(db, actor);
  return db.agency.findUniqueOrThrow({ where: { id: actor.agencyId }, select: { name: true, idleTimeoutMinutes: true } });
}
