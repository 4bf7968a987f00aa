/** A catalogue operation refused for a reason the user can act on; `message` is zh-TW and safe to show. */
export class CatalogueError extends Error {
  constructor(
    readonly code:
      | "invalid-file"
      | "published-differs"
      | "immutable"
      | "unknown-version"
      | "forbidden"
      | "not-found"
      | "conflict"
      | "invalid",
    message: string,
    /** Field-level problems, `path` relative to what the user edited (e.g. "marks.high"). */
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = "CatalogueError";
  }
}

/** The database refused a change to a published version (see the immutable-catalogue migration). */
export function isImmutableViolation(e: unknown): boolean {
  // Prisma reports the trigger's RAISE text in the driver error's meta, not always in the message.
  const err = e as { message?: unknown; meta?: unknown } | null;
  return /SECREQ_IMMUTABLE/.test(`${String(err?.message ?? e)} ${JSON.stringify(err?.meta ?? null)}`);
}
