/**
 * The one domain error. Every refusal lib/ makes for a reason the user can act on is a DomainError:
 * `code` says what kind (and so the HTTP status, the action result, the CLI exit code), `message` is
 * zh-TW and safe to show, `issues` point at fields, `detail` carries what the caller may need
 * (e.g. the stored values on a conflict). Anything else thrown is a bug: logged, never shown.
 */
export type TErrorCode = "not-found" | "forbidden" | "invalid" | "conflict";

/** `path` is dotted ("conditions.cii"), "" for the whole input; `message` is zh-TW. */
export type TIssue = { path: string; message: string };

export class DomainError extends Error {
  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly issues: TIssue[] = [],
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

/** The one code → HTTP status table (dub-style). */
export const HTTP_STATUS: Record<TErrorCode, number> = { invalid: 400, forbidden: 403, "not-found": 404, conflict: 409 };
