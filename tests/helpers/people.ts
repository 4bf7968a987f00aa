import { randomUUID } from "node:crypto";
import type { TDb } from "@/lib/db/client";
import { createUser } from "@/lib/auth/users";
import type { TActor } from "@/lib/auth/roles";

export const PASSWORD = "Test-Password-2026";

/** An agency with one officer, one CISO and one admin (passwords PASSWORD, no forced change). */
export async function createAgencyWithUsers(db: TDb, name: string) {
  const agencyId = randomUUID();
  await db.agency.create({ data: { id: agencyId, name } });
  const make = async (role: "officer" | "ciso" | "admin", display: string): Promise<TActor> => {
    const email = `${role}-${agencyId.slice(0, 8)}@test.secreq.tw`;
    const id = await createUser(db, { agencyId, email, name: display, roles: [role], password: PASSWORD, mustChangePassword: false });
    return { id, name: display, agencyId, roles: [role] };
  };
  return { agencyId, officer: await make("officer", "王小明"), ciso: await make("ciso", "林資安長"), admin: await make("admin", "陳管理者") };
}
