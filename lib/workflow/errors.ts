/** A workflow step refused for a reason the user can act on; `message` is zh-TW and safe to show. */
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
