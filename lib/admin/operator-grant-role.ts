import type { TDb } from "../db/client";
import { recordAudit } from "../audit";
import { parseRoles, ROLES, type TRole } from "../auth/roles";
import { AdminError } from "./errors";

export const OPERATOR_NAME = "系統管理指令（CLI）";

/**
 * The operator's grant, from a shell on the server (`cli user grant`): how the first 目錄管理者 (an
 * app-wide role no agency admin may hand out) or an agency's first 管理者 comes to be. Audited like any
 * role change, with the operator as the actor.
 */
export async function operatorGrantRole(db: TDb, email: string, role: TRole): Promise<{ changed: boolean; roles: TRole[] }> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, agencyId: true, roles: true } });
    if (!user) throw new AdminError("not-found", `找不到電子郵件為 ${email} 的帳號。`);
    const before = parseRoles(user.roles);
    if (before.includes(role)) return { changed: false, roles: before };
    const next = ROLES.filter((r) => r === role || before.includes(r));
    await tx.user.update({ where: { id: user.id }, data: { roles: JSON.stringify(next) } });
    await recordAudit(tx, {
      agencyId: user.agencyId,
      actorId: null,
      actorName: OPERATOR_NAME,
      action: "user.roles",
      targetType: "user",
      targetId: user.id,
      before: { roles: before },
      after: { roles: next },
    });
    return { changed: true, roles: next };
  });
}
