/** An admin operation refused for a reason the admin can act on; `message` is zh-TW and safe to show. */
export type TAdminErrorCode =
  /** The user does not exist or belongs to another agency (the two look the same from outside). */
  | "not-found"
  /** The actor is not an active admin of the agency (any more). */
  | "forbidden"
  /** The input or the request breaks a rule (last admin, own account, bad value). */
  | "invalid"
  /** Already in the requested state, or the e-mail is taken. */
  | "conflict";

export class AdminError extends Error {
  constructor(
    readonly code: TAdminErrorCode,
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = "AdminError";
  }
}
