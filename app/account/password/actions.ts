"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { APIError } from "better-auth/api";
import { passwordProblem } from "@/lib/auth/password-policy";
import type { TPasswordState } from "@/lib/action-result";
import { auth, sessionState, trustedHeaders } from "../../_server/auth";

const ZChange = z.object({
  currentPassword: z.string().min(1, "請輸入目前的密碼").max(200, "密碼最多 200 字"),
  newPassword: z.string().max(200, "新密碼最多 200 字"),
  confirm: z.string().max(200, "確認的新密碼最多 200 字"),
});
const FIELDS = ["currentPassword", "newPassword", "confirm"] as const;
const CJK = /[\u4e00-\u9fff]/;

export async function changePasswordAction(_prev: TPasswordState, form: FormData): Promise<TPasswordState> {
  const state = await sessionState();
  if (!state.user) redirect(state.reason === "idle" ? "/login?reason=idle" : "/login");
  const parsed = ZChange.safeParse(Object.fromEntries(["currentPassword", "newPassword", "confirm"].map((k) => [k, form.get(k) ?? ""])));
  if (!parsed.success) {
    // The message belongs at the field it is about (it was always shown at the current password).
    const issue = parsed.error.issues[0]!;
    const field = FIELDS.find((f) => f === issue.path[0]) ?? null;
    return { message: issue.message, field };
  }
  const { currentPassword, newPassword, confirm } = parsed.data;
  const problem = passwordProblem(newPassword, { email: state.user.email });
  if (problem) return { message: problem, field: "newPassword" };
  if (newPassword !== confirm) return { message: "兩次輸入的新密碼不一致", field: "confirm" };
  try {
    await auth().api.changePassword({ body: { currentPassword, newPassword, revokeOtherSessions: true }, headers: await trustedHeaders() });
  } catch (e) {
    if (e instanceof APIError) {
      // better-auth's own refusals are English: only our hooks' zh-TW messages are shown as they are.
      const msg = /invalid password/i.test(e.message) ? "目前的密碼不正確" : CJK.test(e.message) ? e.message : "無法變更密碼，新密碼不符合規定。";
      return { message: msg, field: /目前/.test(msg) ? "currentPassword" : "newPassword" };
    }
    console.error("change password failed", e);
    return { message: "系統暫時無法變更密碼，請稍後再試。", field: null };
  }
  redirect("/cases?password=changed");
}
