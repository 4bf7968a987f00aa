import type { TDb } from "../db/client";
import type { TTx } from "../audit";
import { parseRoles, type TActor } from "../auth/roles";
import { AdminError } from "../admin/errors";

/** Who acts on /platform: the session's user (roles re-read in the transaction) or the server's shell. */
export type TPlatformActor = Pick<TActor, "id" | "name" | "agencyId"> | "operator";

/** The actor must be an active 平台管理者 as the database says now (the shell's operator always is). */
export async function assertPlatformAdmin(db: TDb | TTx, actor: TPlatformActor): Promise<void> {
  if (actor === "operator") return;
  const row = await db.user.findUnique({ where: { id: actor.id }, select: { roles: true, active: true, agency: { select: { active: true } } } });
  if (!row || !row.active || !row.agency.active || !parseRoles(row.roles).includes("platform-admin"))
    throw new AdminError("forbidden", "只有平台管理者可以管理機關。");
}

export const OPERATOR = "系統管理指令（CLI）";
/** The audit entry's actor fields; the entry is filed under the agency acted on. */
export const auditActor = (actor: TPlatformActor) =>
  actor === "operator" ? { actorId: null, actorName: OPERATOR } : { actorId: actor.id, actorName: actor.name };
