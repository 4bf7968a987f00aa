"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { draftsAffectedByProfile, saveAgencyProfile, saveReasonPresets } from "@/lib/agency";
import { authedAction } from "../../_server/action";

/** The agency profile; `values` is validated in lib/agency (field-level zh-TW issues). */
export const saveAgencyProfileAction = authedAction(
  {
    args: (values: unknown, profileVersion: number) => ({ values, profileVersion }),
    input: z.object({ values: z.record(z.string(), z.unknown()), profileVersion: z.int().min(0) }),
    roles: ["admin"],
  },
  async ({ values, profileVersion }, user) => {
    const r = await saveAgencyProfile(db(), user, values, profileVersion);
    const affected = await draftsAffectedByProfile(db(), user.agencyId, r.profile);
    // The name shows in the header; cases and their steps follow the profile.
    revalidatePath("/", "layout");
    return {
      changed: r.changed,
      profileVersion: r.profileVersion,
      affected: affected.map((a) => ({ id: a.id, title: a.title, changes: a.changes.map((c) => `${c.label}：${c.from} → ${c.to}`) })),
    };
  },
);

/** The agency's reason presets (one a line); `base`: the list as the page had it. */
export const saveReasonPresetsAction = authedAction(
  {
    args: (presets: unknown, base: unknown) => ({ presets, base }),
    input: z.object({ presets: z.array(z.string().max(1000)).max(200), base: z.array(z.string().max(1000)).max(200) }),
    roles: ["admin"],
  },
  async ({ presets, base }, user) => {
    const saved = await saveReasonPresets(db(), user, presets, base);
    revalidatePath("/admin/agency");
    return { presets: saved };
  },
);
