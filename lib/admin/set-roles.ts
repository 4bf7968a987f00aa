import type { TDb } from "../db/client";
import { recordAudit } from "../audit";
import { APP_WIDE_ROLES, parseRoles, ROLE_LABEL, ROLES, type TRole } from "../auth/roles";
import { assertAdmin, targetUser, type TAdminActor } from "./actor";
import { AdminError } from "./errors";
import { parseOrRefuse, ZRoleSet, ZUserId } from "./schemas";

const refuse = (message: string) => new AdminError("invalid", message, [{ path: "roles", message }]);

/**
 * Sets a user's roles. The agency never loses its last active admin, and an admin never drops their own
 * admin role (another admin must do it), so nobody locks the agency out of its own user management.
 */
export async function setUserRoles(db: TDb, actor: TAdminActor, userId: string, roles: TRole[]): Promise<{ changed: boolean; roles: TRole[] }> {
  const id = parseOrRefuse(ZUserId, userId);
  const wanted = new Set(parseOrRefuse(ZRoleSet, roles));
  const next = ROLES.filter((r) => (wanted as Set<TRole>).has(r));
  return db.$transaction(async (tx) => {
    await assertAdmin(tx, actor);
    const user = await targetUser(tx, actor, id);
    const before = ROLES.filter((r) => parseRoles(user.roles).includes(r));
    if (before.includes("vendor")) throw refuse("廠商代表帳號不能授予機關角色；如需停用，請使用「停用」。");
    if (before.join() === next.join()) return { changed: false, roles: next };
    // An agency admin must not be able to hand out (or take away) a role that acts for every agency.
    const appWideChanged = APP_WIDE_ROLES.filter((r) => before.includes(r) !== next.includes(r));
    if (appWideChanged.length) {
      const self = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { roles: true } });
      for (const role of appWideChanged) {
        const label = ROLE_LABEL[role];
        if (!parseRoles(self.roles).includes(role)) throw refuse(`只有${label}可以授予或移除「${label}」角色。`);
        if (before.includes(role) && !next.includes(role)) {
          const others = await tx.user.findMany({ where: { active: true, NOT: { id: user.id } }, select: { roles: true } });
          if (!others.some((o) => parseRoles(o.roles).includes(role))) throw refuse(`系統至少須保留一位啟用中的${label}。`);
        }
      }
    }
    if (before.includes("admin") && !next.includes("admin")) {
      // Deactivated admins do not count: they cannot sign in to manage anything.
      const others = await tx.user.findMany({ where: { agencyId: actor.agencyId, active: true, NOT: { id: user.id } }, select: { roles: true } });
      if (!others.some((o) => parseRoles(o.roles).includes("admin"))) throw refuse("機關至少須保留一位啟用中的管理者。");
      if (user.id === actor.id) throw refuse("您不能移除自己的管理者角色，請由另一位管理者處理。");
    }
    await tx.user.update({ where: { id }, data: { roles: JSON.stringify(next) } });
    await recordAudit(tx, {
      agencyId: actor.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "user.roles",
      targetType: "user",
      targetId: id,
      before: { roles: before },
      after: { roles: next },
    });
    return { changed: true, roles: next };
  });
}
