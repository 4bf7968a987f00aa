import type { TDb } from "../db/client";
import type { TActor } from "../auth/roles";
import { approvalProblems, deviationCount } from "../workflow/review-groups";
import type { TItemReview } from "../workflow/reviews";
import { DomainError } from "../errors";
import { loadChecklist } from "./load";
import { getCase } from "./store";
import { caseSubmissions, sinceLastReview } from "./review-loop";

export type TWorklistEntry = {
  id: string;
  title: string;
  revision: number;
  submittedAt: Date | null;
  submittedBy: string;
  /** Items that block approval until the CISO gives a verdict (risk acceptances, returned items). */
  needVerdict: number;
  /** Decisions that differ from the rules' recommendation; null while items carry none. */
  deviations: number | null;
  /** Submitted before (this is a resubmission after a return). */
  resubmitted: boolean;
};

/**
 * 「待我審查」: the CISO's agency's cases waiting for review, oldest submission first. Only a CISO has
 * one; anyone else is refused (the page also checks the role, this is the rule itself).
 */
export async function cisoWorklist(db: TDb, actor: TActor): Promise<TWorklistEntry[]> {
  if (!actor.roles.includes("ciso")) throw new DomainError("forbidden", "只有資安長有待審查清單");
  const rows = await db.case.findMany({
    where: { agencyId: actor.agencyId, status: "submitted" },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  const entries: TWorklistEntry[] = [];
  for (const { id } of rows) {
    const record = await getCase(db, id);
    if (!record) continue;
    const [{ checklist }, submissions, reviewRows] = await Promise.all([
      loadChecklist(db, record),
      caseSubmissions(db, id),
      db.review.findMany({ where: { caseId: id }, select: { itemId: true, verdict: true, comment: true, reviewerId: true, at: true } }),
    ]);
    const reviews = reviewRows.map((r) => ({ ...r, verdict: r.verdict as TItemReview["verdict"] }));
    const since = await sinceLastReview(db, id);
    entries.push({
      id,
      title: record.title,
      revision: record.revision,
      submittedAt: record.submittedAt,
      submittedBy: submissions.at(-1)?.submittedByName ?? record.creatorName,
      needVerdict: approvalProblems(checklist, reviews, since).filter((p) => p.kind === "item").length,
      deviations: checklist.ok ? deviationCount(checklist.items) : null,
      resubmitted: submissions.length > 1,
    });
  }
  return entries;
}
