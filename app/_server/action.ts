import { z } from "zod";
import "@/lib/validation/zh-tw"; // zh-TW messages for every action's schema
import { CaseError } from "@/lib/cases/errors";
import { ConflictError } from "@/lib/cases/store";
import type { TRole } from "@/lib/auth/roles";
import { sessionState, type TCurrentUser } from "./auth";

// The one action client (formbricks-style): every server action goes through it, so the user,
// the forced password change and the role are checked on the server before any work is done.

export type TActionIssue = { path: string; message: string };
export type TActionResult<T = object> =
  | ({ ok: true } & T)
  | {
      ok: false;
      code: "unauthenticated" | "forbidden" | "invalid" | "conflict" | "error";
      message: string;
      issues: TActionIssue[];
      /** On a conflict: what is stored now, so the user can compare and choose. */
      current?: unknown;
    };

export class ActionRefusal extends Error {
  constructor(
    readonly code: "forbidden" | "invalid" | "conflict",
    message: string,
    readonly issues: TActionIssue[] = [],
  ) {
    super(message);
  }
}

export function authedAction<TInput extends z.ZodType, TOut extends object>(
  opts: { input: TInput; roles?: TRole[] },
  handler: (input: z.infer<TInput>, user: TCurrentUser) => Promise<TOut>,
) {
  return async (raw: unknown): Promise<TActionResult<TOut>> => {
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
    const parsed = opts.input.safeParse(raw);
    if (!parsed.success)
      return { ok: false, code: "invalid", message: "資料格式有誤", issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) };
    try {
      return { ok: true, ...(await handler(parsed.data, state.user)) };
    } catch (e) {
      if (e instanceof ActionRefusal) return { ok: false, code: e.code, message: e.message, issues: e.issues };
      if (e instanceof ConflictError) return { ok: false, code: "conflict", message: e.message, issues: [], current: e.current };
      if (e instanceof CaseError)
        return { ok: false, code: e.code === "not-found" ? "forbidden" : "invalid", message: e.message, issues: e.issues };
      if (e && typeof e === "object" && "digest" in e) throw e; // redirect() and notFound() pass through
      console.error("server action failed", e);
      return { ok: false, code: "error", message: "系統暫時無法處理，請稍後再試；您輸入的內容仍保留在此頁。", issues: [] };
    }
  };
}
