"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { acceptRemaining, closeNonconformity, finishReview, reviewAnswers } from "@/lib/vendor/assessment/review";
import { authedAction } from "../../../../_server/action";

const ZIds = z.object({ caseId: z.uuid({ error: "案件代碼有誤" }), assessmentId: z.uuid({ error: "自評代碼有誤" }) });
const ZVerdictInput = z.object({
  rowId: z.string().max(200),
  verdict: z.string().max(20),
  comment: z.string().max(5000),
  dueOn: z.string().max(20).optional(),
});

const done = (caseId: string, assessmentId: string) => {
  revalidatePath(`/cases/${caseId}/vendors/${assessmentId}`);
  revalidatePath(`/cases/${caseId}/vendors`);
};

/** The officer's verdicts on answers of a submitted set (lib checks each: a return needs a comment, a due date not past). */
export const reviewAnswersAction = authedAction(
  {
    args: (caseId: string, assessmentId: string, input: unknown) => ({ caseId, assessmentId, verdicts: (input as { verdicts?: unknown } | null)?.verdicts }),
    input: ZIds.extend({ verdicts: z.array(ZVerdictInput).min(1, "沒有要審查的項目").max(5000) }),
    roles: ["officer"],
  },
  async (input, user) => {
    const r = await reviewAnswers(
      db(),
      user,
      input.assessmentId,
      input.verdicts.map((v) => ({ ...v, verdict: v.verdict as "accept" | "return" })),
    );
    done(input.caseId, input.assessmentId);
    return r;
  },
);

/** 「其餘全部接受」. */
export const acceptRemainingAction = authedAction(
  { args: (caseId: string, assessmentId: string) => ({ caseId, assessmentId }), input: ZIds, roles: ["officer"] },
  async (input, user) => {
    const r = await acceptRemaining(db(), user, input.assessmentId);
    done(input.caseId, input.assessmentId);
    return r;
  },
);

/** 完成審查: returned when any answer was returned, else accepted; the vendor is notified. */
export const finishReviewAction = authedAction(
  { args: (caseId: string, assessmentId: string) => ({ caseId, assessmentId }), input: ZIds, roles: ["officer"] },
  async (input, user) => {
    const r = await finishReview(db(), user, input.assessmentId);
    done(input.caseId, input.assessmentId);
    return { status: r.status, returned: r.returned };
  },
);

/** The officer closes a nonconformity with a note. */
export const closeNonconformityAction = authedAction(
  {
    args: (caseId: string, assessmentId: string, nonconformityId: string, input: unknown) => ({
      caseId,
      assessmentId,
      nonconformityId,
      note: (input as { note?: unknown } | null)?.note,
    }),
    input: ZIds.extend({ nonconformityId: z.uuid(), note: z.string().max(5000) }),
    roles: ["officer"],
  },
  async (input, user) => {
    await closeNonconformity(db(), user, input.nonconformityId, input.note);
    done(input.caseId, input.assessmentId);
    return {};
  },
);
