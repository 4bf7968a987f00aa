import { randomUUID } from "node:crypto";
import { hashPassword, verifyPassword } from "better-auth/crypto";
import type { TDb } from "../db/client";
import { PASSWORD_HISTORY } from "./password-policy";
import type { TRole } from "./roles";

type TTx = Parameters<Parameters<TDb["$transaction"]>[0]>[0];

/** Creates a user with an email+password account; the password must be changed at first login. */
export async function createUser(
  db: TDb | TTx,
  input: { agencyId: string; email: string; name: string; roles: TRole[]; password: string; mustChangePassword?: boolean },
) {
  const id = randomUUID();
  const hash = await hashPassword(input.password);
  const email = input.email.trim().toLowerCase();
  await db.user.create({
    data: {
      id,
      email,
      name: input.name,
      agencyId: input.agencyId,
      roles: JSON.stringify(input.roles),
      mustChangePassword: input.mustChangePassword ?? true,
      emailVerified: true,
      accounts: { create: { id: randomUUID(), accountId: id, providerId: "credential", password: hash } },
      passwordHistory: { create: { id: randomUUID(), hash } },
    },
  });
  return id;
}

/** True when the password matches one of the user's last PASSWORD_HISTORY passwords. */
export async function isRecentPassword(db: TDb, userId: string, password: string): Promise<boolean> {
  const recent = await db.passwordHistory.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: PASSWORD_HISTORY });
  for (const h of recent) if (await verifyPassword({ hash: h.hash, password })) return true;
  return false;
}

/** After a successful change: remember the new hash and lift the forced change. */
export async function recordPasswordChange(db: TDb, userId: string) {
  const account = await db.account.findFirst({ where: { userId, providerId: "credential" }, select: { password: true } });
  if (!account?.password) return;
  await db.$transaction([
    db.passwordHistory.create({ data: { id: randomUUID(), userId, hash: account.password } }),
    db.user.update({ where: { id: userId }, data: { mustChangePassword: false } }),
  ]);
}
