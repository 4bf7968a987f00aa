import type { TDb } from "../db/client";
import { recordAudit } from "../audit";
import { assertAdmin, targetUser, type TAdminActor } from "./actor";
import { AdminError } from "./errors";
import { parseOrRefuse, ZUserId } from "./schemas";

/** Lifts a lockout (附表十: five failed logins lock the account) and clears the failure count. */
export async function unlockUser(db: TDb, actor: TAdminActor, userId: string, now: Date = new Date()): Promise<void> {
  const id = parseOrRefuse(ZUserId, userId);
  await db.$transaction(async (tx) => {
    await assertAdmin(tx, actor);
    const user = await targetUser(tx, actor, id);
    const locked = user.lockedUntil !== null && user.lockedUntil > now;
    if (!locked && user.failedLogins === 0) throw new AdminError("conflict", "此帳號目前未鎖定。");
    await tx.user.update({ where: { id }, data: { failedLogins: 0, lockedUntil: null } });
    await recordAudit(tx, {
      agencyId: actor.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "user.unlock",
      targetType: "user",
      targetId: id,
      before: { failedLogins: user.failedLogins, lockedUntil: user.lockedUntil?.toISOString() ?? null },
      after: { failedLogins: 0, lockedUntil: null },
    });
  });
}
