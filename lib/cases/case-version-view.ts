import type { TDb } from "../db/client";
import type { TActor } from "../auth/roles";
import { can } from "../workflow/state";
import { compareCaseVersions } from "./compare-version";
import { newestCatalogue, pinnedCatalogue } from "./load";
import { getCaseFor } from "./store";

/**
 * What the version page shows: the newest published catalogue, what it would change for the case, and
 * whether the viewer may move the case to it (an officer, on the newest revision, when the case may be
 * edited — or, if approved, revised). null when the case is not the viewer's agency's.
 */
export async function caseVersionView(db: TDb, id: string, viewer: TActor) {
  const record = await getCaseFor(db, id, viewer);
  if (!record) return null;
  const newest = await newestCatalogue(db);
  if (newest.version <= record.catalogueVersionId) return { record, newest, upToDate: true as const };
  const comparison = compareCaseVersions(record, await pinnedCatalogue(db, record.catalogueVersionId), newest);
  const latest = await db.case.aggregate({ where: { caseGroupId: record.caseGroupId }, _max: { revision: true } });
  const canMove = comparison.ok && record.revision === latest._max.revision && (can(record, "edit", viewer) || can(record, "revise", viewer));
  return { record, newest, upToDate: false as const, comparison, canMove };
}
