"use client";

import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { CommentThread, type TThreadEntry } from "./CommentThread";

type TResult = { ok: true } | { ok: false; message: string; issues: { path: string; message: string }[] };
export type TReturnedItem = {
  itemId: string;
  text: string;
  comment: string;
  reviewerName: string;
  dealtWith: boolean;
  thread: TThreadEntry[];
};

function Answer({ item, answer }: { item: TReturnedItem; answer: (input: unknown) => Promise<TResult> }) {
  const uid = useId();
  const router = useRouter();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="space-y-1">
      <label htmlFor={`${uid}-answer`} className="block text-sm font-semibold">
        回覆資安長
      </label>
      <textarea
        id={`${uid}-answer`}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        rows={2}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${uid}-answer-error` : undefined}
        className="w-full rounded border border-slate-400 px-2 py-1.5"
      />
      {error && (
        <p id={`${uid}-answer-error`} className="text-sm font-semibold text-red-700">
          {error}
        </p>
      )}
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await answer({ itemId: item.itemId, body });
            if (r.ok) {
              setBody("");
              setError(null);
              router.refresh();
            } else setError(r.issues[0]?.message ?? r.message);
          })
        }
        className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-60"
      >
        送出回覆
      </button>
    </div>
  );
}

/**
 * 資安長退回: the returned items of a returned case, each with the CISO's comment and the thread; the
 * officer changes the decision or reason in the checklist, or answers here. Resubmission waits for each.
 */
export function ReturnedItems({ items, answer }: { items: TReturnedItem[]; answer?: (input: unknown) => Promise<TResult> }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="returned-title" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 id="returned-title" className="text-lg font-semibold">
        資安長退回（{items.length}）
      </h2>
      <p className="text-sm">每一項請修改決定或理由，或回覆資安長的意見；全部處理後才能重新送審。</p>
      <ol className="space-y-3">
        {items.map((i) => (
          <li key={i.itemId} id={`returned-${i.itemId}`} className="scroll-mt-4 space-y-2 rounded border border-amber-200 bg-white p-3">
            <p>
              {i.text}{" "}
              <a href={`#item-${i.itemId}`} className="text-sm text-brand-700 underline">
                到檢核表修改
              </a>
            </p>
            <p className="text-sm font-semibold">{i.dealtWith ? "已處理，可重新送審" : "尚待處理"}</p>
            <CommentThread thread={i.thread} className="text-sm" />
            {answer && <Answer item={i} answer={answer} />}
          </li>
        ))}
      </ol>
    </section>
  );
}
