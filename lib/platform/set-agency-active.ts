import type { TDb } from "../db/client";
import { recordAudit } from "../audit";
import { AdminError } from "../admin/errors";
import { parseOrRefuse } from "../admin/schemas";
import { parseRoles } from "../auth/roles";
import { assertPlatformAdmin, auditActor, type TPlatformActor } from "./actor";
import { ZAgencyId } from "./schemas";

/**
 * Deactivates or reactivates an agency. A deactivated agency's users cannot sign in and their sessions
 * end at once; its data is kept. The agency that holds the last active 平台管理者 cannot be deactivated.
 */
export async function setAgencyActive(db: TDb, actor: TPlatformActor, agencyId: string, active: boolean): Promise<{ changed: boolean }> {
  const id = parseOrRefuse(ZAgencyId, agencyId);
  return db.$transaction(async (tx) => {
    await assertPlatformAdmin(tx, actor);
    const row = await tx.agency.findUnique({ where: { id }, select: { active: true } });
    if (!row) throw new AdminError("not-found", "找不到這個機關。");
    if (row.active === active) return { changed: false };
    if (!active) {
      const holders = await tx.user.findMany({ where: { active: true, agency: { active: true } }, select: { agencyId: true, roles: true } });
      const platform = holders.filter((u) => parseRoles(u.roles).includes("platform-admin"));
      if (platform.length && platform.every((u) => u.agencyId === id))
        throw new AdminError("invalid", "此機關有系統僅存的啟用中平台管理者，不能停用；請先將平台管理者授予其他機關的帳號。", [
          { path: "active", message: "系統至少須保留一位啟用中的平台管理者" },
        ]);
      await tx.session.deleteMany({ where: { user: { agencyId: id } } });
    }
    await tx.agency.update({ where: { id }, data: { active } });
    await recordAudit(tx, {
      agencyId: id,
      ...auditActor(actor),
      action: active ? "agency.activate" : "agency.deactivate",
      targetType: "agency",
      targetId: id,
      before: { active: row.active },
      after: { active },
    });
    return { changed: true };
  });
}
