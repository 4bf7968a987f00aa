"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";

type TResult = { ok: true; id?: string } | { ok: false; message: string };

const STYLE = {
  primary: "rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60",
  secondary: "rounded border border-brand-700 px-3 py-1.5 text-sm font-semibold text-brand-700 disabled:opacity-60",
};

/**
 * One button that runs a server action: asks first when `confirm` is given, shows 處理中 while it runs,
 * then goes where `next` says (or refreshes the page); a refusal or a lost connection is shown beside it.
 */
export function ActionButton<R extends TResult>({
  label,
  action,
  next,
  confirm,
  variant = "primary",
}: {
  label: string;
  action: () => Promise<R>;
  /** Where to go after success; without it, the page is refreshed. */
  next?: (result: Extract<R, { ok: true }>) => string | null;
  confirm?: string;
  variant?: keyof typeof STYLE;
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
          if (confirm && !window.confirm(confirm)) return;
          start(async () => {
            const r = await action().catch(() => null);
            if (!r) return setError("無法連線到伺服器，請稍後再試。");
            if (!r.ok) return setError(r.message);
            const href = next ? next(r as Extract<R, { ok: true }>) : null;
            if (href) router.push(href);
            else router.refresh();
          });
        }}
        className={STYLE[variant]}
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
