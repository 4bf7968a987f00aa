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

/** The demo agency's profile (機關資料), complete so the demo officer can start a case at once. */
export const DEMO_PROFILE = {
  agencyKind: "public",
  ciProvider: false,
  sector: "government",
  responsibilityLevel: "C",
  levelBasis: "approved",
  levelDate: "2026-03-15",
  levelDocument: "示範字第1150000001號",
  mailServer: false,
  cisoName: "林資安長",
  cisoTitle: "副市長",
} as const;

export async function seedDemo(db: TDb): Promise<boolean> {
  const existing = await db.agency.findUnique({ where: { name: DEMO_AGENCY }, select: { id: true, agencyKind: true } });
  if (existing) {
    // A demo database from before the agency profile: give it the demo profile, so its officer can start cases.
    if (!existing.agencyKind) await db.agency.update({ where: { id: existing.id }, data: DEMO_PROFILE });
    return false;
  }
  const agencyId = randomUUID();
  await db.agency.create({ data: { id: agencyId, name: DEMO_AGENCY, ...DEMO_PROFILE } });
  for (const u of DEMO_USERS) await createUser(db, { agencyId, ...u, mustChangePassword: true });
  return true;
}
