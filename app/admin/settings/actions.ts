"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { setIdleTimeout, ZIdleTimeout } from "@/lib/admin";
import { authedAction } from "../../_server/action";
import { adminCall } from "../_server/admin-call";

const inner = authedAction({ input: z.object({ idleTimeoutMinutes: ZIdleTimeout }), roles: ["admin"] }, async ({ idleTimeoutMinutes }, user) => {
  const r = await adminCall(() => setIdleTimeout(db(), user, idleTimeoutMinutes));
  // The layout's idle watcher reads the timeout too.
  revalidatePath("/", "layout");
  return r;
});
export async function setIdleTimeoutAction(values: unknown) {
  return inner(values);
}
