import { randomUUID } from "node:crypto";
import type { TDb } from "../db/client";
import { lockCaseRow } from "../db/lock";
import { recordAudit, type TTx } from "../audit";
import type { TActor } from "../auth/roles";
import {
  decisionChanges,
  itemThreads,
  returnedItems,
  ZItemAnswerInput,
  ZSubmittedDecisions,
  type TItemAnswer,
  type TItemReview,
  type TSubmission,
  type TSubmittedDecision,
} from "../workflow/reviews";
import type { TSinceLastReview } from "../workflow/review-groups";
import { resubmissionProblems } from "../workflow/submission";
import { CaseError } from "./errors";
import type { TChecklist } from "./checklist";
import type { TCaseStatus } from "../workflow/state";

// The return-and-resubmit loop's records: each submission's decisions (to show what changed) and the
// officer's answers to the CISO's comments on returned items.

/** The decisions of a checklist in the shape a submission keeps them. */
export function decisionsOf(checklist: TChecklist): Record<string, TSubmittedDecision> {
  if (!checklist.ok) return {};
  return Object.fromEntries(
    checklist.items.flatMap((i) => (i.decision ? [[i.id, { choice: i.decision.choice, reason: i.decision.reason, reference: i.decision.reference }]] : [])),
  );
}

/** The case's submissions, oldest first. */
export async function caseSubmissions(db: TDb | TTx, caseId: string): Promise<TSubmission[]> {
  const rows = await db.caseSubmission.findMany({ where: { caseId }, orderBy: { at: "asc" } });
  return rows.map((r) => ({ at: r.at, submittedByName: r.submittedByName, decisions: ZSubmittedDecisions.parse(JSON.parse(r.decisions)) }));
}

export async function itemAnswers(db: TDb | TTx, caseId: string): Promise<TItemAnswer[]> {
  return db.itemComment.findMany({ where: { caseId }, orderBy: { at: "asc" }, select: { itemId: true, authorName: true, body: true, at: true } });
}

/** Kept inside submitCase's transaction: the decisions as they go to the CISO. */
export async function recordSubmission(tx: TTx, caseId: string, checklist: TChecklist, actor: TActor, at: Date) {
  await tx.caseSubmission.create({
    data: { id: randomUUID(), caseId, submittedById: actor.id, submittedByName: actor.name, at, decisions: JSON.stringify(decisionsOf(checklist)) },
  });
}

/** The items the officer changed in the latest resubmission: earlier approvals of them no longer stand. */
export async function sinceLastReview(db: TDb | TTx, caseId: string): Promise<TSinceLastReview | undefined> {
  const submissions = await caseSubmissions(db, caseId);
  const [previous, last] = [submissions.at(-2), submissions.at(-1)];
  if (!previous || !last) return undefined;
  return { submittedAt: last.at, changed: new Set(decisionChanges(previous.decisions, last.decisions).map((c) => c.itemId)) };
}

/**
 * What the review loop knows of a case: the last two submissions and what changed between them (per item,
 * before → after), the officer's answers, the returned items and each item's comment thread.
 */
export async function reviewLoop(db: TDb, caseId: string, reviews: readonly (TItemReview & { reviewerName: string })[]) {
  const [submissions, answers] = await Promise.all([caseSubmissions(db, caseId), itemAnswers(db, caseId)]);
  const last = submissions.at(-1) ?? null;
  const previous = submissions.at(-2) ?? null;
  const changes = last && previous ? decisionChanges(previous.decisions, last.decisions) : [];
  // Answers given while the case was last returned, i.e. between the previous submission and the last one.
  const answered = new Set(answers.filter((a) => previous && last && a.at > previous.at && a.at <= last.at).map((a) => a.itemId));
  const since: TSinceLastReview | undefined = last && previous ? { submittedAt: last.at, changed: new Set(changes.map((c) => c.itemId)) } : undefined;
  return {
    submissions,
    last,
    previous,
    changes,
    answered,
    since,
    answers,
    returned: returnedItems(reviews),
    threads: itemThreads(reviews, answers),
  };
}

/**
 * Officer: an answer to the CISO's comment on a returned item, written while the case is 退回. It counts
 * as dealing with the item for resubmission (lib/workflow/submission.ts resubmissionProblems).
 */
export async function answerItem(db: TDb, caseId: string, input: unknown, actor: TActor) {
  const parsed = ZItemAnswerInput.safeParse(input);
  if (!parsed.success)
    throw new CaseError(
      "invalid",
      "回覆尚未完整",
      parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  await db.$transaction(async (tx) => {
    await lockCaseRow(db, tx, caseId);
    const row = await tx.case.findUnique({ where: { id: caseId } });
    if (!row || row.agencyId !== actor.agencyId) throw new CaseError("not-found", "找不到這個案件");
    if ((row.status as TCaseStatus) !== "returned" || !actor.roles.includes("officer"))
      throw new CaseError("invalid", "只有承辦人可以在案件退回期間回覆資安長的意見");
    const reviews = await tx.review.findMany({ where: { caseId }, select: { itemId: true, verdict: true, comment: true, reviewerId: true, at: true } });
    const returned = returnedItems(reviews.map((r) => ({ ...r, verdict: r.verdict as TItemReview["verdict"] })));
    if (!returned.some((r) => r.itemId === parsed.data.itemId))
      throw new CaseError("invalid", "回覆尚未完整", [{ path: "itemId", message: "這一項沒有被資安長退回" }]);
    const at = new Date();
    await tx.itemComment.create({
      data: { id: randomUUID(), caseId, itemId: parsed.data.itemId, authorId: actor.id, authorName: actor.name, body: parsed.data.body, at },
    });
    await tx.case.update({ where: { id: caseId }, data: { lockVersion: { increment: 1 } } });
    await recordAudit(tx, {
      agencyId: actor.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "item.answer",
      targetType: "case",
      targetId: caseId,
      after: parsed.data,
      at,
    });
  });
}

export type TReturnedEntry = {
  itemId: string;
  text: string;
  comment: string;
  reviewerName: string;
  at: Date;
  /** Changed or answered since the return: no longer blocks resubmission. */
  dealtWith: boolean;
  thread: { at: Date; who: string; role: "ciso" | "officer"; text: string }[];
};

/**
 * A returned case's items the CISO returned, for the banner on every page of the case and the officer's
 * list on the review step: the comment, the thread, and whether the officer has dealt with it.
 */
export async function returnedEntries(
  db: TDb,
  checklist: TChecklist,
  caseId: string,
  reviews: readonly (TItemReview & { reviewerName: string })[],
): Promise<TReturnedEntry[]> {
  if (!checklist.ok) return [];
  const returned = returnedItems(reviews);
  if (!returned.length) return [];
  const [submissions, answers] = await Promise.all([caseSubmissions(db, caseId), itemAnswers(db, caseId)]);
  const open = new Set(
    resubmissionProblems(checklist, reviews, submissions.at(-1)?.decisions ?? null, answers).flatMap((p) => (p.kind === "item" ? [p.itemId] : [])),
  );
  const threads = itemThreads(reviews, answers);
  const byId = new Map(checklist.items.map((i) => [i.id, i]));
  return returned.flatMap((r) => {
    const item = byId.get(r.itemId);
    if (!item) return [];
    return [
      {
        itemId: r.itemId,
        text: item.filledText,
        comment: r.comment,
        reviewerName: reviews.find((x) => x.itemId === r.itemId && x.at === r.at)?.reviewerName ?? "",
        at: r.at,
        dealtWith: !open.has(r.itemId),
        thread: (threads.get(r.itemId) ?? []).map((t) => ({ at: t.at, who: t.who, role: t.role, text: t.text })),
      },
    ];
  });
}
