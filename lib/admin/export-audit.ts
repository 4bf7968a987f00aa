import type { TDb } from "../db/client";
import { auditCsv, listAudit, recordAudit, type TAuditRecord } from "../audit";
import { assertAdmin, type TAdminActor } from "./actor";
import type { TAuditQuery } from "./audit-query";
import { auditTargetNames } from "./audit-target-names";

const BATCH = 500;

type TFilter = Omit<NonNullable<TAuditQuery["filter"]>, "cursor">;

/**
 * The whole filtered log of the admin's agency as CSV (newest first), read in batches. The export itself
 * is audited, since the log names people and what they did.
 */
export async function exportAuditCsv(db: TDb, actor: TAdminActor, filter: TFilter): Promise<{ csv: string; rows: number }> {
  await assertAdmin(db, actor);
  const entries: TAuditRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAudit(db, { ...filter, agencyId: actor.agencyId, take: BATCH, ...(cursor ? { cursor } : {}) });
    entries.push(...page.entries);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  await db.$transaction((tx) =>
    recordAudit(tx, {
      agencyId: actor.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "audit.export",
      targetType: "agency",
      targetId: actor.agencyId,
      after: {
        rows: entries.length,
        ...(filter.actorId ? { actorId: filter.actorId } : {}),
        ...(filter.action ? { action: filter.action } : {}),
        ...(filter.from ? { from: filter.from.toISOString() } : {}),
        ...(filter.to ? { to: filter.to.toISOString() } : {}),
      },
    }),
  );
  return { csv: auditCsv(entries, await auditTargetNames(db, actor.agencyId, entries)), rows: entries.length };
}
