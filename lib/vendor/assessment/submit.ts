import { randomUUID } from "node:crypto";
import type { TDb } from "../../db/client";
import type { TActor } from "../../auth/roles";
import { recordAudit } from "../../audit/record";
import { DomainError } from "../../errors";
import { getCase } from "../../cases/store";
import { notifyVendorSubmitted } from "../../notifications/events";
import { assessmentRows } from "./rows";
import { submissionProblems } from "./rules";
import { claimAssessment, vendorAssessment } from "./store";

/**
 * The vendor submits its answer set: every row answered and each 否 / 不適用 explained, else refused with
 * each row's problem. Submitting locks the set (status submitted, round + 1); on a resubmission the
 * answers the agency returned go back to unreviewed, and accepted ones keep their verdict.
 */
export async function submitAssessment(db: TDb, actor: TActor, caseId: string, expectedLockVersion?: number) {
  const a = await vendorAssessment(db, actor, caseId);
  if (a.status !== "draft" && a.status !== "returned") throw new DomainError("conflict", "自評表已送出，機關審查完成前無法再送出");
  const record = await getCase(db, caseId);
  if (!record) throw new DomainError("not-found", "找不到此案件，或您未受邀填寫");
  const rows = await assessmentRows(db, record);
  return db.$transaction(async (tx) => {
    const claimed = await claimAssessment(tx, { id: a.id, lockVersion: expectedLockVersion ?? a.lockVersion });
    if (claimed.status !== "draft" && claimed.status !== "returned") throw new DomainError("conflict", "自評表已送出，機關審查完成前無法再送出");
    const answers = await tx.vendorAnswer.findMany({ where: { assessmentId: a.id } });
    const problems = submissionProblems(rows, new Map(answers.map((x) => [x.rowId, { answer: x.answer as "" | "yes" | "no" | "na", note: x.note }])));
    if (problems.length)
      throw new DomainError(
        "invalid",
        `尚有 ${problems.length} 項未完成，無法送出：${problems
          .slice(0, 3)
          .map((p) => p.name)
          .join("、")}${problems.length > 3 ? "等" : ""}`,
        problems.flatMap((p) => p.issues.map((i) => ({ path: `${p.rowId}.${i.path}`, message: i.message }))),
      );
    const round = claimed.round + 1;
    const at = new Date();
    await tx.vendorAssessment.update({ where: { id: a.id }, data: { status: "submitted", round, submittedAt: at } });
    await tx.vendorAnswer.updateMany({
      where: { assessmentId: a.id, review: { not: "accepted" } },
      data: { review: "", reviewComment: "", reviewedByName: "", reviewedAt: null },
    });
    const current = answers.filter((x) => rows.some((r) => r.id === x.rowId));
    await tx.vendorAnswerEvent.createMany({
      data: current.map((x) => ({
        id: randomUUID(),
        answerId: x.id,
        action: "submit",
        round,
        snapshot: JSON.stringify({ answer: x.answer, evidence: x.evidence, note: x.note }),
        byId: actor.id,
        byName: actor.name,
        at,
      })),
    });
    const count = (v: string) => current.filter((x) => x.answer === v).length;
    await recordAudit(tx, {
      agencyId: a.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "vendor.assessment-submit",
      targetType: "case",
      targetId: caseId,
      before: { status: claimed.status, round: claimed.round },
      after: { assessmentId: a.id, status: "submitted", round, yes: count("yes"), no: count("no"), na: count("na") },
      at,
    });
    await notifyVendorSubmitted(tx, caseId, a.id);
    return { round, submittedAt: at };
  });
}
