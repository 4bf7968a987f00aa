import type { TDb } from "../db/client";
import { listAudit, type TAuditRecord } from "../audit";
import { assertAdmin, type TAdminActor } from "./actor";
import type { TAuditQuery } from "./audit-query";

export const AUDIT_PAGE_SIZE = 50;

type TFilter = NonNullable<TAuditQuery["filter"]>;

/** One page of the admin's own agency's log, newest first; the agency comes from the actor only. */
export async function listAgencyAudit(
  db: TDb,
  actor: TAdminActor,
  filter: TFilter,
  take: number = AUDIT_PAGE_SIZE,
): Promise<{ entries: TAuditRecord[]; nextCursor: string | null }> {
  await assertAdmin(db, actor);
  return listAudit(db, { ...filter, agencyId: actor.agencyId, take });
}
