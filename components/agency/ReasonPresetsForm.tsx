"use client";

import { useState, useTransition } from "react";
import type { TActionResult } from "@/lib/action-result";

type TSave = (presets: string[], base: string[]) => Promise<TActionResult<{ presets: string[] }>>;

/** The agency's reason presets for decisions, one a line; officers pick one and may add text. */
export function ReasonPresetsForm({ initial, save }: { initial: string[]; save: TSave }) {
  const [text, setText] = useState(initial.join("\n"));
  const [base, setBase] = useState(initial);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return (
    <section aria-labelledby="presets" className="max-w-3xl space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="presets" className="text-lg font-semibold">
        決定理由範本
      </h2>
      <label htmlFor="presets-text" className="block text-sm text-slate-700">
        每行一則，例如「本案不涉及個人資料」「預算已另案編列」。承辦人決定時可選用並補充說明。
      </label>
      <textarea
        id="presets-text"
        rows={6}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={message?.error || undefined}
        aria-describedby={message ? "presets-message" : undefined}
        className="w-full rounded border border-slate-400 p-2"
      />
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const r = await save(lines, base).catch(() => ({
              ok: false as const,
              message: "無法連線到伺服器，請稍後再試。",
              issues: [],
              code: "error" as const,
            }));
            if (r.ok) {
              setBase(r.presets);
              setMessage({ error: false, text: `已儲存 ${r.presets.length} 則理由範本` });
            } else {
              if (r.code === "conflict" && Array.isArray(r.current)) setBase(r.current as string[]);
              setMessage({
                error: true,
                text:
                  r.code === "conflict" && Array.isArray(r.current)
                    ? `${r.message}：目前為「${(r.current as string[]).join("、") || "（無）"}」。您的輸入仍保留，再按一次儲存即以您的內容取代。`
                    : `${r.message}${r.issues.length ? `：${r.issues.map((i) => i.message).join("；")}` : ""}`,
              });
            }
          })
        }
        className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white"
      >
        儲存理由範本
      </button>
      {message && (
        <p id="presets-message" role={message.error ? "alert" : "status"} className={`text-sm ${message.error ? "font-semibold text-red-700" : ""}`}>
          {message.text}
        </p>
      )}
    </section>
  );
}
