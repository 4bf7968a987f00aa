import { randomUUID } from "node:crypto";
import type { TDb } from "../../db/client";
import type { TTx } from "../../audit/tx";
import { hasRole, type TActor } from "../../auth/roles";
import { DomainError } from "../../errors";
import { vendorCase } from "../access";
import { vendorMayEdit, type TAnswerChange, type TAnswerReview, type TAssessmentStatus } from "./rules";

/**
 * The stored self-assessment: one VendorAssessment per (case revision, vendor), created when the vendor
 * first opens it, and one VendorAnswer per row once typed. Every write bumps the answer's version and
 * appends a VendorAnswerEvent; callers audit in the same transaction.
 */

/** StoredFile.ownerType of a vendor's evidence file (ownerId: the assessment); VendorAnswerFile links it to answers. */
export const VENDOR_FILE_OWNER = "vendor-assessment";
/** StoredFile.ownerType of an uploaded filled Word 自評表 (ownerId: the assessment), kept while its import is previewed. */
export const VENDOR_IMPORT_OWNER = "vendor-import";

export type TAssessmentRecord = {
  id: string;
  agencyId: string;
  caseId: string;
  revision: number;
  contractId: string | null;
  vendorUserId: string;
  vendorName: string;
  status: TAssessmentStatus;
  round: number;
  submittedAt: Date | null;
  lockVersion: number;
};

type TRow = Omit<TAssessmentRecord, "status"> & { status: string };
const asRecord = (r: TRow): TAssessmentRecord => ({
  id: r.id,
  agencyId: r.agencyId,
  caseId: r.caseId,
  revision: r.revision,
  contractId: r.contractId,
  vendorUserId: r.vendorUserId,
  vendorName: r.vendorName,
  status: r.status as TAssessmentStatus,
  round: r.round,
  submittedAt: r.submittedAt,
  lockVersion: r.lockVersion,
});

/** The vendor's own assessment of a case it was invited to; created (draft) on first use. Not invited → not-found. */
export async function vendorAssessment(db: TDb, actor: TActor, caseId: string): Promise<TAssessmentRecord> {
  const record = await vendorCase(db, actor, caseId);
  const found = await db.vendorAssessment.findUnique({ where: { caseId_vendorUserId: { caseId, vendorUserId: actor.id } } });
  if (found) return asRecord(found);
  const grant = await db.vendorInvitation.findFirst({
    where: { acceptedUserId: actor.id, caseId, revokedAt: null },
    orderBy: [{ acceptedAt: "asc" }, { id: "asc" }],
  });
  if (!grant) throw new DomainError("not-found", "找不到此案件，或您未受邀填寫");
  try {
    return asRecord(
      await db.vendorAssessment.create({
        data: {
          id: randomUUID(),
          agencyId: record.agencyId,
          caseId,
          revision: record.revision,
          contractId: grant.contractId,
          invitationId: grant.id,
          vendorUserId: actor.id,
          vendorName: actor.name,
        },
      }),
    );
  } catch {
    // Two first opens at once: the unique (caseId, vendorUserId) lets one create it; read the winner's.
    const again = await db.vendorAssessment.findUnique({ where: { caseId_vendorUserId: { caseId, vendorUserId: actor.id } } });
    if (!again) throw new DomainError("conflict", "無法建立自評表，請重新整理");
    return asRecord(again);
  }
}

/** An assessment of the actor's agency, for its officers and CISO; another agency's reads as absent. */
export async function agencyAssessment(db: TDb | TTx, actor: TActor, assessmentId: string): Promise<TAssessmentRecord> {
  if (!hasRole(actor, "officer") && !hasRole(actor, "ciso")) throw new DomainError("forbidden", "只有承辦人或資安長可以檢視廠商自評");
  const row = await db.vendorAssessment.findUnique({ where: { id: assessmentId } });
  if (!row || row.agencyId !== actor.agencyId) throw new DomainError("not-found", "找不到這份廠商自評");
  return asRecord(row);
}

/** Re-reads an assessment inside a transaction with a conditional bump of lockVersion (two writers: one wins). */
export async function claimAssessment(tx: TTx, a: Pick<TAssessmentRecord, "id" | "lockVersion">): Promise<TAssessmentRecord> {
  const done = await tx.vendorAssessment.updateMany({
    where: { id: a.id, lockVersion: a.lockVersion },
    data: { lockVersion: { increment: 1 }, updatedAt: new Date() },
  });
  if (done.count !== 1) throw new DomainError("conflict", "這份自評已有其他人更新，請重新整理後再試");
  return asRecord(await tx.vendorAssessment.findUniqueOrThrow({ where: { id: a.id } }));
}

export type TWrittenAnswer = { rowId: string; id: string; version: number };
export type TStaleAnswer = { rowId: string; current: { answer: string; evidence: string; note: string; version: number; updatedByName: string } };

/**
 * Writes answers the vendor may still change (rules.vendorMayEdit). A change naming a version older than
 * the stored one is not written and comes back in `stale` with what is stored (never overwritten
 * silently); a change equal to what is stored writes nothing.
 */
export async function writeAnswers(
  tx: TTx,
  assessment: TAssessmentRecord,
  changes: readonly TAnswerChange[],
  by: { id: string; name: string },
  action: "save" | "import",
  validRowIds: ReadonlySet<string>,
): Promise<{ written: TWrittenAnswer[]; stale: TStaleAnswer[] }> {
  const stored = await tx.vendorAnswer.findMany({ where: { assessmentId: assessment.id, rowId: { in: changes.map((c) => c.rowId) } } });
  const byRow = new Map(stored.map((s) => [s.rowId, s]));
  const written: TWrittenAnswer[] = [];
  const stale: TStaleAnswer[] = [];
  const at = new Date();
  for (const c of changes) {
    if (!validRowIds.has(c.rowId)) throw new DomainError("invalid", `項目「${c.rowId}」不在本表之項目中`, [{ path: c.rowId, message: "不在本表之項目中" }]);
    const s = byRow.get(c.rowId);
    if (!vendorMayEdit(assessment.status, (s?.review ?? "") as TAnswerReview))
      throw new DomainError("conflict", assessment.status === "returned" ? "機關已接受此項，無法修改" : "自評表已送出，機關審查完成前無法修改");
    if (s && c.version !== undefined && c.version !== s.version) {
      stale.push({ rowId: c.rowId, current: { answer: s.answer, evidence: s.evidence, note: s.note, version: s.version, updatedByName: s.updatedByName } });
      continue;
    }
    if (s && s.answer === c.answer && s.evidence === c.evidence && s.note === c.note) {
      written.push({ rowId: c.rowId, id: s.id, version: s.version });
      continue;
    }
    const fields = { answer: c.answer, evidence: c.evidence, note: c.note };
    const row = s
      ? await tx.vendorAnswer.update({ where: { id: s.id }, data: { ...fields, version: { increment: 1 }, updatedAt: at, updatedByName: by.name } })
      : await tx.vendorAnswer.create({ data: { id: randomUUID(), assessmentId: assessment.id, rowId: c.rowId, ...fields, version: 1, updatedAt: at, updatedByName: by.name } });
    await tx.vendorAnswerEvent.create({
      data: { id: randomUUID(), answerId: row.id, action, round: assessment.round, snapshot: JSON.stringify(fields), byId: by.id, byName: by.name, at },
    });
    written.push({ rowId: c.rowId, id: row.id, version: row.version });
  }
  return { written, stale };
}
