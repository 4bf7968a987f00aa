"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { ActionButton } from "../ui/ActionButton";

type TResult = { ok: true; id?: string } | { ok: false; message: string; issues: { path: string; message: string }[] };

const SHOWN = 5;

function ProblemList({ problems }: { problems: { href: string; message: string }[] }) {
  return (
    <ul className="list-disc space-y-1 pl-6 text-sm">
      {problems.map((p) => (
        <li key={p.href + p.message}>
          <a href={p.href} className="text-brand-700 underline">
            {p.message}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Submit for review, with the list of what is still missing (each a link to the item or step). */
export function SubmitPanel({ problems, submit }: { problems: { href: string; message: string }[]; submit: () => Promise<TResult> }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<{ message: string; issues: { path: string; message: string }[] } | null>(null);
  return (
    <section aria-labelledby="submit-title" className="space-y-3 rounded-lg border border-brand-700 bg-white p-4">
      <h2 id="submit-title" className="text-lg font-semibold">
        送交資安長審查
      </h2>
      {problems.length > 0 ? (
        <>
          <p>送審前尚有 {problems.length} 項需要處理（可於下方檢核表以「狀態：待您決定」篩選）：</p>
          <ProblemList problems={problems.slice(0, SHOWN)} />
          {problems.length > SHOWN && (
            <details className="text-sm">
              <summary className="cursor-pointer text-brand-700">其餘 {problems.length - SHOWN} 項</summary>
              <ProblemList problems={problems.slice(SHOWN)} />
            </details>
          )}
        </>
      ) : (
        <p>所有需要決定的項目都已決定，可以送審。送審後內容即鎖定，待資安長核准或退回。</p>
      )}
      {error && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          {error.message}
        </div>
      )}
      <button
        type="button"
        disabled={pending || problems.length > 0}
        onClick={() =>
          start(async () => {
            const r = await submit();
            if (r.ok) router.refresh();
            else setError(r);
          })
        }
        className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-50"
      >
        {pending ? "送出中…" : "送出審查"}
      </button>
    </section>
  );
}

export function ReviseButton({ revise }: { revise: () => Promise<TResult> }) {
  return <ActionButton label="建立新修訂版" variant="secondary" action={revise} next={(r) => (r.id ? `/cases/${r.id}/review` : null)} />;
}
