"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, useWatch, type DefaultValues, type FieldErrors, type FieldValues, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import "@/lib/validation/zh-tw"; // the same zh-TW messages in the browser as on the server
import type { z } from "zod";
import { pendingInput, SaveStatus, useAutosave, type TSaveResult } from "./useAutosave";

export type TSaveAction = (step: string, values: unknown, base?: unknown) => Promise<TSaveResult>;
export type TConflict = { message: string; current: Record<string, unknown> };

/** One wizard step: react-hook-form validated by the step's zod schema, autosaved as typed. */
export function useStepForm<T extends FieldValues>(opts: { caseId: string; step: string; initial: T; schema: z.ZodType; save: TSaveAction; nextHref: string }) {
  const router = useRouter();
  const form = useForm<T>({
    defaultValues: opts.initial as DefaultValues<T>,
    // raw: the officer's values are saved as typed; the schema only judges them.
    resolver: zodResolver(opts.schema as never, undefined, { raw: true }) as unknown as Resolver<T>,
    mode: "onTouched",
  });
  const values = useWatch({ control: form.control }) as T;
  const key = `secreq:case:${opts.caseId}:${opts.step}`;
  // What the server had when this page last read or wrote the step; a save from another person in
  // between makes the server refuse ours with their values (see saveAnswers).
  const base = useRef<unknown>(opts.initial);
  const [conflict, setConflict] = useState<TConflict | null>(null);
  const autosave = useAutosave(
    key,
    values,
    async (v) => {
      const r = await opts.save(opts.step, v, base.current);
      if (r.ok) base.current = v;
      else if (r.code === "conflict") setConflict({ message: r.message, current: (r.current ?? {}) as Record<string, unknown> });
      return r;
    },
    conflict !== null,
  );
  const [restored, setRestored] = useState(false);

  const keepMine = async () => {
    if (!conflict) return;
    base.current = conflict.current;
    setConflict(null);
    await autosave.saveNow(form.getValues());
  };
  const takeTheirs = () => {
    if (!conflict) return;
    base.current = conflict.current;
    form.reset(conflict.current as T);
    localStorage.removeItem(key);
    setConflict(null);
  };

  useEffect(() => {
    const pending = pendingInput<T>(key);
    if (pending && JSON.stringify(pending) !== JSON.stringify(opts.initial)) {
      form.reset(pending, { keepDefaultValues: true });
      // localStorage exists only in the browser, after the first render: restoring there is the point.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setRestored(true);
    }
    // Only once, on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onNext = form.handleSubmit(async (v) => {
    if (conflict) return;
    const r = await autosave.saveNow(v);
    if (r.ok) router.push(opts.nextHref);
  });

  return { form, values, autosave, restored, onNext, conflict, keepMine, takeTheirs };
}

type TSummaryEntry = { id: string; message: string };

function flatten(errors: FieldErrors, prefix = ""): TSummaryEntry[] {
  return Object.entries(errors).flatMap(([key, e]) => {
    if (!e) return [];
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof (e as { message?: unknown }).message === "string") return [{ id: path.replace(/\./g, "-"), message: (e as { message: string }).message }];
    return flatten(e as FieldErrors, path);
  });
}

const show = (v: unknown) => (Array.isArray(v) ? v.join("、") : typeof v === "object" && v ? JSON.stringify(v) : String(v ?? "")) || "（空白）";

/** Also for clause parameters: `labels` names the fields, `format` shows a value (both optional). */
export function ConflictPanel({
  conflict,
  mine,
  onKeepMine,
  onTakeTheirs,
  labels = {},
  format,
}: {
  conflict: TConflict;
  mine: Record<string, unknown>;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  labels?: Record<string, string>;
  format?: (key: string, value: unknown) => string;
}) {
  const keys = [...new Set([...Object.keys(conflict.current), ...Object.keys(labels)])];
  const text = (k: string, v: unknown) => (format ? format(k, v) : show(v));
  const changed = keys.filter((k) =>
    format ? text(k, conflict.current[k]) !== text(k, mine[k]) : JSON.stringify(conflict.current[k]) !== JSON.stringify(mine[k]),
  );
  return (
    <div role="alert" className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3">
      <p className="font-semibold">{conflict.message}，您的內容尚未儲存（仍保留在下方）。</p>
      {changed.length > 0 && (
        <table className="text-sm">
          <thead>
            <tr>
              <th scope="col" className="pr-4 text-left">
                欄位
              </th>
              <th scope="col" className="pr-4 text-left">
                對方儲存的內容
              </th>
              <th scope="col" className="text-left">
                您的輸入
              </th>
            </tr>
          </thead>
          <tbody>
            {changed.map((k) => (
              <tr key={k}>
                <td className={labels[k] ? "pr-4" : "pr-4 font-mono"}>{labels[k] ?? k}</td>
                <td className="pr-4">{text(k, conflict.current[k])}</td>
                <td>{text(k, mine[k])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="flex flex-wrap gap-3">
        <button type="button" onClick={onKeepMine} className="rounded bg-amber-700 px-3 py-1.5 text-sm font-semibold text-white">
          以我的內容覆寫
        </button>
        <button type="button" onClick={onTakeTheirs} className="rounded border border-amber-700 px-3 py-1.5 text-sm">
          改用對方的內容
        </button>
      </div>
    </div>
  );
}

export function StepFormShell({
  children,
  onSubmit,
  errors,
  submitted,
  state,
  restored,
  submitLabel = "儲存並繼續",
  readOnly = false,
  conflict,
}: {
  children: React.ReactNode;
  onSubmit: (e?: React.BaseSyntheticEvent) => Promise<void>;
  errors: FieldErrors;
  submitted: boolean;
  state: Parameters<typeof SaveStatus>[0]["state"];
  restored: boolean;
  submitLabel?: string;
  /** Submitted or approved cases are shown, not edited. */
  readOnly?: boolean;
  conflict?: React.ReactNode;
}) {
  const entries = flatten(errors);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6 rounded-lg border border-slate-200 bg-white p-5">
      {conflict}
      {restored && <p className="rounded border border-sky-300 bg-sky-50 p-3 text-sm">已還原您上次在此瀏覽器輸入但尚未儲存的內容。</p>}
      {submitted && entries.length > 0 && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-3">
          <p className="font-semibold text-red-800">還有 {entries.length} 個欄位需要修正：</p>
          <ul className="list-disc pl-6">
            {entries.map((e) => (
              <li key={e.id}>
                <a href={`#${e.id}`} className="text-red-800 underline">
                  {e.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <fieldset disabled={readOnly} className="space-y-6">
        {children}
      </fieldset>
      {!readOnly && (
        <div className="flex flex-wrap items-center gap-4 border-t border-slate-200 pt-4">
          <button type="submit" className="rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800">
            {submitLabel}
          </button>
          <SaveStatus state={state} />
        </div>
      )}
    </form>
  );
}
