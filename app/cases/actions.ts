"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { zText } from "@/lib/validation/text";
import { db } from "@/lib/db/client";
import { CaseError } from "@/lib/cases/errors";
import { createCase, getCaseFor, markStatusesSeen, saveAnswers } from "@/lib/cases/store";
import { saveDecision } from "@/lib/cases/decisions";
import { approveItems, decideCase, reviewItem, reviseCase, submitCase } from "@/lib/cases/workflow-ops";
import { answerItem } from "@/lib/cases/review-loop";
import { adoptRecommendations, decideRows, mergeRow, splitRow } from "@/lib/cases/decide";
import { loadChecklist } from "@/lib/cases/load";
import { rowDetails } from "@/lib/cases/decision-rows";
import { setClauseParameters } from "@/lib/cases/set-clause-parameters";
import { setPmExclusion } from "@/lib/cases/pm-exclusions";
import { moveCaseToVersion } from "@/lib/cases/move-to-version";
import { statusesOf } from "@/lib/cases/checklist";
import { DRAFT_SCHEMAS, type TFormStep } from "@/lib/cases/answers";
import { authedAction } from "../_server/action";
import { requireUser } from "../_server/auth";

// Thin actions: the action client checks the user and role; lib/ checks the agency and the case's state.

const ZId = z.uuid({ error: "案件代碼有誤" });
const ZStep = z.enum(Object.keys(DRAFT_SCHEMAS) as [TFormStep, ...TFormStep[]]);

export async function createCaseAction(): Promise<void> {
  const user = await requireUser({ roles: ["officer"] });
  let id: string;
  try {
    id = await createCase(db(), user);
  } catch (e) {
    // The case list says why (an incomplete agency profile) and whom to ask.
    if (e instanceof CaseError && e.reason === "profile-incomplete") redirect("/cases?blocked=profile");
    throw e;
  }
  redirect(`/cases/${id}/agency`);
}

export const saveAnswersAction = authedAction(
  {
    args: (caseId: string, step: string, values: unknown, base?: unknown) => ({ caseId, step, values, base }),
    input: z.object({ caseId: ZId, step: ZStep, values: z.unknown(), base: z.unknown() }),
    roles: ["officer"],
  },
  async ({ caseId, step, values, base }, user) => {
    const { savedAt } = await saveAnswers(db(), caseId, step, values, user, base);
    return { savedAt: savedAt.toISOString() };
  },
);

const ZDecisionValues = z.object({ choice: z.string().max(40), reason: z.string().max(2000).optional(), reference: z.string().max(1000).optional() });

export const saveDecisionAction = authedAction(
  {
    args: (caseId: string, itemId: string, values: unknown, base?: unknown) => ({ caseId, itemId, values, base }),
    input: z.object({
      caseId: ZId,
      itemId: z.string().max(200),
      values: ZDecisionValues,
      /** The decision as the page had it (null: none yet); a different stored one is a conflict. */
      base: ZDecisionValues.nullable().optional(),
    }),
    roles: ["officer"],
  },
  async ({ caseId, itemId, values, base }, user) => {
    const record = await getCaseFor(db(), caseId, user);
    if (!record) throw new CaseError("not-found", "找不到這個案件");
    const { checklist } = await loadChecklist(db(), record);
    if (!checklist.ok) throw new CaseError("invalid", "案件資料尚未填寫完整，無法決定");
    const item = checklist.items.find((i) => i.id === itemId);
    if (!item) throw new CaseError("not-applicable", "這一項不在本案的檢核表中");
    const saved = await saveDecision(db(), record.id, item, values, user, new Date(), base);
    revalidatePath(`/cases/${record.id}/review`);
    return {
      decidedBy: saved.decidedBy,
      decidedAt: saved.decidedAt.toISOString(),
      saved: { choice: saved.choice, reason: saved.reason, reference: saved.reference },
    };
  },
);

const ZKey = z.string().regex(/^r-[0-9a-f]{16}$/, "項目代碼有誤");
/** The version of each item's decision as the page had it (null: none yet). */
const ZBases = z.record(z.string().max(200), z.int().min(0).nullable());

async function openChecklist(caseId: string, user: Parameters<typeof getCaseFor>[2]) {
  const record = await getCaseFor(db(), caseId, user);
  if (!record) throw new CaseError("not-found", "找不到這個案件");
  const { checklist } = await loadChecklist(db(), record);
  if (!checklist.ok) throw new CaseError("invalid", "案件資料尚未填寫完整，無法決定");
  return checklist;
}

/** One decision on one or more requirement rows (a split row: on the copies named in itemIds). */
export const decideRowsAction = authedAction(
  {
    args: (caseId: string, target: unknown, values: unknown, bases: unknown) => ({ caseId, target, values, bases }),
    input: z.object({
      caseId: ZId,
      target: z.object({ keys: z.array(ZKey).min(1).max(500), itemIds: z.array(z.string().max(200)).max(50).optional() }),
      values: ZDecisionValues,
      bases: ZBases,
    }),
    roles: ["officer"],
  },
  async ({ caseId, target, values, bases }, user) => {
    const versions = await decideRows(db(), caseId, await openChecklist(caseId, user), target, values, bases, user);
    revalidatePath(`/cases/${caseId}/review`);
    return { versions, decidedBy: user.name };
  },
);

/** 「全部採用建議」 */
export const adoptRecommendationsAction = authedAction(
  { args: (caseId: string, bases: unknown) => ({ caseId, bases }), input: z.object({ caseId: ZId, bases: ZBases }), roles: ["officer"] },
  async ({ caseId, bases }, user) => {
    const versions = await adoptRecommendations(db(), caseId, await openChecklist(caseId, user), bases, user);
    revalidatePath(`/cases/${caseId}/review`);
    return { count: Object.keys(versions).length };
  },
);

export const splitRowAction = authedAction(
  {
    args: (caseId: string, key: string, reason: unknown) => ({ caseId, key, reason }),
    input: z.object({ caseId: ZId, key: ZKey, reason: z.string().max(2000) }),
    roles: ["officer"],
  },
  async ({ caseId, key, reason }, user) => {
    await splitRow(db(), caseId, await openChecklist(caseId, user), key, reason, user);
    revalidatePath(`/cases/${caseId}/review`);
    return {};
  },
);

export const mergeRowAction = authedAction(
  { args: (caseId: string, key: string) => ({ caseId, key }), input: z.object({ caseId: ZId, key: ZKey }), roles: ["officer"] },
  async ({ caseId, key }, user) => {
    await mergeRow(db(), caseId, key, user);
    revalidatePath(`/cases/${caseId}/review`);
    return {};
  },
);

/** A row's 「理由與依據」, loaded when its details are opened (the page does not carry every copy's reasons). */
export const rowDetailsAction = authedAction(
  {
    args: (caseId: string, key: string) => ({ caseId, key }),
    input: z.object({ caseId: ZId, key: ZKey }),
    roles: ["officer", "ciso", "admin"],
  },
  async ({ caseId, key }, user) => {
    const details = rowDetails(await openChecklist(caseId, user), key);
    if (!details) throw new CaseError("not-applicable", "這一列不在本案的檢核表中");
    return details;
  },
);

/** This case's clause parameters; `values` is { parameterKey: "14" | 14 | "" } (blank = the agency's default). */
export const setClauseParametersAction = authedAction(
  // base: the case layer as the page had it; a different stored one is a conflict.
  {
    args: (caseId: string, values: unknown, base?: unknown) => ({ caseId, values, base }),
    input: z.object({ caseId: ZId, values: z.unknown(), base: z.record(z.string().max(100), z.number()).optional() }),
    roles: ["officer"],
  },
  async ({ caseId, values, base }, user) => {
    const r = await setClauseParameters(db(), caseId, values, user, base);
    revalidatePath(`/cases/${caseId}/review`);
    return { changed: r.changed, values: r.clauseParameters, parameters: r.resolved.ok ? r.resolved.parameters : null };
  },
);

/** The officer leaves a 專案管理需求 item out (with a reason) or puts it back; base: the exclusion as the page had it. */
export const setPmExclusionAction = authedAction(
  {
    args: (caseId: string, itemId: string, values: unknown, base?: unknown) => ({ caseId, itemId, values, base }),
    input: z.object({
      caseId: ZId,
      itemId: z.string().max(20),
      values: z.object({ exclude: z.boolean(), reason: z.string().max(2000).optional() }),
      base: z
        .object({ reason: z.string().max(2000) })
        .nullable()
        .optional(),
    }),
    roles: ["officer"],
  },
  async ({ caseId, itemId, values, base }, user) => {
    const saved = await setPmExclusion(db(), caseId, { ...values, itemId }, user, base);
    revalidatePath(`/cases/${caseId}/review`);
    return { saved: saved ? { reason: saved.reason, decidedBy: saved.decidedBy, decidedAt: saved.decidedAt.toISOString() } : null };
  },
);

/** The officer has read what changed; remember the statuses as seen. */
export const acknowledgeChangesAction = authedAction(
  { args: (caseId: string) => ({ caseId }), input: z.object({ caseId: ZId }), roles: ["officer"] },
  async ({ caseId }, user) => {
    const record = await getCaseFor(db(), caseId, user);
    if (!record) throw new CaseError("not-found", "找不到這個案件");
    const { checklist, profile } = await loadChecklist(db(), record);
    const open = record.status === "draft" || record.status === "returned";
    if (checklist.ok) await markStatusesSeen(db(), record.id, statusesOf(checklist.items), open ? profile : null);
    revalidatePath(`/cases/${record.id}/review`);
    return {};
  },
);

/** CII with grade 普: the tables recommend at least 中; one click raises it. */
export const raiseGradeToMediumAction = authedAction(
  { args: (caseId: string) => ({ caseId }), input: z.object({ caseId: ZId }), roles: ["officer"] },
  async ({ caseId }, user) => {
    const record = await getCaseFor(db(), caseId, user);
    if (!record) throw new CaseError("not-found", "找不到這個案件");
    await saveAnswers(db(), record.id, "grade", { ...record.answers.grade, mode: "direct", grade: "medium" }, user);
    revalidatePath(`/cases/${record.id}/review`);
    return {};
  },
);

async function caseAndChecklist(caseId: string, user: { agencyId: string }) {
  const record = await getCaseFor(db(), caseId, user);
  if (!record) throw new CaseError("not-found", "找不到這個案件");
  return { record, ...(await loadChecklist(db(), record)) };
}

export const submitCaseAction = authedAction(
  { args: (caseId: string) => ({ caseId }), input: z.object({ caseId: ZId }), roles: ["officer"] },
  async ({ caseId }, user) => {
    await submitCase(db(), caseId, user);
    revalidatePath(`/cases/${caseId}`, "layout");
    return {};
  },
);

export const reviewItemAction = authedAction(
  {
    args: (caseId: string, review: unknown) => ({ caseId, review }),
    input: z.object({
      caseId: ZId,
      review: z.object({
        itemId: z.string().max(200),
        verdict: z.string().max(20),
        comment: z.string().max(2000).optional(),
        reviewBy: z.string().max(20).optional(),
      }),
    }),
    roles: ["ciso"],
  },
  async ({ caseId, review }, user) => {
    await caseAndChecklist(caseId, user);
    await reviewItem(db(), caseId, review, user);
    revalidatePath(`/cases/${caseId}/approval`);
    return {};
  },
);

/** 「可檢視」: 同意 for every listed item at once; lib/ refuses items that need the CISO's own verdict. */
export const approveItemsAction = authedAction(
  {
    args: (caseId: string, itemIds: unknown) => ({ caseId, itemIds }),
    input: z.object({ caseId: ZId, itemIds: z.array(z.string().max(200)).min(1, "請選擇要同意的項目").max(500) }),
    roles: ["ciso"],
  },
  async ({ caseId, itemIds }, user) => {
    await approveItems(db(), caseId, itemIds, user);
    revalidatePath(`/cases/${caseId}/approval`);
    return {};
  },
);

/** Officer: an answer to the CISO's comment on a returned item. */
export const answerItemAction = authedAction(
  {
    args: (caseId: string, answer: unknown) => ({ caseId, answer }),
    input: z.object({ caseId: ZId, answer: z.object({ itemId: z.string().max(200), body: z.string().max(2000) }) }),
    roles: ["officer"],
  },
  async ({ caseId, answer }, user) => {
    await answerItem(db(), caseId, answer, user);
    revalidatePath(`/cases/${caseId}`, "layout");
    return {};
  },
);

export const decideCaseAction = authedAction(
  {
    args: (caseId: string, verdict: "approve" | "return", comment: string) => ({ caseId, verdict, comment }),
    input: z.object({ caseId: ZId, verdict: z.enum(["approve", "return"]), comment: zText().max(2000).default("") }),
    roles: ["ciso"],
  },
  async ({ caseId, verdict, comment }, user) => {
    await decideCase(db(), caseId, verdict, comment, user);
    revalidatePath(`/cases/${caseId}`, "layout");
    return {};
  },
);

export const reviseCaseAction = authedAction(
  { args: (caseId: string) => ({ caseId }), input: z.object({ caseId: ZId }), roles: ["officer"] },
  async ({ caseId }, user) => {
    const id = await reviseCase(db(), caseId, user);
    return { id };
  },
);

export const moveCaseToVersionAction = authedAction(
  {
    args: (caseId: string, target: string, lockVersion: number) => ({ caseId, target, lockVersion }),
    input: z.object({ caseId: ZId, target: z.string().min(1).max(40), lockVersion: z.int().min(0) }),
    roles: ["officer"],
  },
  async ({ caseId, target, lockVersion }, user) => {
    const r = await moveCaseToVersion(db(), caseId, target, lockVersion, user);
    revalidatePath(`/cases/${caseId}`, "layout");
    return { id: r.caseId, newRevision: r.newRevision };
  },
);
