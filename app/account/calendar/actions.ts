"use server";

import { z } from "zod";
import { db } from "@/lib/db/client";
import { regenerateCalendarToken } from "@/lib/contracts/store";
import { authedAction } from "../../_server/action";

/** A new secret feed URL (the old one stops working); the token is returned once, to be shown once. */
export const regenerateCalendarAction = authedAction(
  { args: () => undefined, input: z.undefined(), roles: ["officer", "ciso", "admin"] },
  async (_input, user) => ({
    token: await regenerateCalendarToken(db(), user),
  }),
);
