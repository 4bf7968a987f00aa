import type { TDb } from "../db/client";
import type { TTx } from "../audit";

/**
 * The CISO's own verdicts, and storing an approved revision's documents at its first download (anyone
 * may download); every other case entry (answers, decisions, clause parameters, version moves, …) writes the case.
 */
const NOT_WRITING = ["case.approve", "case.return", "case.documents-freeze"];

/**
 * Who wrote the case, in any revision of its group (their creators and every case-writing audit entry):
 * the CISO among them may not review or approve it. New case actions count as writing unless listed above,
 * so the rule fails closed. Vendor self-assessment entries (vendor.*) are about a vendor's answers, not the case.
 */
export async function caseEditors(tx: TTx, caseId: string): Promise<Set<string>> {
  const kase = await tx.case.findUnique({ where: { id: caseId }, select: { caseGroupId: true } });
  if (!kase) return new Set();
  const revisions = await tx.case.findMany({ where: { caseGroupId: kase.caseGroupId }, select: { id: true, createdById: true } });
  const rows = await tx.auditEntry.findMany({
    where: {
      targetType: "case",
      targetId: { in: revisions.map((r) => r.id) },
      NOT: [{ action: { in: NOT_WRITING } }, { action: { startsWith: "review." } }, { action: { startsWith: "vendor." } }],
    },
    select: { actorId: true },
    distinct: ["actorId"],
  });
  return new Set([...revisions.map((r) => r.createdById), ...rows.flatMap((r) => (r.actorId ? [r.actorId] : []))]);
}

/** The editors read in a transaction of their own (a page's view; the write paths read them in theirs). */
export async function readCaseEditors(db: TDb, caseId: string): Promise<Set<string>> {
  return db.$transaction((tx) => caseEditors(tx, caseId));
}
