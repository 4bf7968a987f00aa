import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import type { TDb } from "../db/client";
import { changes, recordAudit } from "../audit";
import { assertAdmin, targetUser, userSnapshot, type TAdminActor } from "./actor";
import { AdminError } from "./errors";
import { parseOrRefuse, ZUserId } from "./schemas";
import { temporaryPassword } from "./temp-password";

/**
 * A new random temporary password (returned once, for the admin to hand over), a forced change at the next
 * login, the lock lifted and every session of the user ended, so whoever held the old password is out.
 * The temporary hash goes into PasswordHistory (as createUser does for an initial one): otherwise the
 * forced change could "change" to the same password, which the admin knows.
 */
export async function resetPassword(db: TDb, actor: TAdminActor, userId: string): Promise<{ password: string; sessionsRevoked: number }> {
  const id = parseOrRefuse(ZUserId, userId);
  if (id === actor.id) throw new AdminError("invalid", "請於「變更密碼」頁面變更您自己的密碼。");
  const known = await targetUser(db, actor, id);
  const password = temporaryPassword({ email: known.email, name: known.name });
  // Hashing is slow on purpose; do it before the transaction so the database is not held meanwhile.
  const hash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    await assertAdmin(tx, actor);
    const before = await targetUser(tx, actor, id);
    const account = await tx.account.findFirst({ where: { userId: id, providerId: "credential" }, select: { id: true } });
    if (account) await tx.account.update({ where: { id: account.id }, data: { password: hash } });
    else await tx.account.create({ data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash } });
    await tx.passwordHistory.create({ data: { id: randomUUID(), userId: id, hash } });
    const { count } = await tx.session.deleteMany({ where: { userId: id } });
    const after = await tx.user.update({
      where: { id },
      data: { mustChangePassword: true, failedLogins: 0, lockedUntil: null },
      select: { name: true, email: true, roles: true, active: true, mustChangePassword: true, failedLogins: true, lockedUntil: true },
    });
    const diff = changes(userSnapshot(before), userSnapshot(after));
    await recordAudit(tx, {
      agencyId: actor.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "user.password-reset",
      targetType: "user",
      targetId: id,
      before: diff?.before ?? {},
      after: { ...diff?.after, sessionsRevoked: count },
    });
    return { password, sessionsRevoked: count };
  });
}
