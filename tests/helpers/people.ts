import { randomUUID } from "node:crypto";
import type { TDb } from "@/lib/db/client";
import { createUser } from "@/lib/auth/users";
import type { TActor } from "@/lib/auth/roles";

export const PASSWORD = "Test-Password-2026";

/** An agency with one officer, one CISO and one admin (passwords PASSWORD, no forced change). */
export async function createAgencyWithUsers(db: TDb, name: string) {
  const agencyId = randomUUID();
  await db.agency.create({ data: { id: agencyId, name, ...TEST_PROFILE } });
  const make = async (role: "officer" | "ciso" | "admin", display: string): Promise<TActor> => {
    const email = `${role}-${agencyId.slice(0, 8)}@test.secreq.tw`;
    const id = await createUser(db, { agencyId, email, name: display, roles: [role], password: PASSWORD, mustChangePassword: false });
    return { id, name: display, agencyId, roles: [role] };
  };
  return { agencyId, officer: await make("officer", "王小明"), ciso: await make("ciso", "林資安長"), admin: await make("admin", "陳管理者") };
}

/** A complete agency profile (B 級, 政府機關, own mail server): what the wizard's old agency step held in the tests. */
export const TEST_PROFILE = {
  agencyKind: "public",
  ciProvider: false,
  sector: "government",
  responsibilityLevel: "B",
  levelBasis: "approved",
  levelDate: "2026-03-15",
  levelDocument: "院臺護字第1150000001號",
  mailServer: true,
  cisoName: "林資安長",
  cisoTitle: "副首長",
} as const;

export async function fillProfile(db: TDb, agencyId: string, overrides: Partial<Record<keyof typeof TEST_PROFILE, unknown>> = {}) {
  await db.agency.update({ where: { id: agencyId }, data: { ...TEST_PROFILE, ...overrides } as never });
}
