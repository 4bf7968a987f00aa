import { DomainError } from "../errors";

/** An upload refused for a reason the uploader can fix; the message is zh-TW and names the field "file". */
export class FileError extends DomainError {
  constructor(
    readonly reason: "too-large" | "empty" | "bad-name" | "bad-type" | "missing",
    message: string,
  ) {
    super("invalid", message, [{ path: "file", message }]);
    this.name = "FileError";
  }
}

/** The database refused to delete or rewrite a stored file (the stored_files migration's triggers). */
export function isFileImmutableViolation(e: unknown): boolean {
  // Prisma reports the trigger's RAISE text in the driver error's meta, not always in the message.
  const err = e as { message?: unknown; meta?: unknown } | null;
  return /SECREQ_FILE_IMMUTABLE/.test(`${String(err?.message ?? e)} ${JSON.stringify(err?.meta ?? null)}`);
}
