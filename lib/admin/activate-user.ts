import type { TDb } from "../db/client";
import { recordAudit } from "../audit";
import { assertAdmin, targetUser, type TAdminActor } from "./actor";
import { AdminError } from "./errors";
import { parseOrRefuse, ZUserId } from "./schemas";

/** Reactivates a deactivated account; its password and roles are as they were. */
export async function activateUser(db: TDb, actor: TAdminActor, userId: string): Promise<void> {
  const id = parseOrRefuse(ZUserId, userId);
  await db.$transaction(async (tx) => {
    await assertAdmin(tx, actor);
    const user = await targetUser(tx, actor, id);
    if (user.active) throw new AdminError("conflict", "此帳號已是啟用狀態。");
    await tx.user.update({ where: { id }, data: { active: true } });
    await recordAudit(tx, {
      agencyId: actor.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "user.activate",
      targetType: "user",
      targetId: id,
      before: { active: false },
      after: { active: true },
    });
  });
}
