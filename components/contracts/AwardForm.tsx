"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { TActionResult } from "@/lib/action-result";
import { FieldError } from "../ui/FieldError";

type TAward = {
  vendorName: string;
  vendorTaxId: string;
  contractNumber: string;
  award: string;
  signed: string;
  start: string;
  end: string;
  milestones: { name: string; dueOn: string }[];
};

const FIELDS: { key: Exclude<keyof TAward, "milestones">; label: string; type: string; hint?: string }[] = [
  { key: "vendorName", label: "得標廠商名稱", type: "text" },
  { key: "vendorTaxId", label: "廠商統一編號", type: "text", hint: "8 位數字，依財政部檢查碼規則檢核" },
  { key: "contractNumber", label: "契約編號", type: "text" },
  { key: "award", label: "決標日", type: "date" },
  { key: "signed", label: "簽約日", type: "date" },
  { key: "start", label: "契約開始日", type: "date" },
  { key: "end", label: "契約結束日", type: "date" },
];

/** 決標建立契約: everything typed stays on a refusal; each message sits at its field. */
export function AwardForm({ award }: { award: (input: TAward) => Promise<TActionResult<{ id: string }>> }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [v, setV] = useState<TAward>({
    vendorName: "",
    vendorTaxId: "",
    contractNumber: "",
    award: "",
    signed: "",
    start: "",
    end: "",
    milestones: [{ name: "驗收", dueOn: "" }],
  });
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const input = "mt-1 block w-full rounded border border-slate-400 px-2 py-1";
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const r = await award(v).catch(() => null);
          if (!r) return setError("無法連線到伺服器，請稍後再試；您輸入的內容仍保留在此頁。");
          if (!r.ok) {
            // Field messages sit at their fields; the summary only says where to look.
            setError(r.issues.some((i) => i.path) ? "請修正標示的欄位；您輸入的內容仍保留。" : r.message);
            // The first message of a field is the one to act on (an empty field: 「請填寫…」).
            return setIssues(Object.fromEntries([...r.issues].reverse().map((i) => [i.path, i.message])));
          }
          router.push(`/contracts/${r.id}`);
        });
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        {FIELDS.map((f) => (
          // The label names the field only; the hint and the message are its description (a label wrapping
          // them made the message part of the field's name).
          <div key={f.key}>
            <label htmlFor={`award-${f.key}`} className="font-semibold">
              {f.label}
            </label>
            {f.hint && (
              <span id={`${f.key}-hint`} className="block text-sm text-slate-600">
                {f.hint}
              </span>
            )}
            <input
              id={`award-${f.key}`}
              name={f.key}
              type={f.type}
              value={v[f.key]}
              onChange={(e) => setV({ ...v, [f.key]: e.target.value })}
              aria-invalid={!!issues[f.key]}
              aria-describedby={[f.hint ? `${f.key}-hint` : null, `${f.key}-error`].filter(Boolean).join(" ")}
              className={input}
            />
            <FieldError id={`${f.key}-error`} message={issues[f.key]} />
          </div>
        ))}
      </div>
      <fieldset className="space-y-2">
        <legend className="font-semibold">驗收階段</legend>
        {v.milestones.map((m, i) => (
          <div key={i} className="flex flex-wrap items-end gap-2">
            <div>
              <label htmlFor={`milestones.${i}.name`} className="block text-sm">
                名稱
              </label>
              <input
                id={`milestones.${i}.name`}
                name={`milestones.${i}.name`}
                value={m.name}
                onChange={(e) => setV({ ...v, milestones: v.milestones.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)) })}
                aria-describedby={`milestones.${i}.name-error`}
                className={input}
              />
              <FieldError id={`milestones.${i}.name-error`} message={issues[`milestones.${i}.name`]} />
            </div>
            <div>
              <label htmlFor={`milestones.${i}.dueOn`} className="block text-sm">
                驗收日
              </label>
              <input
                id={`milestones.${i}.dueOn`}
                name={`milestones.${i}.dueOn`}
                type="date"
                value={m.dueOn}
                onChange={(e) => setV({ ...v, milestones: v.milestones.map((x, j) => (j === i ? { ...x, dueOn: e.target.value } : x)) })}
                aria-describedby={`milestones.${i}.dueOn-error`}
                className={input}
              />
              <FieldError id={`milestones.${i}.dueOn-error`} message={issues[`milestones.${i}.dueOn`]} />
            </div>
            <button type="button" className="text-sm text-red-700 underline" onClick={() => setV({ ...v, milestones: v.milestones.filter((_, j) => j !== i) })}>
              移除
            </button>
          </div>
        ))}
        <button
          type="button"
          className="text-sm text-brand-700 underline"
          onClick={() => setV({ ...v, milestones: [...v.milestones, { name: "", dueOn: "" }] })}
        >
          新增驗收階段
        </button>
      </fieldset>
      {error && (
        <p role="alert" className="font-semibold text-red-700">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? "處理中…" : "建立契約"}
      </button>
    </form>
  );
}
