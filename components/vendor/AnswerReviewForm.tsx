"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { TActionResult } from "@/lib/action-result";
import { FieldError } from "@/components/ui/FieldError";

type TVerdictInput = { verdicts: { rowId: string; verdict: "accept" | "return"; comment: string; dueOn?: string }[] };

/**
 * 接受 or 退回 (with a comment) of one answer. A return, or an accept of 否, opens a 不符合事項: its due date
 * is prefilled (vulnFixDays after today) and may be changed. What was typed stays on a refusal.
 */
export function AnswerReviewForm({
  rowId,
  answer,
  comment: initialComment,
  defaultDue,
  today,
  review,
}: {
  rowId: string;
  answer: string;
  comment: string;
  defaultDue: string;
  today: string;
  review: (input: TVerdictInput) => Promise<TActionResult>;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [comment, setComment] = useState(initialComment);
  const [dueOn, setDueOn] = useState(defaultDue);
  const [errors, setErrors] = useState<{ comment?: string; dueOn?: string; form?: string }>({});
  const key = rowId.replace(/[^A-Za-z0-9_-]/g, "_");
  const run = (verdict: "accept" | "return") =>
    start(async () => {
      const opens = verdict === "return" || answer === "no";
      const r = await review({ verdicts: [{ rowId, verdict, comment, ...(opens && dueOn !== defaultDue ? { dueOn } : {}) }] }).catch(() => null);
      if (!r) return setErrors({ form: "無法連線到伺服器，請稍後再試；您輸入的內容仍保留在此。" });
      if (!r.ok) {
        const at = (suffix: string) => r.issues.find((i) => i.path === `${rowId}.${suffix}` || i.path.endsWith(`.${suffix}`))?.message;
        const next = { comment: at("comment"), dueOn: at("dueOn") };
        return setErrors({ ...next, form: next.comment || next.dueOn ? undefined : r.message });
      }
      setErrors({});
      router.refresh();
    });
  return (
    <div className="space-y-2" data-review-form={rowId}>
      <label className="block text-sm">
        審查意見（退回時必填）
        <textarea
          name={`comment-${key}`}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          rows={2}
          aria-invalid={Boolean(errors.comment)}
          aria-describedby={errors.comment ? `comment-${key}-error` : undefined}
          className="mt-1 block w-full rounded border border-slate-400 px-2 py-1"
        />
      </label>
      <FieldError id={`comment-${key}-error`} message={errors.comment} />
      <label className="block text-sm">
        不符合事項改善期限（退回或接受「否」時適用）
        <input
          type="date"
          name={`due-${key}`}
          value={dueOn}
          min={today}
          onChange={(e) => setDueOn(e.target.value)}
          aria-invalid={Boolean(errors.dueOn)}
          aria-describedby={errors.dueOn ? `due-${key}-error` : undefined}
          className="mt-1 block rounded border border-slate-400 px-2 py-1"
        />
      </label>
      <FieldError id={`due-${key}-error`} message={errors.dueOn} />
      <div className="flex gap-2">
        <button
          type="button"
          disabled={pending}
          onClick={() => run("accept")}
          className="rounded bg-brand-700 px-3 py-1 text-sm font-semibold text-white disabled:opacity-60"
        >
          接受
        </button>
        <button
          type="button"
          disabled={pending}
          onClick={() => run("return")}
          className="rounded border border-red-700 px-3 py-1 text-sm font-semibold text-red-700 disabled:opacity-60"
        >
          退回
        </button>
      </div>
      {errors.form && (
        <p role="alert" className="text-sm font-semibold text-red-700">
          {errors.form}
        </p>
      )}
    </div>
  );
}
