"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { createAgency, renameAgency, setAgencyActive, ZAgencyId } from "@/lib/platform";
import { authedAction } from "../../_server/action";
import { adminCall } from "../../admin/_server/admin-call";

// 平台管理者 only; lib/platform re-reads the role inside each transaction.
const PLATFORM = { roles: ["platform-admin" as const] };

const createInner = authedAction(
  { input: z.object({ name: z.string().max(400), adminEmail: z.string().max(400), adminName: z.string().max(200).optional() }), ...PLATFORM },
  async (input, user) => {
    const r = await adminCall(() => createAgency(db(), user, input));
    revalidatePath("/platform/agencies");
    return { agencyName: r.agencyName, adminEmail: r.adminEmail, password: r.initialPassword };
  },
);
export async function createAgencyAction(input: unknown) {
  return createInner(input);
}

const renameInner = authedAction({ input: z.object({ agencyId: ZAgencyId, name: z.string().max(400) }), ...PLATFORM }, async ({ agencyId, name }, user) => {
  const r = await adminCall(() => renameAgency(db(), user, agencyId, name));
  revalidatePath("/platform/agencies");
  return r;
});
export async function renameAgencyAction(input: unknown) {
  return renameInner(input);
}

const activeInner = authedAction({ input: z.object({ agencyId: ZAgencyId, active: z.boolean() }), ...PLATFORM }, async ({ agencyId, active }, user) => {
  const r = await adminCall(() => setAgencyActive(db(), user, agencyId, active));
  revalidatePath("/platform/agencies");
  return r;
});
export async function setAgencyActiveAction(input: unknown) {
  return activeInner(input);
}
