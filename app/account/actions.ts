"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { setMailOptOut } from "@/lib/notifications";
import { authedAction } from "../_server/action";

/** One's own e-mail notification preference (in-app notifications are always on). */
export const setMailOptOutAction = authedAction(
  { vendorToo: true, args: (optOut: boolean) => ({ optOut }), input: z.object({ optOut: z.boolean({ error: "請選擇是否接收電子郵件通知" }) }) },
  async ({ optOut }, user) => {
    await setMailOptOut(db(), user, optOut);
    revalidatePath("/account");
    return { optOut };
  },
);
