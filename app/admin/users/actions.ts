"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db/client";
import {
  activateUser,
  createAgencyUser,
  deactivateUser,
  resetPassword,
  setUserRoles,
  unlockUser,
  ZNewUser,
  ZRoleSet,
  ZUserId,
} from "@/lib/admin";
import { authedAction } from "../../_server/action";

// Thin actions: the action client checks the session and the admin role; lib/admin checks the agency,
// re-reads the actor's role inside the transaction and writes the audit entry with the change.

const ZUserRef = z.object({ userId: ZUserId });
const refresh = () => revalidatePath("/admin/users");

const createInner = authedAction({ input: ZNewUser, roles: ["admin"] }, async (input, user) => {
  const { id, password } = await createAgencyUser(db(), user, input);
  refresh();
  // The one and only time the password leaves the server.
  return { id, name: input.name, email: input.email, password };
});
export async function createUserAction(values: unknown) {
  return createInner(values);
}

const rolesInner = authedAction({ input: z.object({ userId: ZUserId, roles: ZRoleSet }), roles: ["admin"] }, async ({ userId, roles }, user) => {
  const r = await setUserRoles(db(), user, userId, roles);
  refresh();
  return r;
});
export async function setRolesAction(values: unknown) {
  return rolesInner(values);
}

const resetInner = authedAction({ input: ZUserRef, roles: ["admin"] }, async ({ userId }, user) => {
  const { password } = await resetPassword(db(), user, userId);
  refresh();
  return { password };
});
export async function resetPasswordAction(values: unknown) {
  return resetInner(values);
}

const unlockInner = authedAction({ input: ZUserRef, roles: ["admin"] }, async ({ userId }, user) => {
  await unlockUser(db(), user, userId);
  refresh();
  return {};
});
export async function unlockUserAction(values: unknown) {
  return unlockInner(values);
}

const deactivateInner = authedAction({ input: ZUserRef, roles: ["admin"] }, async ({ userId }, user) => {
  await deactivateUser(db(), user, userId);
  refresh();
  return {};
});
export async function deactivateUserAction(values: unknown) {
  return deactivateInner(values);
}

const activateInner = authedAction({ input: ZUserRef, roles: ["admin"] }, async ({ userId }, user) => {
  await activateUser(db(), user, userId);
  refresh();
  return {};
});
export async function activateUserAction(values: unknown) {
  return activateInner(values);
}
