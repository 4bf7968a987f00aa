import { z } from "zod";
import { zText } from "../validation/text";
import { taipeiToday } from "../time";

/** The CISO's verdict on one item (issue 4: approve or return each with a comment; accept a risk). */
export const REVIEW_VERDICTS = ["approve", "return", "accept-risk"] as const;
export const ZReviewVerdict = z.enum(REVIEW_VERDICTS);
export type TReviewVerdict = z.infer<typeof ZReviewVerdict>;
export const VERDICT_LABEL: Record<TReviewVerdict, string> = { approve: "同意", return: "退回", "accept-risk": "接受風險" };

/** A recorded review (a `Review` row); itemId "" is a verdict on the case as a whole. */
export const ZItemReview = z.object({
  itemId: z.string(),
  verdict: ZReviewVerdict,
  comment: z.string(),
  reviewerId: z.string().min(1),
  at: z.date(),
});
export type TItemReview = z.infer<typeof ZItemReview>;

/** What the CISO submits for one item. Returning and accepting a risk must say why (who and when come from the server). */
export const ZReviewInput = z
  .object({
    itemId: z.string().trim().min(1, "請指定審查的項目").max(200),
    verdict: z.enum(REVIEW_VERDICTS, { error: () => "請選擇同意、退回或接受風險" }),
    comment: zText().trim().max(1000, "意見最多 1000 字").default(""),
    /** accept-risk only: when the accepted risk is to be looked at again (optional). */
    reviewBy: z.union([z.literal(""), z.iso.date({ error: () => "請輸入日期，例如 2027-06-30" })]).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.reviewBy && v.verdict !== "accept-risk") ctx.addIssue({ code: "custom", path: ["reviewBy"], message: "只有接受風險時才需填寫重新檢視日期" });
    else if (v.reviewBy && v.reviewBy <= taipeiToday()) ctx.addIssue({ code: "custom", path: ["reviewBy"], message: "重新檢視日期須晚於今天" });
    if (v.verdict === "return" && !v.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: "退回本項時請填寫意見，說明需要修正之處" });
    if (v.verdict === "accept-risk" && !v.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: "接受風險時請填寫意見，說明接受的理由" });
  });
export type TReviewInput = z.infer<typeof ZReviewInput>;

/** The latest review of each item (by time; for equal times the later in the list). Case-level reviews are left out. */
export function latestReviews<R extends TItemReview>(reviews: readonly R[]): Map<string, R> {
  const latest = new Map<string, R>();
  for (const review of reviews) {
    if (review.itemId === "") continue;
    const seen = latest.get(review.itemId);
    if (!seen || review.at.getTime() >= seen.at.getTime()) latest.set(review.itemId, review);
  }
  return latest;
}

/** The officer's decision on one item as it was submitted (a CaseSubmission's decisions). */
export type TSubmittedDecision = { choice: string; reason: string; reference: string };
export const ZSubmittedDecisions = z.record(z.string(), z.object({ choice: z.string(), reason: z.string(), reference: z.string() }));
/** One submission of the case: when, by whom, and the decisions as submitted. */
export type TSubmission = { at: Date; submittedByName: string; decisions: Record<string, TSubmittedDecision> };

/** The officer's answer on one item (an ItemComment row). */
export type TItemAnswer = { itemId: string; authorName: string; body: string; at: Date };

/** What the officer may write as an answer to the CISO's comment on a returned item. */
export const ZItemAnswerInput = z.object({
  itemId: z.string().trim().min(1, "請指定回覆的項目").max(200),
  body: zText().trim().min(1, "請填寫回覆內容").max(1000, "回覆最多 1000 字"),
});

/** The CISO's comment of a returned item that the officer must deal with before resubmitting. */
export type TReturnedItem = { itemId: string; comment: string; at: Date; reviewerId: string };

/** Items whose latest verdict is 退回, with that comment: what the officer is sent back to. */
export function returnedItems(reviews: readonly TItemReview[]): TReturnedItem[] {
  return [...latestReviews(reviews).values()]
    .filter((r) => r.verdict === "return")
    .map((r) => ({ itemId: r.itemId, comment: r.comment, at: r.at, reviewerId: r.reviewerId }));
}

const sameDecision = (a: TSubmittedDecision | null | undefined, b: TSubmittedDecision | null | undefined) =>
  (a?.choice ?? "") === (b?.choice ?? "") &&
  (a?.reason ?? "").trim() === (b?.reason ?? "").trim() &&
  (a?.reference ?? "").trim() === (b?.reference ?? "").trim();

/** One item's decision before → now, where they differ (what changed since the previous submission). */
export type TDecisionChange = { itemId: string; before: TSubmittedDecision | null; after: TSubmittedDecision | null };

/** Decisions that differ between two submissions (or a submission and the decisions now), in `now`'s order then the rest. */
export function decisionChanges(before: Record<string, TSubmittedDecision>, now: Record<string, TSubmittedDecision>): TDecisionChange[] {
  const ids = [...new Set([...Object.keys(now), ...Object.keys(before)])];
  return ids.filter((id) => !sameDecision(before[id], now[id])).map((id) => ({ itemId: id, before: before[id] ?? null, after: now[id] ?? null }));
}

/** One entry of an item's comment thread: the CISO's verdicts with their comments and the officer's answers, oldest first. */
export type TThreadEntry = { at: Date; who: string; role: "ciso" | "officer"; verdict: TReviewVerdict | null; text: string };

export function itemThreads(reviews: readonly (TItemReview & { reviewerName: string })[], answers: readonly TItemAnswer[]): Map<string, TThreadEntry[]> {
  const threads = new Map<string, TThreadEntry[]>();
  const add = (itemId: string, e: TThreadEntry) => threads.set(itemId, [...(threads.get(itemId) ?? []), e]);
  for (const r of reviews) if (r.itemId) add(r.itemId, { at: r.at, who: r.reviewerName, role: "ciso", verdict: r.verdict, text: r.comment });
  for (const a of answers) add(a.itemId, { at: a.at, who: a.authorName, role: "officer", verdict: null, text: a.body });
  for (const t of threads.values()) t.sort((a, b) => a.at.getTime() - b.at.getTime());
  return threads;
}
