/**
 * The pure state machine's verdict on a refused step; `message` is zh-TW and safe to show. Not a
 * DomainError on purpose: it never leaves lib/ — lib/cases turns it into a CaseError (other-agency →
 * not-found, the rest → invalid), so its fine codes stay the state machine's own vocabulary.
 */
export type TWorkflowErrorCode =
  /** The actor belongs to another agency (tenant boundary). */
  | "other-agency"
  /** The actor lacks the role the action needs. */
  | "role"
  /** The case is approved and therefore locked. */
  | "locked"
  /** The action does not apply to the case's current status. */
  | "status"
  /** Returning needs a comment for the officer. */
  | "comment-required"
  /** Separation of duties: a CISO who edited the case may not approve it. */
  | "own-edit"
  /** The caller did not say who edited the case, so separation of duties cannot be checked. */
  | "editors-unknown"
  /** A newer revision of the case already exists. */
  | "not-latest";

export class WorkflowError extends Error {
  constructor(
    readonly code: TWorkflowErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "WorkflowError";
  }
}
