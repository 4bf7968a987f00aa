"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { TActionResult } from "@/lib/action-result";

/** 核可 or 退回 with a comment; the comment stays on a refusal. */
export function ReviewForm({ review, name }: { review: (input: { verdict: "approve" | "return"; comment: string }) => Promise<TActionResult>; name: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const run = (verdict: "approve" | "return") =>
    start(async () => {
      const r = await review({ verdict, comment }).catch(() => null);
      if (!r) return setError("無法連線到伺服器，請稍後再試。");
      if (!r.ok) return setError(r.issues[0]?.message ?? r.message);
      setError(null);
      router.refresh();
    });
  return (
    <div className="space-y-1">
      <label className="block text-sm">
        審查意見（退回時必填）
        <textarea
          name={`comment-${name}`}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          rows={2}
          className="mt-1 block w-full rounded border border-slate-400 px-2 py-1"
        />
      </label>
      <div className="flex gap-2">
        <button
          type="button"
          disabled={pending}
          onClick={() => run("approve")}
          className="rounded bg-brand-700 px-3 py-1 text-sm font-semibold text-white disabled:opacity-60"
        >
          核可
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
      {error && (
        <p role="alert" className="text-sm font-semibold text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
