"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { CaseError } from "@/lib/cases/errors";
import { createCase, getCase, markStatusesSeen, saveAnswers } from "@/lib/cases/store";
import { saveDecision } from "@/lib/cases/decisions";
import { loadChecklist } from "@/lib/cases/load";
import { statusesOf } from "@/lib/cases/checklist";
import { DRAFT_SCHEMAS, type TFormStep } from "@/lib/cases/answers";

// Thin actions: validate the envelope, call lib/, map refusals to zh-TW results (never a stack trace).
// Accounts and agency checks arrive with the approval issue; every action already goes through `run`.

export type TActionResult<T = object> =
  | ({ ok: true } & T)
  | { ok: false; message: string; issues: { path: string; message: string }[] };

const ZId = z.uuid();
const ZStep = z.enum(Object.keys(DRAFT_SCHEMAS) as [TFormStep, ...TFormStep[]]);

async function run<T extends object>(fn: () => Promise<T>): Promise<TActionResult<T>> {
  try {
    return { ok: true, ...(await fn()) };
  } catch (e) {
    if (e instanceof CaseError) return { ok: false, message: e.message, issues: e.issues };
    console.error("case action failed", e);
    return { ok: false, message: "系統暫時無法儲存，請稍後再試；您輸入的內容仍保留在此頁。", issues: [] };
  }
}

export async function createCaseAction(): Promise<void> {
  const id = await createCase(db());
  redirect(`/cases/${id}/agency`);
}

export async function saveAnswersAction(caseId: string, step: string, values: unknown) {
  return run(async () => {
    const id = ZId.parse(caseId);
    const s = ZStep.parse(step);
    const { savedAt } = await saveAnswers(db(), id, s, values);
    return { savedAt: savedAt.toISOString() };
  });
}

export async function saveDecisionAction(caseId: string, itemId: string, values: unknown) {
  return run(async () => {
    const record = await getCase(db(), ZId.parse(caseId));
    if (!record) throw new CaseError("not-found", "找不到這個案件");
    const { checklist } = await loadChecklist(db(), record);
    if (!checklist.ok) throw new CaseError("invalid", "案件資料尚未填寫完整，無法決定");
    const item = checklist.items.find((i) => i.id === itemId);
    if (!item) throw new CaseError("not-applicable", "這一項不在本案的檢核表中");
    const input = z.object({ choice: z.string().max(40), reason: z.string().max(2000).optional(), reference: z.string().max(1000).optional() }).safeParse(values);
    if (!input.success) throw new CaseError("invalid", "決定的格式有誤");
    const who = record.answers.agency.officerName.trim() || "承辦人";
    const saved = await saveDecision(db(), record.id, item, input.data, who);
    revalidatePath(`/cases/${record.id}/review`);
    return { decidedBy: saved.decidedBy, decidedAt: saved.decidedAt.toISOString() };
  });
}

/** The officer has read what changed; remember the statuses as seen. */
export async function acknowledgeChangesAction(caseId: string) {
  return run(async () => {
    const record = await getCase(db(), ZId.parse(caseId));
    if (!record) throw new CaseError("not-found", "找不到這個案件");
    const { checklist } = await loadChecklist(db(), record);
    if (checklist.ok) await markStatusesSeen(db(), record.id, statusesOf(checklist.items));
    revalidatePath(`/cases/${record.id}/review`);
    return {};
  });
}

/** CII with grade 普: the tables recommend at least 中; one click raises it. */
export async function raiseGradeToMediumAction(caseId: string) {
  return run(async () => {
    const record = await getCase(db(), ZId.parse(caseId));
    if (!record) throw new CaseError("not-found", "找不到這個案件");
    await saveAnswers(db(), record.id, "grade", { ...record.answers.grade, mode: "direct", grade: "medium" });
    revalidatePath(`/cases/${record.id}/review`);
    return {};
  });
}
