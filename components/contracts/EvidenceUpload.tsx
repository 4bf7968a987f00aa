"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";

/**
 * Uploads one evidence file to the upload route (a route handler, not an action: files up to 20 MB).
 * The server's zh-TW refusal is shown at the field; the chosen file stays selected.
 */
export function EvidenceUpload({ url, replaces, label }: { url: string; replaces?: string; label: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const id = `file-${url.split("/").at(-2)}`;
  return (
    <form
      className="space-y-1"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        if (replaces) form.set("replaces", replaces);
        start(async () => {
          const res = await fetch(url, { method: "POST", body: form }).catch(() => null);
          if (!res) return setError("無法連線到伺服器，請稍後再試。");
          if (!res.ok) return setError((await res.text()) || "上傳失敗。");
          setError(null);
          router.refresh();
        });
      }}
    >
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <input id={id} name="file" type="file" required aria-describedby={`${id}-error`} className="block text-sm" />
      <button type="submit" disabled={pending} className="rounded border border-brand-700 px-3 py-1 text-sm font-semibold text-brand-700 disabled:opacity-60">
        {pending ? "上傳中…" : "上傳佐證"}
      </button>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm font-semibold text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
