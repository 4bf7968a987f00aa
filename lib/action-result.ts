import { DomainError, type TIssue } from "./errors";

/**
 * What a server action answers, framework-free so components and tests use it without importing app/.
 * The action client (app/_server/action.ts) is the only producer.
 */
export type TActionIssue = TIssue;
export type TActionFailureCode = "unauthenticated" | "forbidden" | "invalid" | "conflict" | "error";
export type TActionFailure = {
  ok: false;
  code: TActionFailureCode;
  message: string;
  issues: TActionIssue[];
  /** On a conflict: what is stored now, so the user can compare and choose. */
  current?: unknown;
};
export type TActionResult<T = object> = ({ ok: true } & T) | TActionFailure;

/** The login form's state (useActionState). */
export type TLoginState = { message: string | null; email: string };
/** The password form's state: the message and the field it belongs to. */
export type TPasswordState = { message: string | null; field: "currentPassword" | "newPassword" | "confirm" | null };

/**
 * The action surface's one translator for domain errors. Another agency's record reads as "forbidden",
 * never "not-found", so its existence is not revealed. Anything that is not a DomainError is a bug: null.
 */
export function actionFailure(e: unknown): TActionFailure | null {
  if (!(e instanceof DomainError)) return null;
  const current = (e.detail as { current?: unknown } | undefined)?.current;
  return {
    ok: false,
    code: e.code === "not-found" ? "forbidden" : e.code,
    message: e.message,
    issues: [...e.issues],
    ...(current !== undefined ? { current } : {}),
  };
}
