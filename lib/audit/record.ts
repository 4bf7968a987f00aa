import { randomUUID } from "node:crypto";
import { z } from "zod";
import { canonicalJson } from "./json";
import { redact } from "./redact";
import type { TTx } from "./tx";
import { isClient } from "../db/client";
import { appendToChain } from "./chain";

/** e.g. case.create, case.answers, decision.save, case.submit, review.approve, user.roles, auth.login */
export const AUDIT_ACTION = /^[a-z][a-z-]*(\.[a-z][a-z-]*)+$/;

export const ZAuditInput = z.object({
  /** Null only for events outside any agency, e.g. a failed login for an unknown e-mail. */
  agencyId: z.string().min(1).nullable(),
  actorId: z.string().min(1).nullable(),
  /** The name at the time of the event, so the log still reads right after a user is renamed. */
  actorName: z.string().trim().min(1).max(200),
  action: z.string().regex(AUDIT_ACTION, "動作名稱格式應如 case.submit"),
  targetType: z.string().trim().min(1).max(50),
  targetId: z.string().max(200),
  /** Snapshots, before → after; pass `changes(before, after)` to keep only what changed. */
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  /** Defaults to now; pass the change's own timestamp to make them match. */
  at: z.date().optional(),
});
export type TAuditInput = z.input<typeof ZAuditInput>;

const snapshot = (value: unknown): string | null => (value === undefined || value === null ? null : canonicalJson(redact(value)));

/**
 * Writes one audit entry with the caller's transaction client, so the entry commits or rolls back together
 * with the change it records (issue 4: "in the same transaction as the change"), as the chain's next link.
 */
export async function recordAudit(tx: TTx, entry: TAuditInput): Promise<{ id: string; at: Date; seq: number }> {
  const e = ZAuditInput.parse(entry);
  // Outside a transaction (the client itself), the chain's lock-append-move needs one of its own.
  if (isClient(tx)) return tx.$transaction((inner) => recordAudit(inner, entry));
  return appendToChain(tx, {
    id: randomUUID(),
    agencyId: e.agencyId,
    actorId: e.actorId,
    actorName: e.actorName,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    before: snapshot(e.before),
    after: snapshot(e.after),
    at: e.at ?? new Date(),
  });
}
