import { DomainError, type TErrorCode, type TIssue } from "../errors";

export type TCaseErrorReason = "not-found" | "invalid" | "no-catalogue" | "not-applicable" | "conflict";
const CODE: Record<TCaseErrorReason, TErrorCode> = {
  "not-found": "not-found",
  invalid: "invalid",
  "no-catalogue": "invalid",
  "not-applicable": "invalid",
  conflict: "conflict",
};

/** A case operation refused; `reason` is the finer cause, `code` what kind of refusal it is. */
export class CaseError extends DomainError {
  readonly reason: TCaseErrorReason;
  constructor(reason: TCaseErrorReason, message: string, issues: TIssue[] = [], detail?: unknown) {
    super(CODE[reason], message, issues, detail);
    this.reason = reason;
    this.name = "CaseError";
  }
}
