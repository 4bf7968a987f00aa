"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { markAllRead, markRead } from "@/lib/notifications";
import { authedAction } from "../_server/action";

// One's own notifications only: lib/ matches the id with the signed-in user.

export const markNotificationReadAction = authedAction(
  { vendorToo: true, args: (id: string) => ({ id }), input: z.object({ id: z.uuid({ error: "通知代碼有誤" }) }) },
  async ({ id }, user) => {
    await markRead(db(), user, id);
    revalidatePath("/", "layout");
    return {};
  },
);

export const markAllNotificationsReadAction = authedAction({ vendorToo: true, args: () => ({}), input: z.object({}) }, async (_input, user) => {
  const count = await markAllRead(db(), user);
  revalidatePath("/", "layout");
  return { count };
});
