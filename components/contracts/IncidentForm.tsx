"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { TActionResult } from "@/lib/action-result";
import { FieldError } from "../ui/FieldError";

type TIncident = { level: string; knownAt: string; description: string };

/** 記錄資安事件: level, when the vendor learned of it (Taipei time), a description. */
export function IncidentForm({ record }: { record: (input: TIncident) => Promise<TActionResult<{ id: string }>> }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [v, setV] = useState<TIncident>({ level: "", knownAt: "", description: "" });
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const input = "mt-1 block w-full rounded border border-slate-400 px-2 py-1";
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await record(v).catch(() => null);
          if (!r) return setError("無法連線到伺服器，請稍後再試；您輸入的內容仍保留在此頁。");
          if (!r.ok) {
            // Field messages sit at their fields; the summary only says where to look.
            setError(r.issues.some((i) => i.path) ? "請修正標示的欄位；您輸入的內容仍保留。" : r.message);
            return setIssues(Object.fromEntries(r.issues.map((i) => [i.path, i.message])));
          }
          setV({ level: "", knownAt: "", description: "" });
          setIssues({});
          setError(null);
          router.refresh();
        });
      }}
    >
      <label className="block">
        <span className="font-semibold">事件等級</span>
        <select name="level" value={v.level} onChange={(e) => setV({ ...v, level: e.target.value })} aria-describedby="level-error" className={input}>
          <option value="">請選擇</option>
          {[1, 2, 3, 4].map((l) => (
            <option key={l} value={l}>
              第 {l} 級
            </option>
          ))}
        </select>
        <FieldError id="level-error" message={issues.level} />
      </label>
      <label className="block">
        <span className="font-semibold">廠商知悉時間（臺北時間）</span>
        <input
          name="knownAt"
          type="datetime-local"
          value={v.knownAt}
          onChange={(e) => setV({ ...v, knownAt: e.target.value })}
          aria-describedby="knownAt-error"
          className={input}
        />
        <FieldError id="knownAt-error" message={issues.knownAt} />
      </label>
      <label className="block">
        <span className="font-semibold">事件描述</span>
        <textarea
          name="description"
          rows={3}
          value={v.description}
          onChange={(e) => setV({ ...v, description: e.target.value })}
          aria-describedby="description-error"
          className={input}
        />
        <FieldError id="description-error" message={issues.description} />
      </label>
      {error && (
        <p role="alert" className="font-semibold text-red-700">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? "處理中…" : "記錄事件"}
      </button>
    </form>
  );
}
