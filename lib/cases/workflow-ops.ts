import { randomUUID } from "node:crypto";
import type { TDb } from "../db/client";
import { lockCaseRow } from "../db/lock";
import { recordAudit, type TTx } from "../audit";
import type { TActor } from "../auth/roles";
import { checkTransition, type TCaseStatus, type TWorkflowAction } from "../workflow/state";
import { WorkflowError } from "../workflow/errors";
import { nextRevision } from "../workflow/revise";
import { isIncluded } from "../workflow/checklist-view";
import { resubmissionProblems, submissionProblems } from "../workflow/submission";
import { approvalProblems, currentReviews, riskStatement } from "../workflow/review-groups";
import { caseSubmissions, itemAnswers, recordSubmission, sinceLastReview } from "./review-loop";
import { ZReviewInput, type TItemReview } from "../workflow/reviews";
import type { TProblem } from "../workflow/problems";
import { CaseError } from "./errors";
import { caseEditors } from "./editors";
import type { TChecklist } from "./checklist";
import { loadChecklist } from "./load";
import { getCase } from "./store";
import { DOCUMENT_TX, freezeDocuments } from "./case-documents";
import { notifyDecided, notifySubmitted } from "../notifications/events";

// The case's workflow verbs. Each loads the case in a transaction, asks the state machine, writes, and
// records the audit entry in the same transaction.

async function loadState(tx: TTx, caseId: string, actor: TActor) {
  const row = await tx.case.findUnique({ where: { id: caseId } });
  if (!row || row.agencyId !== actor.agencyId) throw new CaseError("not-found", "找不到這個案件");
  return { ...row, status: row.status as TCaseStatus };
}

export function allow(
  row: { agencyId: string; status: TCaseStatus; createdById: string },
  action: TWorkflowAction,
  actor: TActor,
  ctx: { comment?: string; editorIds?: Set<string> } = {},
) {
  const r = checkTransition(row, action, actor, ctx);
  if (!r.ok) throw new CaseError(r.error.code === "other-agency" ? "not-found" : "invalid", r.error.message);
  return r;
}

export class ProblemsError extends CaseError {
  constructor(
    message: string,
    readonly problems: TProblem[],
  ) {
    super(
      "invalid",
      message,
      problems.map((p) => ({ path: p.kind === "item" ? p.itemId : (p.step ?? ""), message: p.message })),
    );
  }
}

const reviewsOf = (rows: { itemId: string; verdict: string; comment: string; reviewerId: string; at: Date }[]) =>
  rows.map((r) => ({ ...r, verdict: r.verdict as TItemReview["verdict"] }));
async function loadedChecklist(tx: TTx, caseId: string) {
  const record = await getCase(tx, caseId);
  if (!record) throw new CaseError("not-found", "找不到這個案件");
  return loadChecklist(tx, record);
}
const checklistOf = async (tx: TTx, caseId: string): Promise<TChecklist> => (await loadedChecklist(tx, caseId)).checklist;

/**
 * Officer: 草稿/退回 → 送審, only when every decision the checklist asks for has been made. The
 * agency-profile values the checklist was resolved with are kept on the case from now on, so a later
 * profile change never changes what was submitted (or approved).
 */
export async function submitCase(db: TDb, caseId: string, actor: TActor) {
  await db.$transaction(async (tx) => {
    await lockCaseRow(db, tx, caseId);
    const row = await loadState(tx, caseId, actor);
    // The checklist as stored under the lock: what was checked is what is submitted.
    const { checklist, profile } = await loadedChecklist(tx, caseId);
    const problems = submissionProblems(checklist);
    if (row.status === "returned") {
      // A returned case goes back only with something new on every returned item.
      const reviews = reviewsOf(await tx.review.findMany({ where: { caseId } }));
      const previous = (await caseSubmissions(tx, caseId)).at(-1)?.decisions ?? null;
      problems.push(...resubmissionProblems(checklist, reviews, previous, await itemAnswers(tx, caseId)));
    }
    if (problems.length) throw new ProblemsError(`尚有 ${problems.length} 項需要處理，才能送審`, problems);
    const r = allow(row, "submit", actor);
    if (!profile) throw new CaseError("invalid", "機關資料尚未填寫完整，無法送審");
    const at = new Date();
    await tx.case.update({
      where: { id: caseId },
      data: { status: r.to, submittedAt: at, agencySnapshot: JSON.stringify(profile), lockVersion: { increment: 1 } },
    });
    await recordSubmission(tx, caseId, checklist, actor, at);
    await recordAudit(tx, {
      agencyId: actor.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "case.submit",
      targetType: "case",
      targetId: caseId,
      before: { status: row.status },
      after: { status: r.to, agencySnapshot: profile },
    });
    await notifySubmitted(tx, caseId);
  });
}

/** CISO: a verdict on one item of the submitted case's checklist (approve, return with a comment, accept a risk). */
export async function reviewItem(db: TDb, caseId: string, input: unknown, actor: TActor) {
  const parsed = ZReviewInput.safeParse(input);
  if (!parsed.success)
    throw new CaseError(
      "invalid",
      "審查意見尚未完整",
      parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  await db.$transaction(async (tx) => {
    await lockCaseRow(db, tx, caseId);
    const row = await loadState(tx, caseId, actor);
    // A review of an id that is not on the checklist would sit in the record as if it meant something.
    const checklist = await checklistOf(tx, caseId);
    const item = checklist.ok ? checklist.items.find((i) => i.id === parsed.data.itemId) : undefined;
    if (!item) throw new CaseError("invalid", "審查意見尚未完整", [{ path: "itemId", message: "這一項不在本案的檢核表中" }]);
    allow(row, "review", actor, { editorIds: await caseEditors(tx, caseId) });
    const at = new Date();
    const reviewBy = parsed.data.reviewBy ? new Date(`${parsed.data.reviewBy}T00:00:00+08:00`) : null;
    const risk = parsed.data.verdict === "accept-risk";
    await tx.review.create({
      data: {
        id: randomUUID(),
        caseId,
        itemId: parsed.data.itemId,
        verdict: parsed.data.verdict,
        comment: parsed.data.comment,
        reviewerId: actor.id,
        reviewerName: actor.name,
        at,
        riskStatement: risk ? riskStatement(item, parsed.data.comment, actor.name, reviewBy) : null,
        riskReviewBy: risk ? reviewBy : null,
      },
    });
    await recordAudit(tx, {
      agencyId: actor.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: `review.${parsed.data.verdict}`,
      targetType: "case",
      targetId: caseId,
      after: parsed.data,
      at,
    });
  });
}

/**
 * CISO: 同意 for many items at once (the approval page's 「可檢視」 group). Items that need the CISO's own
 * verdict — an included 「提請機關資安長確認」 item, or one whose standing verdict is 退回 — are refused, so
 * one click never accepts a risk or overrides a return.
 */
export async function approveItems(db: TDb, caseId: string, itemIds: readonly string[], actor: TActor): Promise<number> {
  return db.$transaction(async (tx) => {
    await lockCaseRow(db, tx, caseId);
    const row = await loadState(tx, caseId, actor);
    allow(row, "review", actor, { editorIds: await caseEditors(tx, caseId) });
    const checklist = await checklistOf(tx, caseId);
    if (!checklist.ok) throw new CaseError("invalid", "案件資料尚未完成，無法審查");
    const reviews = currentReviews(reviewsOf(await tx.review.findMany({ where: { caseId } })), await sinceLastReview(tx, caseId));
    const returned = new Set(reviews.filter((r) => r.verdict === "return").map((r) => r.itemId));
    const byId = new Map(checklist.items.map((i) => [i.id, i]));
    const ids = [...new Set(itemIds)];
    const refused = ids.filter((id) => {
      const item = byId.get(id);
      return !item || (item.cisoConfirm && isIncluded(item)) || returned.has(id);
    });
    if (refused.length)
      throw new CaseError(
        "invalid",
        "部分項目須個別審查，無法一次同意",
        refused.map((id) => ({ path: id, message: byId.has(id) ? "本項須資安長個別確認" : "這一項不在本案的檢核表中" })),
      );
    const at = new Date();
    await tx.review.createMany({
      data: ids.map((itemId) => ({ id: randomUUID(), caseId, itemId, verdict: "approve", comment: "", reviewerId: actor.id, reviewerName: actor.name, at })),
    });
    await recordAudit(tx, {
      agencyId: actor.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "review.approve-many",
      targetType: "case",
      targetId: caseId,
      after: { itemIds: ids },
      at,
    });
    return ids.length;
  });
}

/** CISO: approve the case as a whole (locks it) or return it to the officer with a comment. */
export async function decideCase(db: TDb, caseId: string, verdict: "approve" | "return", comment: string, actor: TActor) {
  await db.$transaction(async (tx) => {
    await lockCaseRow(db, tx, caseId);
    const row = await loadState(tx, caseId, actor);
    const r = allow(row, verdict, actor, { comment, editorIds: await caseEditors(tx, caseId) });
    if (verdict === "approve") {
      const reviews = reviewsOf(await tx.review.findMany({ where: { caseId } }));
      const checklist = await checklistOf(tx, caseId);
      const problems = [...submissionProblems(checklist), ...approvalProblems(checklist, reviews, await sinceLastReview(tx, caseId))];
      if (problems.length) throw new ProblemsError(`尚有 ${problems.length} 項未完成審查，無法核准`, problems);
    }
    const at = new Date();
    // An approved revision keeps the clause parameters it was approved with, even if the agency's
    // defaults change later: the agency layer is folded into the case's own.
    const frozen = async () => {
      const agency = await tx.agency.findUniqueOrThrow({ where: { id: row.agencyId }, select: { clauseDefaults: true } });
      return JSON.stringify({ ...(JSON.parse(agency.clauseDefaults) as object), ...(JSON.parse(row.clauseParameters) as object) });
    };
    await tx.case.update({
      where: { id: caseId },
      data:
        verdict === "approve"
          ? { status: r.to, approvedAt: at, approvedById: actor.id, clauseParameters: await frozen(), lockVersion: { increment: 1 } }
          : { status: r.to, lockVersion: { increment: 1 } },
    });
    await tx.review.create({
      data: { id: randomUUID(), caseId, itemId: "", verdict, comment: comment.trim(), reviewerId: actor.id, reviewerName: actor.name, at },
    });
    // The approved documents are rendered and stored with the approval: what was approved is what is
    // downloaded from now on, whatever the renderer or the data does later.
    const documents = verdict === "approve" ? (await freezeDocuments(tx, caseId)).map(({ kind, sha256, size }) => ({ kind, sha256, size })) : undefined;
    await recordAudit(tx, {
      agencyId: actor.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: verdict === "approve" ? "case.approve" : "case.return",
      targetType: "case",
      targetId: caseId,
      before: { status: row.status },
      after: { status: r.to, comment: comment.trim(), ...(documents ? { documents } : {}) },
      at,
    });
    await notifyDecided(tx, caseId, verdict, actor.id);
  }, DOCUMENT_TX);
}

/** Officer: an approved case is locked; a change starts the next revision with the answers, decisions and 專案管理需求 exclusions copied. */
export async function reviseCase(db: TDb, caseId: string, actor: TActor): Promise<string> {
  return db.$transaction(async (tx) => {
    await lockCaseRow(db, tx, caseId);
    const row = await loadState(tx, caseId, actor);
    const latest = await tx.case.aggregate({ where: { caseGroupId: row.caseGroupId }, _max: { revision: true } });
    let next;
    try {
      next = nextRevision(row, latest._max.revision ?? row.revision, actor);
    } catch (e) {
      if (e instanceof WorkflowError) throw new CaseError("invalid", e.message);
      throw e;
    }
    const id = randomUUID();
    await tx.case.create({
      data: {
        id,
        ...next,
        catalogueVersionId: row.catalogueVersionId,
        title: row.title,
        answers: row.answers,
        lastSeenStatuses: row.lastSeenStatuses,
        clauseParameters: row.clauseParameters,
        agencySnapshot: row.agencySnapshot,
      },
    });
    const decisions = await tx.decision.findMany({ where: { caseId } });
    if (decisions.length) await tx.decision.createMany({ data: decisions.map((d) => ({ ...d, caseId: id })) });
    const exclusions = await tx.pmExclusion.findMany({ where: { caseId } });
    if (exclusions.length) await tx.pmExclusion.createMany({ data: exclusions.map((e) => ({ ...e, caseId: id })) });
    const splits = await tx.decisionSplit.findMany({ where: { caseId } });
    if (splits.length) await tx.decisionSplit.createMany({ data: splits.map((s) => ({ ...s, caseId: id })) });
    await recordAudit(tx, {
      agencyId: actor.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "case.revise",
      targetType: "case",
      targetId: id,
      after: { from: caseId, revision: next.revision },
    });
    return id;
  });
}

export async function caseReviews(db: TDb, caseId: string) {
  return db.review.findMany({ where: { caseId }, orderBy: { at: "asc" } });
}
