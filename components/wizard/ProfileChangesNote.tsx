"use client";

import { useTransition } from "react";
import type { TProfileChange } from "@/lib/agency/snapshot";

/** The review step: the agency profile changed since this draft last saw it, and the checklist followed. */
export function ProfileChangesNote({ changes, acknowledge }: { changes: TProfileChange[]; acknowledge?: () => Promise<unknown> }) {
  const [pending, startTransition] = useTransition();
  if (!changes.length) return null;
  return (
    <section aria-labelledby="profile-changes" className="space-y-2 rounded-lg border border-sky-300 bg-sky-50 p-4">
      <h2 id="profile-changes" className="font-semibold">
        機關資料已變更，本案已依新的機關資料重新產出檢核表
      </h2>
      <ul className="list-disc pl-6">
        {changes.map((c) => (
          <li key={c.key}>
            {c.label}：{c.from} → {c.to}
          </li>
        ))}
      </ul>
      {acknowledge && (
        <button
          type="button"
          disabled={pending}
          onClick={() => startTransition(async () => void (await acknowledge()))}
          className="rounded border border-sky-700 px-3 py-1 text-sm text-sky-900"
        >
          我知道了
        </button>
      )}
    </section>
  );
}
