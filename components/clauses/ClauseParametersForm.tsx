"use client";

import { useRef, useState } from "react";
import type { TActionResult } from "@/lib/action-result";
import { FieldError } from "../ui/FieldError";
import { fieldErrors, OFFLINE } from "../admin/result";
import { BUTTON } from "../admin/styles";
import { ConflictPanel, type TConflict } from "../wizard/StepForm";

export type TClauseParameterField = { key: string; label: string; unit: string; min: number; max: number; default: number; note: string };
export type TInherited = { value: number; from: "default" | "agency" };
/** `base` (the case layer only): the values as this page last had them, so another officer's save is not overwritten unseen. */
export type TSaveClauseParameters = (
  values: Record<string, string>,
  base?: Record<string, number>,
) => Promise<TActionResult<{ changed: boolean; values: Record<string, number> }>>;

const ORIGIN = { default: "預設", agency: "機關", case: "本案" } as const;

/**
 * One layer of the clause parameters: the agency's defaults (admin) or this case's values (officer).
 * A blank field inherits the layer below; each field shows the value in effect and where it comes from.
 * The text typed stays in its field whatever the server answers; errors show at the parameter.
 */
export function ClauseParametersForm({
  layer,
  parameters,
  initial,
  inherited,
  save,
}: {
  layer: "agency" | "case";
  parameters: readonly TClauseParameterField[];
  /** The layer's stored values. */
  initial: Readonly<Record<string, number>>;
  /** What a blank field means: the value below this layer and where it comes from. */
  inherited: Readonly<Record<string, TInherited>>;
  save: TSaveClauseParameters;
}) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(parameters.map((p) => [p.key, initial[p.key] === undefined ? "" : String(initial[p.key])])),
  );
  const [saved, setSaved] = useState<Record<string, number>>({ ...initial });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<TConflict | null>(null);
  const base = useRef<Record<string, number>>({ ...initial });
  const prefix = `clause-${layer}`;

  const send = async (v: Record<string, string>) => {
    setBusy(true);
    setStatus(null);
    const r = await (layer === "case" ? save(v, base.current) : save(v)).catch(() => OFFLINE);
    setBusy(false);
    if (r.ok) {
      setErrors({});
      setConflict(null);
      base.current = r.values;
      setSaved(r.values);
      setStatus(r.changed ? "已儲存條款參數。" : "條款參數未變更。");
    } else if (r.code === "conflict") {
      // Another officer saved meanwhile: show their values next to ours; the fields keep what was typed.
      const theirs = (r.current ?? {}) as Record<string, unknown>;
      setConflict({
        message: r.message,
        current: Object.fromEntries(parameters.map((p) => [p.key, theirs[p.key] === undefined ? "" : String(theirs[p.key])])),
      });
    } else {
      // Field messages at their fields; the summary (or a problem with no field) below the list, announced.
      const byField = fieldErrors(r.issues);
      setErrors({ ...byField, form: byField.form ?? r.message });
    }
  };
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!conflict) await send(values);
  };
  const theirNumbers = (c: TConflict) => Object.fromEntries(Object.entries(c.current).flatMap(([k, v]) => (v === "" ? [] : [[k, Number(v)]])));
  const keepMine = async () => {
    if (!conflict) return;
    base.current = theirNumbers(conflict);
    setConflict(null);
    await send(values);
  };
  const takeTheirs = () => {
    if (!conflict) return;
    base.current = theirNumbers(conflict);
    setSaved(base.current);
    setValues(conflict.current as Record<string, string>);
    setConflict(null);
  };

  return (
    <form onSubmit={submit} noValidate aria-describedby={`${prefix}-intro`} className="space-y-4">
      <p id={`${prefix}-intro`} className="text-sm text-slate-600">
        {layer === "agency"
          ? "本機關所有案件之契約條款預設值；留空即採用條款庫預設值。承辦人仍可就個案調整。"
          : "僅適用於本案之契約條款參數；留空即沿用機關預設（或條款庫預設）。匯出文件時採用「目前採用」之值。"}
      </p>
      <ul className="space-y-4">
        {parameters.map((p) => {
          const id = `${prefix}-${p.key}`;
          const error = errors[p.key];
          const own = saved[p.key];
          const effective = own !== undefined ? { value: own, from: layer } : (inherited[p.key] ?? { value: p.default, from: "default" as const });
          const below = inherited[p.key] ?? { value: p.default, from: "default" as const };
          return (
            <li key={p.key}>
              <label htmlFor={id} className="block font-semibold">
                {p.label}（{p.unit}）
              </label>
              <p id={`${id}-hint`} className="text-sm text-slate-600">
                {p.min} 至 {p.max} {p.unit}；條款庫預設 {p.default} {p.unit}。
                <span className="ml-1">
                  目前採用：
                  <strong>
                    {effective.value} {p.unit}
                  </strong>
                  （{ORIGIN[effective.from]}）
                </span>
                {p.note && <span className="block">{p.note}</span>}
              </p>
              <input
                id={id}
                name={p.key}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                value={values[p.key] ?? ""}
                placeholder={`留空：${below.value}（${ORIGIN[below.from]}）`}
                onChange={(e) => setValues((v) => ({ ...v, [p.key]: e.target.value }))}
                aria-invalid={error ? true : undefined}
                aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ")}
                className={`mt-1 w-full max-w-48 rounded border px-3 py-2 ${error ? "border-red-700" : "border-slate-400"}`}
              />
              <FieldError id={`${id}-error`} message={error} />
            </li>
          );
        })}
      </ul>
      {conflict && (
        <ConflictPanel
          conflict={conflict}
          mine={values}
          labels={Object.fromEntries(parameters.map((p) => [p.key, `${p.label}（${p.unit}）`]))}
          format={(_k, v) => String(v ?? "").trim() || "（留空，沿用預設）"}
          onKeepMine={keepMine}
          onTakeTheirs={takeTheirs}
        />
      )}
      {errors.form && (
        <p role="alert" className="text-sm font-semibold text-red-700">
          {errors.form}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={busy || conflict !== null} className={BUTTON}>
          {busy ? "儲存中…" : "儲存條款參數"}
        </button>
        <span role="status" className="text-emerald-800">
          {status}
        </span>
      </div>
    </form>
  );
}
