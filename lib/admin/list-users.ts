import type { TDb } from "../db/client";
import { parseRoles, type TRole } from "../auth/roles";
import { assertAdmin, type TAdminActor } from "./actor";

export type TAdminUser = {
  id: string;
  name: string;
  email: string;
  roles: TRole[];
  active: boolean;
  mustChangePassword: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
  createdAt: Date;
};

/** The users of the admin's own agency, oldest account first. */
export async function listUsers(db: TDb, actor: TAdminActor): Promise<TAdminUser[]> {
  await assertAdmin(db, actor);
  const rows = await db.user.findMany({
    where: { agencyId: actor.agencyId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, email: true, roles: true, active: true, mustChangePassword: true, failedLogins: true, lockedUntil: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, roles: parseRoles(r.roles) }));
}
