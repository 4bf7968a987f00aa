import { z } from "zod";
import "@/lib/validation/zh-tw"; // zh-TW messages for every action's schema
import { actionFailure, type TActionResult } from "@/lib/action-result";
import type { TRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { kickOutbox } from "@/lib/notifications";
import { sessionState, vendorAdmitted, type TCurrentUser } from "./auth";

// The one action client (formbricks-style): every server action goes through it, so the user,
// the forced password change and the role are checked on the server before any work is done.

export type { TActionIssue, TActionResult } from "@/lib/action-result";

/**
 * Declares an action once: `export const xAction = authedAction({ input, roles }, handler)`. The action
 * takes one value (the input), or, with `args`, positional arguments that `args` names for the schema
 * (so a page can bind the case id: `xAction.bind(null, caseId)`).
 */
export function authedAction<TInput extends z.ZodType, TOut extends object, TArgs extends unknown[] = [raw: unknown]>(
  opts: { input: TInput; roles?: TRole[]; args?: (...args: TArgs) => unknown; vendorToo?: boolean },
  handler: (input: z.infer<TInput>, user: TCurrentUser) => Promise<TOut>,
): (...args: TArgs) => Promise<TActionResult<TOut>> {
  return async (...args: TArgs): Promise<TActionResult<TOut>> => {
    const raw = opts.args ? opts.args(...args) : args[0];
    const state = await sessionState();
    if (!state.user)
      return {
        ok: false,
        code: "unauthenticated",
        message: state.reason === "idle" ? "閒置逾時，已自動登出。請重新登入；您輸入的內容仍保留在此瀏覽器。" : "請先登入。",
        issues: [],
      };
    if (state.user.mustChangePassword) return { ok: false, code: "forbidden", message: "請先變更初始密碼。", issues: [] };
    if (opts.roles && !opts.roles.some((r) => state.user!.roles.includes(r)))
      return { ok: false, code: "forbidden", message: "您的角色無權執行此操作。", issues: [] };
    if (!vendorAdmitted(state.user, opts)) return { ok: false, code: "forbidden", message: "您的角色無權執行此操作。", issues: [] };
    const parsed = opts.input.safeParse(raw);
    if (!parsed.success)
      return { ok: false, code: "invalid", message: "資料格式有誤", issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) };
    try {
      const out = await handler(parsed.data, state.user);
      kickOutbox(db()); // e-mail written by the action's transactions goes out after it committed
      return { ok: true, ...out };
    } catch (e) {
      const refused = actionFailure(e);
      if (refused) return refused;
      if (e && typeof e === "object" && "digest" in e) throw e; // redirect() and notFound() pass through
      console.error("server action failed", e);
      return { ok: false, code: "error", message: "系統暫時無法處理，請稍後再試；您輸入的內容仍保留在此頁。", issues: [] };
    }
  };
}
