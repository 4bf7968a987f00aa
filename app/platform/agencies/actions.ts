"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { createAgency, renameAgency, setAgencyActive, ZAgencyId } from "@/lib/platform";
import { authedAction } from "../../_server/action";

// 平台管理者 only; lib/platform re-reads the role inside each transaction.
const PLATFORM = { roles: ["platform-admin" as const] };
const refresh = () => revalidatePath("/platform/agencies");

export const createAgencyAction = authedAction(
  { input: z.object({ name: z.string().max(400), adminEmail: z.string().max(400), adminName: z.string().max(200).optional() }), ...PLATFORM },
  async (input, user) => {
    const r = await createAgency(db(), user, input);
    refresh();
    // The one and only time the first admin's password leaves the server.
    return { agencyName: r.agencyName, adminEmail: r.adminEmail, password: r.initialPassword };
  },
);

export const renameAgencyAction = authedAction(
  { input: z.object({ agencyId: ZAgencyId, name: z.string().max(400) }), ...PLATFORM },
  async ({ agencyId, name }, user) => {
    const r = await renameAgency(db(), user, agencyId, name);
    refresh();
    return r;
  },
);

export const setAgencyActiveAction = authedAction(
  { input: z.object({ agencyId: ZAgencyId, active: z.boolean() }), ...PLATFORM },
  async ({ agencyId, active }, user) => {
    const r = await setAgencyActive(db(), user, agencyId, active);
    refresh();
    return r;
  },
);
