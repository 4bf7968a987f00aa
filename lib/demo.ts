import { randomUUID } from "node:crypto";
import type { TDb } from "./db/client";
import { createUser } from "./auth/users";
import type { TRole } from "./auth/roles";

/** Demo agency and accounts for the quick start only (SECREQ_DEMO=1); passwords are in the README. */
export const DEMO_AGENCY = "示範市政府";
export const DEMO_USERS: { email: string; name: string; roles: TRole[]; password: string }[] = [
  { email: "officer@demo.secreq.tw", name: "王承辦", roles: ["officer"], password: "Demo#Start-0001" },
  { email: "ciso@demo.secreq.tw", name: "林資安長", roles: ["ciso"], password: "Demo#Start-0002" },
  { email: "admin@demo.secreq.tw", name: "陳管理者", roles: ["admin", "catalogue-admin"], password: "Demo#Start-0003" },
];

export async function seedDemo(db: TDb): Promise<boolean> {
  if (await db.agency.findUnique({ where: { name: DEMO_AGENCY } })) return false;
  const agencyId = randomUUID();
  await db.agency.create({ data: { id: agencyId, name: DEMO_AGENCY } });
  for (const u of DEMO_USERS) await createUser(db, { agencyId, ...u, mustChangePassword: true });
  return true;
}
