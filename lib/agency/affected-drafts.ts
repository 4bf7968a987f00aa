import type { TDb } from "../db/client";
import { completeProfile, type TAgencyProfile } from "./profile";
import { caseProfileChanges, caseProfileFrom, parseCaseProfile, type TProfileChange } from "./snapshot";

/** The agency's open cases (draft, returned) whose last-seen profile values differ from the profile now. */
export async function draftsAffectedByProfile(
  db: TDb,
  agencyId: string,
  profile: TAgencyProfile,
): Promise<{ id: string; title: string; changes: TProfileChange[] }[]> {
  const complete = completeProfile(profile);
  if (!complete) return [];
  const rows = await db.case.findMany({
    where: { agencyId, status: { in: ["draft", "returned"] } },
    select: { id: true, title: true, agencySnapshot: true },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
  });
  return rows
    .map((r) => {
      const before = parseCaseProfile(r.agencySnapshot);
      return { id: r.id, title: r.title, changes: before ? caseProfileChanges(before, caseProfileFrom(complete, before.officerName)) : [] };
    })
    .filter((r) => r.changes.length > 0);
}
