import type { TDb } from "../db/client";
import { storedParameterLayer } from "../cases/set-clause-parameters";
import { assertAdmin, type TAdminActor } from "./actor";

/** The admin's agency and its settings, as the settings page shows them. */
export async function getAgencySettings(db: TDb, actor: TAdminActor): Promise<{ name: string; idleTimeoutMinutes: number }> {
  await assertAdmin(db, actor);
  return db.agency.findUniqueOrThrow({ where: { id: actor.agencyId }, select: { name: true, idleTimeoutMinutes: true } });
}

/** The admin's agency's clause-parameter defaults as stored (validated when shown and when used). */
export async function getClauseDefaults(db: TDb, actor: TAdminActor): Promise<Record<string, unknown>> {
  await assertAdmin(db, actor);
  const row = await db.agency.findUniqueOrThrow({ where: { id: actor.agencyId }, select: { clauseDefaults: true } });
  return storedParameterLayer(row.clauseDefaults);
}
