import { z } from "zod";
import type { TIssue } from "../../errors";
import { zText } from "../../validation/text";

/**
 * The self-assessment's rules, pure: what an answer is, which answers need a 說明 (否 and 不適用, per the
 * 自評表's instructions), when a set can be submitted, and which rows the vendor may still change.
 */

export const VENDOR_ANSWERS = ["yes", "no", "na"] as const;
export type TVendorAnswer = (typeof VENDOR_ANSWERS)[number];
export const VENDOR_ANSWER_LABEL: Record<TVendorAnswer, string> = { yes: "是", no: "否", na: "不適用" };

/** draft: the vendor types; submitted: locked, the agency reviews; returned: the vendor fixes what was returned; accepted: closed. */
export const ASSESSMENT_STATUSES = ["draft", "submitted", "returned", "accepted"] as const;
export type TAssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export const ASSESSMENT_STATUS_LABEL: Record<TAssessmentStatus, string> = {
  draft: "填寫中",
  submitted: "已送出待審",
  returned: "機關退回待修正",
  accepted: "機關已全部接受",
};

/** The agency's verdict on one answer as last submitted. */
export type TAnswerReview = "" | "accepted" | "returned";

export const EVIDENCE_MAX = 2000;
export const NOTE_MAX = 4000;

export const ZAnswerFields = z.object({
  answer: z.enum(["", ...VENDOR_ANSWERS], { error: "「符合」請選擇是、否或不適用" }),
  evidence: zText().max(EVIDENCE_MAX, `「佐證資料」最多 ${EVIDENCE_MAX} 字`),
  note: zText().max(NOTE_MAX, `「說明」最多 ${NOTE_MAX} 字`),
});
export type TAnswerFields = z.output<typeof ZAnswerFields>;

/** One row's save: its fields and the version the form was showing (a save over a newer one is stale). */
export const ZAnswerChange = ZAnswerFields.extend({
  rowId: z.string().min(1).max(200),
  version: z.number().int().min(0).optional(),
});
export type TAnswerChange = z.output<typeof ZAnswerChange>;

export const NEEDS_NOTE = "勾選「否」或「不適用」者，請於「說明」欄敘明理由及替代作法";
export const NEEDS_ANSWER = "請選擇「符合」：是、否或不適用";

/** What keeps one answer from being submitted (field paths: answer, note). Saving as typed is always allowed. */
export function answerIssues(a: Pick<TAnswerFields, "answer" | "note">): TIssue[] {
  if (!a.answer) return [{ path: "answer", message: NEEDS_ANSWER }];
  if ((a.answer === "no" || a.answer === "na") && !a.note.trim()) return [{ path: "note", message: NEEDS_NOTE }];
  return [];
}

/** Every row of the form must be answered, and each 否 / 不適用 explained, before the set is submitted. */
export function submissionProblems(
  rows: readonly { id: string; name: string }[],
  answers: ReadonlyMap<string, Pick<TAnswerFields, "answer" | "note">>,
): { rowId: string; name: string; issues: TIssue[] }[] {
  return rows.flatMap((row) => {
    const issues = answerIssues(answers.get(row.id) ?? { answer: "", note: "" });
    return issues.length ? [{ rowId: row.id, name: row.name, issues }] : [];
  });
}

/** Whether the vendor may change a row now: all rows while a draft; after a return, those not accepted. */
export function vendorMayEdit(status: TAssessmentStatus, review: TAnswerReview): boolean {
  if (status === "draft") return true;
  if (status === "returned") return review !== "accepted";
  return false;
}

/** A Word copy's row against what is online: 無變更 · 新填 · 衝突 (both shown, the user chooses) · 已鎖定 (differs, cannot be applied now) · Word 未填 (nothing to take). */
export type TImportKind = "unchanged" | "new" | "conflict" | "locked" | "blank";
export const IMPORT_KIND_LABEL: Record<TImportKind, string> = {
  unchanged: "無變更",
  new: "新填",
  conflict: "衝突",
  locked: "已鎖定",
  blank: "Word 未填",
};
