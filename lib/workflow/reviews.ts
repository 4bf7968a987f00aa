import { z } from "zod";
import { zText } from "../validation/text";

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
  })
  .superRefine((v, ctx) => {
    if (v.verdict === "return" && !v.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: "退回本項時請填寫意見，說明需要修正之處" });
    if (v.verdict === "accept-risk" && !v.comment) ctx.addIssue({ code: "custom", path: ["comment"], message: "接受風險時請填寫意見，說明接受的理由" });
  });
export type TReviewInput = z.infer<typeof ZReviewInput>;

/** The latest review of each item (by time; for equal times the later in the list). Case-level reviews are left out. */
export function latestReviews<T extends TItemReview>(reviews: readonly T[]): Map<string, T> {
  const latest = new Map<string, T>();
  for (const review of reviews) {
    if (review.itemId === "") continue;
    const seen = latest.get(review.itemId);
    if (!seen || review.at.getTime() >= seen.at.getTime()) latest.set(review.itemId, review);
  }
  return latest;
}
