"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { OFFLINE } from "../admin/result";
import { BUTTON } from "../admin/styles";
import type { TEditAction } from "./ItemEditor";

/**
 * A whole table of the version (the ▲ obligations table, the clause library) as JSON, validated on the
 * server by the same schema the loader uses; each problem is listed with its path in the table.
 */
export function JsonSectionEditor({
  op,
  field,
  label,
  hint,
  version,
  lockVersion,
  initial,
  save,
}: {
  op: "set-obligations" | "set-clauses";
  field: "obligations" | "clauses";
  label: string;
  hint: string;
  version: string;
  lockVersion: number;
  initial: unknown;
  save: TEditAction;
}) {
  const router = useRouter();
  const [text, setText] = useState(() => JSON.stringify(initial, null, 2));
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `json-${field}`;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setStatus(null);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      setProblems([`不是有效的 JSON：${(err as Error).message}`]);
      return;
    }
    setBusy(true);
    const r = await save({ version, lockVersion, edit: { op, [field]: value } }).catch(() => OFFLINE);
    setBusy(false);
    if (r.ok) {
      setProblems([]);
      setStatus("已儲存。");
      router.refresh();
    } else setProblems(r.issues.length ? r.issues.map((i) => `${i.path || "（整份）"}：${i.message}`) : [r.message]);
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-2">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-600">
        {hint}
      </p>
      <textarea
        id={id}
        rows={18}
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={problems.length ? true : undefined}
        aria-describedby={[`${id}-hint`, problems.length ? `${id}-error` : null].filter(Boolean).join(" ")}
        className={`w-full rounded border px-3 py-2 font-mono text-sm ${problems.length ? "border-red-700" : "border-slate-400"}`}
      />
      {problems.length > 0 && (
        <ul id={`${id}-error`} role="alert" className="list-disc pl-6 text-sm font-semibold text-red-700">
          {problems.slice(0, 20).map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div className="flex items-center gap-3">
        <button type="submit" disabled={busy} className={BUTTON}>
          {busy ? "儲存中…" : "儲存"}
        </button>
        <span role="status" className="text-emerald-800">
          {status}
        </span>
      </div>
    </form>
  );
}
