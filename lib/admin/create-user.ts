import type { TDb } from "../db/client";
import { recordAudit } from "../audit";
import { createUser } from "../auth/users";
import { APP_WIDE_ROLES, parseRoles, ROLE_LABEL } from "../auth/roles";
import { assertAdmin, type TAdminActor } from "./actor";
import { AdminError } from "./errors";
import { parseOrRefuse, ZNewUser, type TNewUser } from "./schemas";
import { temporaryPassword } from "./temp-password";

const emailTaken = () => new AdminError("conflict", "此電子郵件已有帳號。", [{ path: "email", message: "此電子郵件已有帳號" }]);

/**
 * A new account in the admin's agency with a random initial password that must be changed at first login.
 * The password is returned once, for the admin to hand over; it is stored only as better-auth's hash.
 */
export async function createAgencyUser(db: TDb, actor: TAdminActor, input: TNewUser): Promise<{ id: string; password: string }> {
  const data = parseOrRefuse(ZNewUser, input);
  const password = temporaryPassword({ email: data.email, name: data.name });
  try {
    const id = await db.$transaction(async (tx) => {
      await assertAdmin(tx, actor);
      // E-mails are unique across agencies (they are the login name).
      if (await tx.user.findUnique({ where: { email: data.email }, select: { id: true } })) throw emailTaken();
      const appWide = data.roles.filter((r) => APP_WIDE_ROLES.includes(r));
      if (appWide.length) {
        const self = parseRoles((await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { roles: true } })).roles);
        const denied = appWide.find((r) => !self.includes(r));
        if (denied)
          throw new AdminError("invalid", `只有${ROLE_LABEL[denied]}可以授予「${ROLE_LABEL[denied]}」角色。`, [
            { path: "roles", message: `只有${ROLE_LABEL[denied]}可以授予「${ROLE_LABEL[denied]}」角色` },
          ]);
      }
      const id = await createUser(tx, { agencyId: actor.agencyId, ...data, password, mustChangePassword: true });
      await recordAudit(tx, {
        agencyId: actor.agencyId,
        actorId: actor.id,
        actorName: actor.name,
        action: "user.create",
        targetType: "user",
        targetId: id,
        after: { name: data.name, email: data.email, roles: data.roles, active: true, mustChangePassword: true },
      });
      return id;
    });
    return { id, password };
  } catch (e) {
    // Two admins creating the same e-mail at once: the unique index decides.
    if ((e as { code?: unknown } | null)?.code === "P2002") throw emailTaken();
    throw e;
  }
}
