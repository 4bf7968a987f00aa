import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { TDb } from "../../db/client";
import type { TTx } from "../../audit/tx";
import { recordAudit } from "../../audit/record";
import { hasRole, type TActor } from "../../auth/roles";
import { DomainError, type TIssue } from "../../errors";
import { getCase } from "../../cases/store";
import { loadClauseParameters, storedParameterLayer } from "../../cases/set-clause-parameters";
import { notifyVendorReviewed } from "../../notifications/events";
import { taipeiToday } from "../../time";
import { addDays, parseDate } from "../../contracts/dates";
import { zText } from "../../validation/text";
import { assessmentRows } from "./rows";
import { agencyAssessment, claimAssessment, type TAssessmentRecord } from "./store";

/**
 * The agency's review of a submitted answer set (officer only): accept each answer, or return it with a
 * comment. A returned answer, or an accepted 否 (the agency acknowledges the gap), opens a 不符合事項 due
 * vulnFixDays calendar days after the review day, or on a date the officer sets; a later accept of 是 /
 * 不適用 closes it in the same transaction. finishReview ends the round: returned or accepted.
 */

export const REVIEW_COMMENT_MAX = 2000;
export const NEEDS_COMMENT = "退回時請填寫意見，告訴廠商要修正什麼";
export const DUE_NOT_PAST = "改善期限須為今天或之後的日期";

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式須為 YYYY-MM-DD");

export const ZVerdict = z.object({
  rowId: z.string().min(1).max(200),
  verdict: z.enum(["accept", "return"], { error: "請選擇接受或退回" }),
  comment: zText().max(REVIEW_COMMENT_MAX, `意見最多 ${REVIEW_COMMENT_MAX} 字`),
  /** The officer's due date of the nonconformity this opens; absent: vulnFixDays after today. */
  dueOn: z.union([z.literal(""), ZDate]).optional(),
});
export type TVerdict = z.input<typeof ZVerdict>;

export type TNonconformityReason = "no" | "returned";
export const NONCONFORMITY_REASON_LABEL: Record<TNonconformityReason, string> = { no: "機關接受之「否」", returned: "機關退回" };

const validDate = (s: string) => parseDate(s) !== null;

function officerOnly(actor: TActor) {
  if (!hasRole(actor, "officer")) throw new DomainError("forbidden", "只有承辦人可以審查廠商自評");
}

/** vulnFixDays as the contract pins it (Contract.parameters), or the case's resolved clause parameters for a bidder. */
export async function vulnFixDays(db: TDb | TTx, a: Pick<TAssessmentRecord, "caseId" | "contractId">): Promise<number | null> {
  if (a.contractId) {
    const c = await db.contract.findUnique({ where: { id: a.contractId }, select: { parameters: true } });
    const v = storedParameterLayer(c?.parameters).vulnFixDays;
    if (typeof v === "number" && Number.isInteger(v) && v > 0) return v;
  }
  const p = await loadClauseParameters(db, a.caseId);
  const v = p.resolved.ok ? p.resolved.parameters.values.vulnFixDays : undefined;
  return typeof v === "number" && v > 0 ? v : null;
}

/** The default due date of a nonconformity opened today: vulnFixDays calendar days later (the clause says 日曆天). */
export async function defaultDue(db: TDb | TTx, a: Pick<TAssessmentRecord, "caseId" | "contractId">, now: Date = new Date()) {
  const days = await vulnFixDays(db, a);
  if (days === null) return null;
  return { dueOn: addDays(taipeiToday(now), days), dueBasis: `vulnFixDays＝${days} 日曆天` };
}

async function submittedForReview(db: TDb, actor: TActor, assessmentId: string) {
  const a = await agencyAssessment(db, actor, assessmentId);
  officerOnly(actor);
  if (a.status !== "submitted") throw new DomainError("conflict", "只能審查已送出的自評表");
  const record = await getCase(db, a.caseId);
  if (!record) throw new DomainError("not-found", "找不到這份廠商自評");
  const rows = await assessmentRows(db, record);
  return { a, rows };
}

export type TReviewResult = { accepted: number; returned: number; opened: number; closed: number };

/**
 * Records verdicts on a submitted set, in one transaction: each answer's review and comment, a
 * VendorAnswerEvent per row, the nonconformities opened or closed, and one audit entry.
 */
export async function reviewAnswers(
  db: TDb,
  actor: TActor,
  assessmentId: string,
  raw: readonly TVerdict[],
  now: Date = new Date(),
  expectedLockVersion?: number,
): Promise<TReviewResult> {
  const { a, rows } = await submittedForReview(db, actor, assessmentId);
  const parsed = z.array(ZVerdict).max(5000).safeParse(raw);
  if (!parsed.success)
    throw new DomainError(
      "invalid",
      "審查內容有誤",
      parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  const verdicts = parsed.data;
  if (!verdicts.length) throw new DomainError("invalid", "沒有要審查的項目");
  const today = taipeiToday(now);
  const valid = new Set(rows.map((r) => r.id));
  const issues: TIssue[] = [];
  for (const v of verdicts) {
    if (!valid.has(v.rowId)) issues.push({ path: v.rowId, message: "不在本表之項目中" });
    if (v.verdict === "return" && !v.comment.trim()) issues.push({ path: `${v.rowId}.comment`, message: NEEDS_COMMENT });
    if (v.dueOn && (!validDate(v.dueOn) || v.dueOn < today))
      issues.push({ path: `${v.rowId}.dueOn`, message: validDate(v.dueOn) ? DUE_NOT_PAST : "不是有效的日期" });
  }
  if (new Set(verdicts.map((v) => v.rowId)).size !== verdicts.length) issues.push({ path: "", message: "同一項目重複審查" });
  if (issues.length) throw new DomainError("invalid", issues.length === 1 ? issues[0]!.message : `有 ${issues.length} 處需要修正`, issues);
  const fallback = await defaultDue(db, a, now);
  return db.$transaction(async (tx) => {
    const claimed = await claimAssessment(tx, { id: a.id, lockVersion: expectedLockVersion ?? a.lockVersion });
    if (claimed.status !== "submitted") throw new DomainError("conflict", "只能審查已送出的自評表");
    const answers = await tx.vendorAnswer.findMany({ where: { assessmentId: a.id, rowId: { in: verdicts.map((v) => v.rowId) } } });
    const byRow = new Map(answers.map((x) => [x.rowId, x]));
    const open = await tx.nonconformity.findMany({ where: { assessmentId: a.id, closedAt: null, rowId: { in: verdicts.map((v) => v.rowId) } } });
    const openByRow = new Map(open.map((n) => [n.rowId, n]));
    const result: TReviewResult = { accepted: 0, returned: 0, opened: 0, closed: 0 };
    for (const v of verdicts) {
      const answer = byRow.get(v.rowId);
      if (!answer || !answer.answer) throw new DomainError("invalid", "此項目尚未填答", [{ path: v.rowId, message: "此項目尚未填答" }]);
      const review = v.verdict === "accept" ? "accepted" : "returned";
      const comment = v.comment.trim();
      await tx.vendorAnswer.update({ where: { id: answer.id }, data: { review, reviewComment: comment, reviewedByName: actor.name, reviewedAt: now } });
      await tx.vendorAnswerEvent.create({
        data: { id: randomUUID(), answerId: answer.id, action: v.verdict, round: claimed.round, comment, byId: actor.id, byName: actor.name, at: now },
      });
      result[review]++;
      const existing = openByRow.get(v.rowId);
      const gap = v.verdict === "return" || answer.answer === "no";
      if (gap) {
        const reason: TNonconformityReason = v.verdict === "return" ? "returned" : "no";
        const due = v.dueOn ? { dueOn: v.dueOn, dueBasis: "承辦人指定" } : existing ? null : fallback;
        if (existing) {
          // Still open from an earlier round (or re-reviewed): it keeps its date unless the officer sets one.
          await tx.nonconformity.update({ where: { id: existing.id }, data: { reason, comment, ...(due ?? {}) } });
        } else {
          if (!due) throw new DomainError("invalid", "本案沒有 vulnFixDays 參數，請指定改善期限", [{ path: `${v.rowId}.dueOn`, message: "請指定改善期限" }]);
          await tx.nonconformity.create({
            data: {
              id: randomUUID(),
              agencyId: a.agencyId,
              assessmentId: a.id,
              answerId: answer.id,
              rowId: v.rowId,
              contractId: a.contractId,
              reason,
              comment,
              ...due,
              openedAt: now,
              openedById: actor.id,
              openedByName: actor.name,
            },
          });
          result.opened++;
        }
      } else if (existing) {
        await tx.nonconformity.update({
          where: { id: existing.id },
          data: { closedAt: now, closedByName: actor.name, closeNote: `機關接受修正後之填答（${answer.answer === "yes" ? "是" : "不適用"}）` },
        });
        result.closed++;
      }
    }
    await recordAudit(tx, {
      agencyId: a.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "vendor.assessment-review",
      targetType: "case",
      targetId: a.caseId,
      after: { assessmentId: a.id, round: claimed.round, ...result },
      at: now,
    });
    return result;
  });
}

/** 「其餘全部接受」: accepts every current row still without a verdict (a 否 among them opens a nonconformity). */
export async function acceptRemaining(db: TDb, actor: TActor, assessmentId: string, now: Date = new Date()): Promise<TReviewResult> {
  const { a, rows } = await submittedForReview(db, actor, assessmentId);
  const answers = await db.vendorAnswer.findMany({ where: { assessmentId: a.id }, select: { rowId: true, review: true } });
  const reviewed = new Set(answers.filter((x) => x.review).map((x) => x.rowId));
  const rest = rows.filter((r) => !reviewed.has(r.id));
  if (!rest.length) throw new DomainError("conflict", "所有項目都已審查");
  return reviewAnswers(
    db,
    actor,
    assessmentId,
    rest.map((r) => ({ rowId: r.id, verdict: "accept", comment: "" })),
    now,
    a.lockVersion,
  );
}

/** Ends the round once every current row has a verdict: any returned → returned (the vendor fixes those), else accepted. */
export async function finishReview(db: TDb, actor: TActor, assessmentId: string, now: Date = new Date()) {
  const { a, rows } = await submittedForReview(db, actor, assessmentId);
  return db.$transaction(async (tx) => {
    const claimed = await claimAssessment(tx, a);
    if (claimed.status !== "submitted") throw new DomainError("conflict", "只能審查已送出的自評表");
    const answers = await tx.vendorAnswer.findMany({ where: { assessmentId: a.id }, select: { rowId: true, review: true } });
    const review = new Map(answers.map((x) => [x.rowId, x.review]));
    const pending = rows.filter((r) => !review.get(r.id));
    if (pending.length) throw new DomainError("invalid", `尚有 ${pending.length} 項未審查，無法完成審查`);
    const returned = rows.filter((r) => review.get(r.id) === "returned").length;
    const status = returned ? "returned" : "accepted";
    await tx.vendorAssessment.update({ where: { id: a.id }, data: { status } });
    await recordAudit(tx, {
      agencyId: a.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: returned ? "vendor.assessment-return" : "vendor.assessment-accept",
      targetType: "case",
      targetId: a.caseId,
      before: { status: "submitted", round: claimed.round },
      after: { assessmentId: a.id, status, round: claimed.round, returned },
      at: now,
    });
    await notifyVendorReviewed(tx, a.caseId, a.vendorUserId, status);
    return { status, returned } as const;
  });
}

export const ZCloseNote = zText().min(1, "請填寫結案說明").max(REVIEW_COMMENT_MAX, `結案說明最多 ${REVIEW_COMMENT_MAX} 字`);

/** The officer closes an open nonconformity with a note (e.g. fixed and verified on site). */
export async function closeNonconformity(db: TDb, actor: TActor, nonconformityId: string, rawNote: unknown, now: Date = new Date()) {
  const found = await db.nonconformity.findUnique({ where: { id: nonconformityId } });
  if (!found || found.agencyId !== actor.agencyId) throw new DomainError("not-found", "找不到這個不符合事項");
  await agencyAssessment(db, actor, found.assessmentId);
  officerOnly(actor);
  const note = ZCloseNote.safeParse(rawNote);
  if (!note.success || !note.data.trim())
    throw new DomainError("invalid", "請填寫結案說明", [{ path: "note", message: note.success ? "請填寫結案說明" : note.error.issues[0]!.message }]);
  return db.$transaction(async (tx) => {
    const done = await tx.nonconformity.updateMany({
      where: { id: found.id, closedAt: null },
      data: { closedAt: now, closedByName: actor.name, closeNote: note.data.trim() },
    });
    if (done.count !== 1) throw new DomainError("conflict", "這個不符合事項已結案");
    const a = await tx.vendorAssessment.findUniqueOrThrow({ where: { id: found.assessmentId }, select: { caseId: true } });
    await recordAudit(tx, {
      agencyId: found.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "vendor.nonconformity-close",
      targetType: "case",
      targetId: a.caseId,
      after: { nonconformityId: found.id, assessmentId: found.assessmentId, rowId: found.rowId, note: note.data.trim() },
      at: now,
    });
  });
}
