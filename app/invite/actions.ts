"use server";

import { z } from "zod";
import "@/lib/validation/zh-tw";
import { actionFailure, type TActionResult } from "@/lib/action-result";
import { db } from "@/lib/db/client";
import { acceptInvitation } from "@/lib/vendor/invitations";

const ZInput = z.object({ token: z.string().max(200), password: z.string().max(300), confirm: z.string().max(300) });

/**
 * Public by nature (the invitee has no account yet): the single-use token is the authorization. The account
 * made is an ordinary one — it then signs in through /login with the lockout and idle logout of everyone.
 */
export async function acceptInvitationAction(raw: unknown): Promise<TActionResult<{ email: string }>> {
  const parsed = ZInput.safeParse(raw);
  if (!parsed.success)
    return { ok: false, code: "invalid", message: "資料格式有誤", issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) };
  try {
    const r = await acceptInvitation(db(), parsed.data);
    return { ok: true, email: r.email };
  } catch (e) {
    const refused = actionFailure(e);
    if (refused) return refused;
    console.error("accept invitation failed", e);
    return { ok: false, code: "error", message: "系統暫時無法處理，請稍後再試。", issues: [] };
  }
}
