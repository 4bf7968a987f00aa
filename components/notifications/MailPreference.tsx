"use client";

import { useState, useTransition } from "react";
import type { TActionResult } from "@/lib/action-result";

/** One checkbox, saved when changed; a refusal puts it back and says why. */
export function MailPreference({ optOut, save }: { optOut: boolean; save: (optOut: boolean) => Promise<TActionResult<{ optOut: boolean }>> }) {
  const [value, setValue] = useState(!optOut);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="space-y-1">
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={value}
          disabled={pending}
          onChange={(e) => {
            const wanted = e.target.checked;
            setValue(wanted);
            start(async () => {
              const r = await save(!wanted).catch(() => null);
              if (!r || !r.ok) {
                setValue(!wanted);
                setMessage({ text: r && !r.ok ? r.message : "無法連線到伺服器，請稍後再試。", error: true });
              } else setMessage({ text: wanted ? "已開啟電子郵件通知。" : "已關閉電子郵件通知；站內通知不受影響。", error: false });
            });
          }}
          className="h-4 w-4"
        />
        以電子郵件通知我
      </label>
      {message && (
        <p role={message.error ? "alert" : "status"} className={`text-sm ${message.error ? "font-semibold text-red-700" : "text-slate-700"}`}>
          {message.text}
        </p>
      )}
    </div>
  );
}
