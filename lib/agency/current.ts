import type { TDb } from "../db/client";
import type { TTx } from "../audit";
import { completeProfile, PROFILE_SELECT, profileFromRow, type TAgencyProfile } from "./profile";
import { caseProfileFrom, parseCaseProfile, type TCaseProfile } from "./snapshot";

/** The agency's profile as stored now, with its version for the stale-save check. */
export async function getAgencyProfile(db: TDb | TTx, agencyId: string): Promise<{ profile: TAgencyProfile; profileVersion: number } | null> {
  const row = await db.agency.findUnique({ where: { id: agencyId }, select: { ...PROFILE_SELECT, profileVersion: true } });
  return row ? { profile: profileFromRow(row), profileVersion: row.profileVersion } : null;
}

const FIXED = new Set(["submitted", "approved"]);

/**
 * The profile values a case resolves with: its snapshot once submitted (never changed again), otherwise
 * the agency's profile now, so a draft follows a profile change. An agency whose profile is incomplete
 * (one migrated from before the profile) leaves a draft on its snapshot.
 */
export function effectiveCaseProfile(
  record: { status: string; agencySnapshot: TCaseProfile | null; creatorName: string },
  current: TAgencyProfile | null,
): TCaseProfile | null {
  if (FIXED.has(record.status) && record.agencySnapshot) return record.agencySnapshot;
  const complete = current && completeProfile(current);
  if (complete) return caseProfileFrom(complete, record.agencySnapshot?.officerName || record.creatorName);
  return record.agencySnapshot;
}

export { parseCaseProfile };
