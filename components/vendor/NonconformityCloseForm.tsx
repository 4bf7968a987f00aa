"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { TActionResult } from "@/lib/action-result";
import { FieldError } from "@/components/ui/FieldError";

/** The officer closes a 不符合事項 with a note (what was done, how it was checked); the note stays on a refusal. */
export function NonconformityCloseForm({ id, close }: { id: string; close: (input: { note: string }) => Promise<TActionResult> }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | undefined>();
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-brand-700 underline">結案</summary>
      <label className="mt-1 block">
        結案說明
        <textarea
          name={`close-${id}`}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={2}
          aria-invalid={Boolean(error)}
          aria-describedby={error ? `close-${id}-error` : undefined}
          className="mt-1 block w-full rounded border border-slate-400 px-2 py-1"
        />
      </label>
      <FieldError id={`close-${id}-error`} message={error} />
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await close({ note }).catch(() => null);
            if (!r) return setError("無法連線到伺服器，請稍後再試。");
            if (!r.ok) return setError(r.issues[0]?.message ?? r.message);
            setError(undefined);
            router.refresh();
          })
        }
        className="mt-1 rounded border border-brand-700 px-3 py-1 font-semibold text-brand-700 disabled:opacity-60"
      >
        結案
      </button>
    </details>
  );
}
