import type { TDb } from "../db/client";
import { recordAudit } from "../audit";
import { assertAdmin, type TAdminActor } from "./actor";
import { parseOrRefuse, ZIdleTimeout } from "./schemas";

/** The agency's idle timeout (附表十 帳號管理), 5–480 minutes; it applies to every session at its next request. */
export async function setIdleTimeout(db: TDb, actor: TAdminActor, minutes: number): Promise<{ changed: boolean; idleTimeoutMinutes: number }> {
  const next = parseOrRefuse(ZIdleTimeout, minutes);
  return db.$transaction(async (tx) => {
    await assertAdmin(tx, actor);
    const agency = await tx.agency.findUniqueOrThrow({ where: { id: actor.agencyId }, select: { idleTimeoutMinutes: true } });
    if (agency.idleTimeoutMinutes === next) return { changed: false, idleTimeoutMinutes: next };
    await tx.agency.update({ where: { id: actor.agencyId }, data: { idleTimeoutMinutes: next } });
    await recordAudit(tx, {
      agencyId: actor.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "agency.settings",
      targetType: "agency",
      targetId: actor.agencyId,
      before: { idleTimeoutMinutes: agency.idleTimeoutMinutes },
      after: { idleTimeoutMinutes: next },
    });
    return { changed: true, idleTimeoutMinutes: next };
  });
}
