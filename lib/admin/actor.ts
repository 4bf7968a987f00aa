import type { TDb } from "../db/client";
import type { TTx } from "../audit";
import { parseRoles, type TActor } from "../auth/roles";
import { AdminError } from "./errors";

/** Who acts: the session's user. Roles are re-read from the database, never trusted from the caller. */
export type TAdminActor = Pick<TActor, "id" | "name" | "agencyId">;

/**
 * The actor must be an active admin of their agency as the database says now. Run inside the write's
 * transaction, so two admins demoting each other at once cannot both succeed (writes are serialised).
 */
export async function assertAdmin(db: TDb | TTx, actor: TAdminActor): Promise<void> {
  const row = await db.user.findUnique({ where: { id: actor.id }, select: { agencyId: true, roles: true, active: true } });
  if (!row || !row.active || row.agencyId !== actor.agencyId || !parseRoles(row.roles).includes("admin"))
    throw new AdminError("forbidden", "您的角色無權執行此操作。");
}

const USER_FIELDS = {
  id: true,
  name: true,
  email: true,
  agencyId: true,
  roles: true,
  active: true,
  mustChangePassword: true,
  failedLogins: true,
  lockedUntil: true,
} as const;

/** A user of the actor's agency; another agency's user is reported exactly like a missing one. */
export async function targetUser(db: TDb | TTx, actor: TAdminActor, userId: string) {
  const row = await db.user.findUnique({ where: { id: userId }, select: USER_FIELDS });
  if (!row || row.agencyId !== actor.agencyId) throw new AdminError("not-found", "找不到這個使用者。");
  return row;
}

/** What an audit entry shows of a user: never a password or its hash (those live in Account, not here). */
export function userSnapshot(row: {
  name: string;
  email: string;
  roles: string;
  active: boolean;
  mustChangePassword: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
}) {
  return {
    name: row.name,
    email: row.email,
    roles: parseRoles(row.roles),
    active: row.active,
    mustChangePassword: row.mustChangePassword,
    failedLogins: row.failedLogins,
    lockedUntil: row.lockedUntil ? row.lockedUntil.toISOString() : null,
  };
}
