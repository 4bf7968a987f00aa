/** The database refused to change or delete an audit entry (see the audit_append_only migration's triggers). */
export function isAuditViolation(e: unknown): boolean {
  // Prisma reports the trigger's RAISE text in the driver error's meta, not always in the message.
  const err = e as { message?: unknown; meta?: unknown } | null;
  return /SECREQ_AUDIT_APPEND_ONLY/.test(`${String(err?.message ?? e)} ${JSON.stringify(err?.meta ?? null)}`);
}
