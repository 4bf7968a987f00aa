"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { setClauseDefaults, setIdleTimeout, ZIdleTimeout } from "@/lib/admin";
import { authedAction } from "../../_server/action";

export const setIdleTimeoutAction = authedAction(
  { input: z.object({ idleTimeoutMinutes: ZIdleTimeout }), roles: ["admin"] },
  async ({ idleTimeoutMinutes }, user) => {
    const r = await setIdleTimeout(db(), user, idleTimeoutMinutes);
    // The layout's idle watcher reads the timeout too.
    revalidatePath("/", "layout");
    return r;
  },
);

/** The agency's clause-parameter defaults; `values` is { parameterKey: "14" | 14 | "" } (blank = the library's default). */
export const setClauseDefaultsAction = authedAction(
  { args: (values: unknown) => ({ values }), input: z.object({ values: z.unknown() }), roles: ["admin"] },
  async ({ values }, user) => {
    const r = await setClauseDefaults(db(), user, values);
    revalidatePath("/admin/settings");
    return { changed: r.changed, values: r.clauseDefaults };
  },
);
