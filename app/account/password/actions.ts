"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { APIError } from "better-auth/api";
import { passwordProblem } from "@/lib/auth/password-policy";
import type { TPasswordState } from "@/lib/action-result";
import { auth, sessionState, trustedHeaders } from "../../_server/auth";


const ZChange = z.object({ currentPassword: z.string().min(1).max(200), newPassword: z.string().max(200), confirm: z.string().max(200) });

export async function changePasswordAction(_prev: TPasswordState, form: FormData): Promise<TPasswordState> {
  const state = await sessionState();
  if (!state.user) redirect(state.reason === "idle" ? "/login?reason=idle" : "/login");
  const parsed = ZChange.safeParse(Object.fromEntries(["currentPassword", "newPassword", "confirm"].map((k) => [k, form.get(k) ?? ""])));
  if (!parsed.success) return { message: "請輸入目前的密碼", field: "currentPassword" };
  const { currentPassword, newPassword, confirm } = parsed.data;
  const problem = passwordProblem(newPassword, { email: state.user.email });
  if (problem) return { message: problem, field: "newPassword" };
  if (newPassword !== confirm) return { message: "兩次輸入的新密碼不一致", field: "confirm" };
  try {
    await auth().api.changePassword({ body: { currentPassword, newPassword, revokeOtherSessions: true }, headers: await trustedHeaders() });
  } catch (e) {
    if (e instanceof APIError) {
      const msg = /invalid password/i.test(e.message) ? "目前的密碼不正確" : e.message;
      return { message: msg, field: /目前/.test(msg) ? "currentPassword" : "newPassword" };
    }
    console.error("change password failed", e);
    return { message: "系統暫時無法變更密碼，請稍後再試。", field: null };
  }
  redirect("/cases?password=changed");
}
