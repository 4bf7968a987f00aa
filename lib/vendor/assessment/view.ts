import type { TDb } from "../../db/client";
import type { TActor } from "../../auth/roles";
import { assessmentWithRows } from "./answers";
import type { TAssessmentRow } from "./rows";
import { vendorMayEdit, type TAnswerReview, type TAssessmentStatus } from "./rules";
import { VENDOR_FILE_OWNER } from "./store";

/**
 * What the vendor sees of its assessment, and nothing else: the rows as exported, its own answers and files,
 * and the agency's comments to it. No decisions, reasons, risk acceptances, audit trail or other vendors.
 */

export type TViewFile = { id: string; name: string; size: number; sha256: string; uploadedAt: string };
export type TViewRow = TAssessmentRow & {
  answer: "" | "yes" | "no" | "na";
  evidence: string;
  note: string;
  version: number;
  files: TViewFile[];
  editable: boolean;
  review: TAnswerReview;
  /** The agency's comment when it returned this answer (current round). */
  returnComment: string;
  /** Earlier rounds' return comments, oldest first. */
  earlierComments: { round: number; comment: string }[];
};
export type TAssessmentView = {
  caseId: string;
  status: TAssessmentStatus;
  round: number;
  lockVersion: number;
  submittedAt: string | null;
  groups: { title: string; rows: TViewRow[] }[];
  counts: { answered: number; total: number; yes: number; no: number; na: number; returned: number };
};

type TStoredAnswer = {
  rowId: string;
  answer: string;
  evidence: string;
  note: string;
  version: number;
  review: string;
  reviewComment: string;
  fileIds: string[];
  returns: { round: number; comment: string }[];
};

/** Pure: the rows joined with the stored answers and files, grouped in document order. */
export function shapeView(
  a: { caseId: string; status: TAssessmentStatus; round: number; lockVersion: number; submittedAt: Date | null },
  rows: readonly TAssessmentRow[],
  answers: readonly TStoredAnswer[],
  files: ReadonlyMap<string, TViewFile>,
): TAssessmentView {
  const byRow = new Map(answers.map((x) => [x.rowId, x]));
  const groups: TAssessmentView["groups"] = [];
  const counts = { answered: 0, total: rows.length, yes: 0, no: 0, na: 0, returned: 0 };
  for (const row of rows) {
    const s = byRow.get(row.id);
    const answer = (s?.answer ?? "") as TViewRow["answer"];
    const review = (s?.review ?? "") as TAnswerReview;
    const returnComment = review === "returned" ? (s?.reviewComment ?? "") : "";
    const returns = s?.returns ?? [];
    // The newest return event is the current comment while the answer stands returned.
    const earlier = review === "returned" && returns.length ? returns.slice(0, -1) : returns;
    const v: TViewRow = {
      ...row,
      answer,
      evidence: s?.evidence ?? "",
      note: s?.note ?? "",
      version: s?.version ?? 0,
      files: (s?.fileIds ?? []).flatMap((id) => (files.has(id) ? [files.get(id)!] : [])),
      editable: vendorMayEdit(a.status, review),
      review,
      returnComment,
      earlierComments: earlier.filter((e) => e.comment.trim()),
    };
    if (answer) counts.answered++;
    if (answer === "yes") counts.yes++;
    if (answer === "no") counts.no++;
    if (answer === "na") counts.na++;
    if (review === "returned") counts.returned++;
    const last = groups.at(-1);
    if (last && last.title === row.group) last.rows.push(v);
    else groups.push({ title: row.group, rows: [v] });
  }
  return { caseId: a.caseId, status: a.status, round: a.round, lockVersion: a.lockVersion, submittedAt: a.submittedAt?.toISOString() ?? null, groups, counts };
}

/** The vendor's own assessment of a case it was invited to (created as a draft on first view). */
export async function assessmentView(db: TDb, actor: TActor, caseId: string): Promise<TAssessmentView> {
  const { a, rows } = await assessmentWithRows(db, actor, caseId);
  const stored = await db.vendorAnswer.findMany({
    where: { assessmentId: a.id },
    include: {
      files: { where: { detachedAt: null }, orderBy: [{ attachedAt: "asc" }, { fileId: "asc" }] },
      events: { where: { action: "return" }, orderBy: [{ at: "asc" }, { id: "asc" }] },
    },
  });
  const fileIds = [...new Set(stored.flatMap((s) => s.files.map((f) => f.fileId)))];
  const fileRows = fileIds.length
    ? await db.storedFile.findMany({
        where: { id: { in: fileIds }, ownerType: VENDOR_FILE_OWNER, ownerId: a.id },
        select: { id: true, name: true, size: true, sha256: true, uploadedAt: true },
      })
    : [];
  const files = new Map(fileRows.map((f) => [f.id, { ...f, uploadedAt: f.uploadedAt.toISOString() }]));
  return shapeView(
    a,
    rows,
    stored.map((s) => ({
      rowId: s.rowId,
      answer: s.answer,
      evidence: s.evidence,
      note: s.note,
      version: s.version,
      review: s.review,
      reviewComment: s.reviewComment,
      fileIds: s.files.map((f) => f.fileId),
      returns: s.events.map((e) => ({ round: e.round, comment: e.comment })),
    })),
    files,
  );
}

/** Each of the vendor's own assessments' status, by case (a case never opened reads as a draft). */
export async function vendorAssessmentStatuses(db: TDb, vendorUserId: string): Promise<Map<string, TAssessmentStatus>> {
  const rows = await db.vendorAssessment.findMany({ where: { vendorUserId }, select: { caseId: true, status: true } });
  return new Map(rows.map((r) => [r.caseId, r.status as TAssessmentStatus]));
}
