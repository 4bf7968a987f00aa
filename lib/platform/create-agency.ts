import { randomUUID } from "node:crypto";
import type { TDb } from "../db/client";
import { recordAudit } from "../audit";
import { createUser } from "../auth/users";
import { AdminError } from "../admin/errors";
import { parseOrRefuse } from "../admin/schemas";
import { temporaryPassword } from "../admin/temp-password";
import { assertPlatformAdmin, auditActor, type TPlatformActor } from "./actor";
import { ZNewAgency, type TNewAgency } from "./schemas";

const nameTaken = () => new AdminError("conflict", "機關名稱：已有同名的機關。", [{ path: "name", message: "已有同名的機關" }]);
const emailTaken = () => new AdminError("conflict", "管理者電子郵件：此電子郵件已有帳號。", [{ path: "adminEmail", message: "此電子郵件已有帳號" }]);

/**
 * A new agency with its first 管理者, whose random initial password is returned once (stored only as a
 * hash) and must be changed at first login. The agency's profile is left for that admin to fill in.
 */
export async function createAgency(
  db: TDb,
  actor: TPlatformActor,
  input: TNewAgency,
): Promise<{ agencyId: string; agencyName: string; adminId: string; adminEmail: string; initialPassword: string }> {
  const data = parseOrRefuse(ZNewAgency, input);
  const password = temporaryPassword({ email: data.adminEmail, name: data.adminName });
  try {
    return await db.$transaction(async (tx) => {
      await assertPlatformAdmin(tx, actor);
      if (await tx.agency.findUnique({ where: { name: data.name }, select: { id: true } })) throw nameTaken();
      if (await tx.user.findUnique({ where: { email: data.adminEmail }, select: { id: true } })) throw emailTaken();
      const agencyId = randomUUID();
      await tx.agency.create({ data: { id: agencyId, name: data.name } });
      const adminId = await createUser(tx, { agencyId, email: data.adminEmail, name: data.adminName, roles: ["admin"], password, mustChangePassword: true });
      const who = auditActor(actor);
      await recordAudit(tx, { agencyId, ...who, action: "agency.create", targetType: "agency", targetId: agencyId, after: { name: data.name, active: true } });
      await recordAudit(tx, {
        agencyId,
        ...who,
        action: "user.create",
        targetType: "user",
        targetId: adminId,
        after: { name: data.adminName, email: data.adminEmail, roles: ["admin"], active: true, mustChangePassword: true },
      });
      return { agencyId, agencyName: data.name, adminId, adminEmail: data.adminEmail, initialPassword: password };
    });
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code === "P2002") {
      const target = JSON.stringify((e as { meta?: unknown }).meta ?? "");
      throw target.includes("email") ? emailTaken() : nameTaken();
    }
    throw e;
  }
}
