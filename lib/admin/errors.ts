import { DomainError, type TErrorCode, type TIssue } from "../errors";

/**
 * An admin operation refused. not-found: the user does not exist or belongs to another agency (the two
 * look the same from outside); forbidden: the actor is not an active admin (any more); invalid: a rule
 * is broken (last admin, own account, bad value); conflict: already so, or the e-mail is taken.
 */
export type TAdminErrorCode = TErrorCode;

export class AdminError extends DomainError {
  constructor(code: TAdminErrorCode, message: string, issues: TIssue[] = []) {
    super(code, message, issues);
    this.name = "AdminError";
  }
}
