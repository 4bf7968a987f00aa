import { recordAudit } from "../audit";
import type { TDb } from "../db/client";
import { LOCKOUT_MINUTES, LOCKOUT_PER_SOURCE, LOCKOUT_THRESHOLD } from "./password-policy";

/**
 * The 5-failure lockout, made atomic: an attempt first *claims* a slot (one conditional UPDATE that
 * increments the count only while it is under the threshold and the account is not locked), and only
 * a claimed attempt has its password checked. Parallel requests therefore cannot all pass a stale read;
 * at most LOCKOUT_THRESHOLD passwords are checked per account before the lock, from all sources together,
 * and at most LOCKOUT_PER_SOURCE from one (account, address) pair.
 */

type TUserRef = { id: string; name: string; agencyId: string };

const unlocked = (now: Date) => ({ OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] });
const sourceKey = (userId: string, address: string) => `${userId}|${address}`;

async function claimSource(db: TDb, key: string, userId: string, now: Date): Promise<boolean> {
  const claim = () =>
    db.loginThrottle.updateMany({
      where: { key, failures: { lt: LOCKOUT_PER_SOURCE }, ...unlocked(now) },
      data: { failures: { increment: 1 }, updatedAt: now },
    });
  if ((await claim()).count === 1) return true;
  // The row may have been created by a parallel request after the claim: then one more claim decides.
  if (await db.loginThrottle.findUnique({ where: { key }, select: { key: true } })) return (await claim()).count === 1;
  // First attempt from this source: create the row (a parallel request may have just done so), then claim.
  await db.loginThrottle.create({ data: { key, userId, updatedAt: now } }).catch(() => undefined);
  return (await claim()).count === 1;
}

/** Claims one password check for the account from this address; false means: refuse without checking. */
export async function claimAttempt(db: TDb, userId: string, address: string, now = new Date()): Promise<boolean> {
  const key = sourceKey(userId, address);
  // An address's failures count within the lock window; older, unlocked rows are forgotten.
  await db.loginThrottle.deleteMany({ where: { userId, updatedAt: { lt: new Date(now.getTime() - LOCKOUT_MINUTES * 60_000) }, ...unlocked(now) } });
  if (!(await claimSource(db, key, userId, now))) return false;
  const account = await db.user.updateMany({
    where: { id: userId, failedLogins: { lt: LOCKOUT_THRESHOLD }, ...unlocked(now) },
    data: { failedLogins: { increment: 1 } },
  });
  if (account.count === 1) return true;
  await releaseSource(db, key);
  return false;
}

async function releaseSource(db: TDb, key: string) {
  await db.loginThrottle.updateMany({ where: { key, failures: { gt: 0 } }, data: { failures: { decrement: 1 } } });
}

/** The checked password was wrong: the claim stays counted; lock the source and the account at their thresholds. */
export async function recordFailure(db: TDb, user: TUserRef, address: string, now = new Date()): Promise<void> {
  const until = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000);
  const key = sourceKey(user.id, address);
  await db.$transaction(async (tx) => {
    await tx.loginThrottle.updateMany({ where: { key, failures: { gte: LOCKOUT_PER_SOURCE }, ...unlocked(now) }, data: { lockedUntil: until, failures: 0 } });
    const locked = await tx.user.updateMany({
      where: { id: user.id, failedLogins: { gte: LOCKOUT_THRESHOLD }, ...unlocked(now) },
      data: { lockedUntil: until, failedLogins: 0 },
    });
    if (locked.count === 1) {
      await recordAudit(tx, {
        agencyId: user.agencyId,
        actorId: null,
        actorName: user.name,
        action: "auth.locked",
        targetType: "user",
        targetId: user.id,
        after: { lockedUntil: until.toISOString(), address },
      });
      return;
    }
    // Every checked wrong password is one entry: this one, or the auth.locked of the failure that locked.
    const row = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { failedLogins: true } });
    await recordAudit(tx, {
      agencyId: user.agencyId,
      actorId: null,
      actorName: user.name,
      action: "auth.login-failed",
      targetType: "user",
      targetId: user.id,
      after: { failedLogins: row.failedLogins, address },
    });
  });
}

/** The password was right: reset the counts, but never lift a lock that is still running. */
export async function recordSuccess(db: TDb, user: TUserRef, address: string, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.updateMany({ where: { id: user.id, ...unlocked(now) }, data: { failedLogins: 0, lockedUntil: null } });
    await tx.loginThrottle.deleteMany({ where: { key: sourceKey(user.id, address), ...unlocked(now) } });
    await recordAudit(tx, {
      agencyId: user.agencyId,
      actorId: user.id,
      actorName: user.name,
      action: "auth.login",
      targetType: "user",
      targetId: user.id,
      after: { address },
    });
  });
}

/** Not a password verdict (e.g. a deactivated account after the right password): give the claim back. */
export async function releaseAttempt(db: TDb, userId: string, address: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId, failedLogins: { gt: 0 } }, data: { failedLogins: { decrement: 1 } } });
  await releaseSource(db, sourceKey(userId, address));
}

/** The agency's accounts that are locked right now, for the admin's notice. */
export async function lockedAccounts(db: TDb, agencyId: string, now = new Date()) {
  return db.user.findMany({
    where: { agencyId, lockedUntil: { gt: now } },
    select: { id: true, name: true, email: true, lockedUntil: true },
    orderBy: { lockedUntil: "desc" },
  });
}
