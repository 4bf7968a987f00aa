import type { TDb } from "../db/client";
import type { TTx } from "../audit";

/** Who edited the case (its audit trail): the CISO among them may not review or approve it. */
export async function caseEditors(tx: TTx, caseId: string): Promise<Set<string>> {
  const rows = await tx.auditEntry.findMany({
    where: { targetType: "case", targetId: caseId, action: { in: ["case.create", "case.answers", "decision.save", "case.submit", "case.revise"] } },
    select: { actorId: true },
    distinct: ["actorId"],
  });
  return new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])));
}

/** The editors read in a transaction of their own (a page's view; the write paths read them in theirs). */
export async function readCaseEditors(db: TDb, caseId: string): Promise<Set<string>> {
  return db.$transaction((tx) => caseEditors(tx, caseId));
}
