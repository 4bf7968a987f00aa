import { APIError } from "better-auth/api";
import type { TDb } from "../db/client";
import { CLIENT_IP_HEADER, UNKNOWN_ADDRESS } from "../http/client-ip";
import type { TAuth } from "./auth";
import { consumeLimit } from "./rate-limit";

/** The login form's limits: better-auth's limiter sees only HTTP calls, not auth.api.signInEmail(). */
export const FORM_LIMITS = { perAddress: { window: 60, max: 30 }, perEmail: { window: 60, max: 10 } };

export const SIGN_IN_FAILED = "電子郵件或密碼錯誤。連續失敗 5 次，帳號將鎖定 15 分鐘。";
export const SIGN_IN_LIMITED = "嘗試次數過多，請一分鐘後再試。";

/**
 * The login form's sign-in: per-address and per-e-mail limits first, then better-auth (whose hooks hold
 * the lockout). headers must carry CLIENT_IP_HEADER as the app determined it (lib/http/client-ip.ts).
 */
export async function formSignIn(auth: TAuth, db: TDb, body: { email: string; password: string }, headers: Headers): Promise<{ message: string | null }> {
  const address = headers.get(CLIENT_IP_HEADER) || UNKNOWN_ADDRESS;
  const email = body.email.trim().toLowerCase();
  const allowed =
    (await consumeLimit(db, `form-sign-in:ip|${address}`, FORM_LIMITS.perAddress)) &&
    (await consumeLimit(db, `form-sign-in:email|${email}`, FORM_LIMITS.perEmail));
  if (!allowed) return { message: SIGN_IN_LIMITED };
  try {
    await auth.api.signInEmail({ body: { email, password: body.password }, headers });
    return { message: null };
  } catch (e) {
    // FORBIDDEN comes only after the right password (a deactivated account): its message may be shown.
    if (e instanceof APIError && e.status === "FORBIDDEN") return { message: e.message };
    if (e instanceof APIError) return { message: SIGN_IN_FAILED };
    throw e;
  }
}
