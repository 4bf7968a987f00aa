import type { TDb } from "../db/client";
import { recordAudit } from "../audit";
import { APP_WIDE_ROLES, parseRoles, ROLE_LABEL } from "../auth/roles";
import { assertAdmin, targetUser, type TAdminActor } from "./actor";
import { AdminError } from "./errors";
import { parseOrRefuse, ZUserId } from "./schemas";

/**
 * Deactivates an account (accounts are never deleted: the audit trail and cases point at them) and ends its
 * sessions at once. No self-deactivation, so the acting admin always remains: the agency keeps an admin.
 */
export async function deactivateUser(db: TDb, actor: TAdminActor, userId: string): Promise<{ sessionsRevoked: number }> {
  const id = parseOrRefuse(ZUserId, userId);
  if (id === actor.id) throw new AdminError("invalid", "您不能停用自己的帳號。");
  return db.$transaction(async (tx) => {
    await assertAdmin(tx, actor);
    const user = await targetUser(tx, actor, id);
    if (!user.active) throw new AdminError("conflict", "此帳號已停用。");
    for (const role of APP_WIDE_ROLES.filter((r) => parseRoles(user.roles).includes(r))) {
      const others = await tx.user.findMany({ where: { active: true, NOT: { id } }, select: { roles: true } });
      if (!others.some((o) => parseRoles(o.roles).includes(role)))
        throw new AdminError("invalid", `系統至少須保留一位啟用中的${ROLE_LABEL[role]}，不能停用此帳號。`);
    }
    await tx.user.update({ where: { id }, data: { active: false } });
    const { count } = await tx.session.deleteMany({ where: { userId: id } });
    await recordAudit(tx, {
      agencyId: actor.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "user.deactivate",
      targetType: "user",
      targetId: id,
      before: { active: true },
      after: { active: false, sessionsRevoked: count },
    });
    return { sessionsRevoked: count };
  });
}
