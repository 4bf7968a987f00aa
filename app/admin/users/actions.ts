"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { activateUser, createAgencyUser, deactivateUser, resetPassword, setUserRoles, unlockUser, ZNewUser, ZRoleSet, ZUserId } from "@/lib/admin";
import { authedAction } from "../../_server/action";

// Thin actions: the action client checks the session and the admin role; lib/admin checks the agency,
// re-reads the actor's role inside the transaction and writes the audit entry with the change.

const ZUserRef = z.object({ userId: ZUserId });
const refresh = () => revalidatePath("/admin/users");

export const createUserAction = authedAction({ input: ZNewUser, roles: ["admin"] }, async (input, user) => {
  const { id, password } = await createAgencyUser(db(), user, input);
  refresh();
  // The one and only time the password leaves the server.
  return { id, name: input.name, email: input.email, password };
});

export const setRolesAction = authedAction({ input: z.object({ userId: ZUserId, roles: ZRoleSet }), roles: ["admin"] }, async ({ userId, roles }, user) => {
  const r = await setUserRoles(db(), user, userId, roles);
  refresh();
  return r;
});

export const resetPasswordAction = authedAction({ input: ZUserRef, roles: ["admin"] }, async ({ userId }, user) => {
  const { password } = await resetPassword(db(), user, userId);
  refresh();
  return { password };
});

export const unlockUserAction = authedAction({ input: ZUserRef, roles: ["admin"] }, async ({ userId }, user) => {
  await unlockUser(db(), user, userId);
  refresh();
  return {};
});

export const deactivateUserAction = authedAction({ input: ZUserRef, roles: ["admin"] }, async ({ userId }, user) => {
  await deactivateUser(db(), user, userId);
  refresh();
  return {};
});

export const activateUserAction = authedAction({ input: ZUserRef, roles: ["admin"] }, async ({ userId }, user) => {
  await activateUser(db(), user, userId);
  refresh();
  return {};
});
