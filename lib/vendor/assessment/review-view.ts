import type { TDb } from "../../db/client";
import type { TActor } from "../../auth/roles";
import { DomainError } from "../../errors";
import { getCase } from "../../cases/store";
import { readStoredFile, type TStoredFileMeta } from "../../files/store";
import { assessmentRows, type TAssessmentRow } from "./rows";
import type { TAnswerReview, TVendorAnswer } from "./rules";
import { agencyAssessment, VENDOR_FILE_OWNER, type TAssessmentRecord } from "./store";
import { defaultDue } from "./review";
import { nonconformityViews, summarize, type TNonconformityView } from "./summary";

/**
 * Everything the review page and the reviewed export show of one assessment: per row the requirement,
 * the answer, 佐證資料, the attached files, 說明, the verdict, the history (old → new) and its nonconformities.
 */

export type TReviewFile = Pick<TStoredFileMeta, "id" | "name" | "size" | "sha256">;
export type TReviewRow = TAssessmentRow & {
  answerId: string | null;
  answer: "" | TVendorAnswer;
  evidence: string;
  note: string;
  review: TAnswerReview;
  reviewComment: string;
  reviewedByName: string;
  files: TReviewFile[];
  history: { action: string; round: number; answer: string; note: string; comment: string; byName: string; at: Date }[];
  nonconformities: TNonconformityView[];
};

const snapshotOf = (s: string): { answer?: string; note?: string } => {
  try {
    const v = JSON.parse(s) as unknown;
    return v && typeof v === "object" ? (v as { answer?: string; note?: string }) : {};
  } catch {
    return {};
  }
};

export async function reviewView(db: TDb, actor: TActor, assessmentId: string, now: Date = new Date()) {
  return loadReview(db, await agencyAssessment(db, actor, assessmentId), now);
}

/** The review of an assessment the caller has already authorized (the 驗收 document reads a contract's). */
export async function loadReview(db: TDb, a: TAssessmentRecord, now: Date = new Date()) {
  const record = await getCase(db, a.caseId);
  if (!record) throw new DomainError("not-found", "找不到這份廠商自評");
  const [rows, answers, ncs, summary, due, contract] = await Promise.all([
    assessmentRows(db, record),
    db.vendorAnswer.findMany({
      where: { assessmentId: a.id },
      include: { files: { where: { detachedAt: null }, orderBy: { attachedAt: "asc" } }, events: { orderBy: [{ at: "asc" }, { id: "asc" }] } },
    }),
    db.nonconformity.findMany({ where: { assessmentId: a.id }, orderBy: [{ openedAt: "asc" }, { id: "asc" }] }),
    summarize(db, [a.id], now),
    defaultDue(db, a, now),
    a.contractId ? db.contract.findUnique({ where: { id: a.contractId }, select: { id: true, contractNumber: true, vendorName: true } }) : null,
  ]);
  const fileIds = [...new Set(answers.flatMap((x) => x.files.map((f) => f.fileId)))];
  const stored = await db.storedFile.findMany({
    where: { id: { in: fileIds }, agencyId: a.agencyId, ownerType: VENDOR_FILE_OWNER, ownerId: a.id },
    select: { id: true, name: true, size: true, sha256: true },
  });
  const fileById = new Map(stored.map((f) => [f.id, f]));
  const ncViews = await nonconformityViews(db, ncs, now);
  const byRow = new Map(answers.map((x) => [x.rowId, x]));
  const list: TReviewRow[] = rows.map((r) => {
    const x = byRow.get(r.id);
    return {
      ...r,
      answerId: x?.id ?? null,
      answer: (x?.answer ?? "") as TReviewRow["answer"],
      evidence: x?.evidence ?? "",
      note: x?.note ?? "",
      review: (x?.review ?? "") as TAnswerReview,
      reviewComment: x?.reviewComment ?? "",
      reviewedByName: x?.reviewedByName ?? "",
      files: (x?.files ?? []).flatMap((f) => (fileById.has(f.fileId) ? [fileById.get(f.fileId)!] : [])),
      history: (x?.events ?? []).map((e) => {
        const s = snapshotOf(e.snapshot);
        return { action: e.action, round: e.round, answer: s.answer ?? "", note: s.note ?? "", comment: e.comment, byName: e.byName, at: e.at };
      }),
      nonconformities: ncViews.filter((n) => n.rowId === r.id),
    };
  });
  return { assessment: a, record: { id: record.id, title: record.title, revision: record.revision }, contract, rows: list, summary, defaultDue: due };
}
export type TReviewView = Awaited<ReturnType<typeof loadReview>>;

/** One evidence file of the assessment, for the agency's download: the vendor's file owner type, linked to an answer of it. */
export async function reviewFile(db: TDb, actor: TActor, assessmentId: string, fileId: string) {
  const a = await agencyAssessment(db, actor, assessmentId);
  const link = await db.vendorAnswerFile.findFirst({ where: { fileId, answer: { assessmentId: a.id } } });
  if (!link) throw new DomainError("not-found", "找不到這個檔案。");
  const file = await readStoredFile(db, { agencyId: a.agencyId, id: fileId });
  if (file.ownerType !== VENDOR_FILE_OWNER || file.ownerId !== a.id) throw new DomainError("not-found", "找不到這個檔案。");
  return file;
}
