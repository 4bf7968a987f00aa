"use client";

import { useState, useTransition } from "react";
import type { TActionResult } from "@/lib/action-result";

/** Makes a new secret feed URL and shows it once (only its hash is kept on the server). */
export function CalendarFeed({ origin, exists, regenerate }: { origin: string; exists: boolean; regenerate: () => Promise<TActionResult<{ token: string }>> }) {
  const [pending, start] = useTransition();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <button
        type="button"
        disabled={pending}
        className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60"
        onClick={() => {
          if (exists && !url && !window.confirm("產生新網址後，舊的訂閱網址將立即失效。確定？")) return;
          start(async () => {
            const r = await regenerate().catch(() => null);
            if (!r) return setError("無法連線到伺服器，請稍後再試。");
            if (!r.ok) return setError(r.message);
            setError(null);
            setUrl(`${origin}/api/calendar/${r.token}.ics`);
          });
        }}
      >
        {pending ? "處理中…" : exists ? "重新產生訂閱網址" : "產生訂閱網址"}
      </button>
      {url && (
        <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3">
          訂閱網址（僅顯示這一次，請妥善保存）：
          <code data-testid="calendar-url" className="block break-all">
            {url}
          </code>
        </p>
      )}
      {error && (
        <p role="alert" className="font-semibold text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
