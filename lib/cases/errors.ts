/** A case operation refused for a reason the user can act on; `message` is zh-TW and safe to show. */
export class CaseError extends Error {
  constructor(
    readonly code: "not-found" | "invalid" | "no-catalogue" | "not-applicable" | "conflict" | "profile-incomplete",
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = "CaseError";
  }
}
