"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { TActionResult } from "@/lib/action-result";

/** Moves the case to the newer catalogue version; an approved case gets a new revision for it. */
export function MoveVersionButton({
  label,
  confirm,
  move,
}: {
  label: string;
  confirm: string;
  move: () => Promise<TActionResult<{ id: string; newRevision: boolean }>>;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-1">
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(confirm)) return;
          start(async () => {
            const r = await move().catch(() => null);
            if (r?.ok) router.push(`/cases/${r.id}/review`);
            else setError(r?.message ?? "無法連線到伺服器，請稍後再試。");
          });
        }}
        className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {pending ? "處理中…" : label}
      </button>
      {error && (
        <p role="alert" className="text-sm font-semibold text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
