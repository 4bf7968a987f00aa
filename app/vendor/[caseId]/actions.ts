"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { saveAnswers } from "@/lib/vendor/assessment/answers";
import { bulkYes, detachEvidence } from "@/lib/vendor/assessment/files";
import { submitAssessment } from "@/lib/vendor/assessment/submit";
import { authedAction } from "../../_server/action";

const ZCaseId = z.uuid({ error: "找不到此案件，或您未受邀填寫" });

/** Saves rows as typed (autosave); stale rows come back with what is stored. */
export const saveAnswersAction = authedAction(
  { args: (caseId: string, changes: unknown) => ({ caseId, changes }), input: z.object({ caseId: ZCaseId, changes: z.unknown() }), roles: ["vendor"] },
  async (input, user) => saveAnswers(db(), user, input.caseId, input.changes),
);

/** Several rows 是 at once, with the same 佐證資料 text and an already uploaded file. */
export const bulkYesAction = authedAction(
  { args: (caseId: string, body: unknown) => ({ caseId, body }), input: z.object({ caseId: ZCaseId, body: z.unknown() }), roles: ["vendor"] },
  async (input, user) => {
    const r = await bulkYes(db(), user, input.caseId, input.body);
    revalidatePath(`/vendor/${input.caseId}`);
    return { count: r.written.length };
  },
);

export const detachEvidenceAction = authedAction(
  { args: (caseId: string, body: unknown) => ({ caseId, body }), input: z.object({ caseId: ZCaseId, body: z.unknown() }), roles: ["vendor"] },
  async (input, user) => {
    await detachEvidence(db(), user, input.caseId, input.body);
    revalidatePath(`/vendor/${input.caseId}`);
    return {};
  },
);

/** Submits the set; a refusal carries each row's problem at `<rowId>.<field>`. */
export const submitAssessmentAction = authedAction(
  {
    args: (caseId: string, lockVersion?: number) => ({ caseId, lockVersion }),
    input: z.object({ caseId: ZCaseId, lockVersion: z.number().int().min(0).optional() }),
    roles: ["vendor"],
  },
  async (input, user) => {
    const r = await submitAssessment(db(), user, input.caseId, input.lockVersion);
    revalidatePath(`/vendor/${input.caseId}`);
    revalidatePath("/vendor");
    return { round: r.round };
  },
);
