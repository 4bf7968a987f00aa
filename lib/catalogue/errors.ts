import { DomainError, type TErrorCode, type TIssue } from "../errors";

export type TCatalogueErrorReason = "invalid-file" | "published-differs" | "immutable" | "unknown-version" | "forbidden" | "not-found" | "conflict" | "invalid";
const CODE: Record<TCatalogueErrorReason, TErrorCode> = {
  "invalid-file": "invalid",
  "published-differs": "conflict",
  immutable: "conflict",
  "unknown-version": "not-found",
  forbidden: "forbidden",
  "not-found": "not-found",
  conflict: "conflict",
  invalid: "invalid",
};

/** A catalogue operation refused; `reason` is the finer cause. Issues' `path` is relative to what the user edited (e.g. "marks.high"). */
export class CatalogueError extends DomainError {
  readonly reason: TCatalogueErrorReason;
  constructor(reason: TCatalogueErrorReason, message: string, issues: TIssue[] = []) {
    super(CODE[reason], message, issues);
    this.reason = reason;
    this.name = "CatalogueError";
  }
}

/** The database refused a change to a published version (see the immutable-catalogue migration). */
export function isImmutableViolation(e: unknown): boolean {
  // Prisma reports the trigger's RAISE text in the driver error's meta, not always in the message.
  const err = e as { message?: unknown; meta?: unknown } | null;
  return /SECREQ_IMMUTABLE/.test(`${String(err?.message ?? e)} ${JSON.stringify(err?.meta ?? null)}`);
}
