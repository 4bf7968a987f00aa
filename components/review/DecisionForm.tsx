"use client";

import { useEffect, useId, useState } from "react";
import type { TDecisionKind } from "@/lib/cases/decisions";
import { FieldError } from "../ui/FieldError";
import { CHOICE_TEXT } from "@/lib/cases/labels";
import { taipeiTime } from "@/lib/time";

export type TDecisionResult =
  | { ok: true; decidedBy: string; decidedAt: string }
  | { ok: false; message: string; issues: { path: string; message: string }[] };
export type TSaveDecision = (itemId: string, values: unknown) => Promise<TDecisionResult>;
type TSaved = { choice: string; reason: string; reference: string; decidedBy: string; decidedAt: string | Date } | null;

const OPTIONS: Record<TDecisionKind, { value: string; label: string }[]> = {
  choice: [
    { value: "include", label: "納入本案" },
    { value: "exclude", label: "不納入本案" },
  ],
  placement: [
    { value: "this-case", label: "納入本案辦理" },
    { value: "other-procurement", label: "另於他案採購辦理（本案免辦）" },
  ],
};

export const CHOICE_LABEL = CHOICE_TEXT;

/** The officer's decision on one item; typed text survives a reload until it is saved. */
export function DecisionForm({ caseId, itemId, kind, saved, save }: { caseId: string; itemId: string; kind: TDecisionKind; saved: TSaved; save: TSaveDecision }) {
  const uid = useId();
  const key = `secreq:case:${caseId}:decision:${itemId}`;
  const [values, setValues] = useState({ choice: saved?.choice ?? "", reason: saved?.reason ?? "", reference: saved?.reference ?? "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [record, setRecord] = useState(saved);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const pending = localStorage.getItem(key);
    // localStorage exists only in the browser, after the first render: restoring there is the point.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (pending) setValues(JSON.parse(pending) as typeof values);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const update = (patch: Partial<typeof values>) => {
    const next = { ...values, ...patch };
    setValues(next);
    localStorage.setItem(key, JSON.stringify(next));
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await save(itemId, values).catch((): TDecisionResult => ({ ok: false, message: "無法連線到伺服器，請稍後再試；您的輸入仍保留。", issues: [] }));
    setBusy(false);
    if (r.ok) {
      localStorage.removeItem(key);
      setErrors({});
      setMessage(null);
      setRecord({ ...values, decidedBy: r.decidedBy, decidedAt: r.decidedAt });
    } else {
      setErrors(Object.fromEntries(r.issues.map((i) => [i.path, i.message])));
      setMessage(r.message);
    }
  };

  const reasonRequired = kind === "choice";
  return (
    <form onSubmit={submit} noValidate className="mt-3 space-y-2 rounded border border-slate-200 bg-slate-50 p-3">
      <fieldset aria-describedby={errors.choice ? `${uid}-choice-error` : undefined}>
        <legend className="text-sm font-semibold">{kind === "choice" ? "是否納入本案？" : "本項依責任等級應辦理，辦理方式："}</legend>
        <div className="flex flex-wrap gap-x-5">
          {OPTIONS[kind].map((o) => (
            <label key={o.value} className="flex items-center gap-2 py-1">
              <input type="radio" name={`${uid}-choice`} value={o.value} checked={values.choice === o.value} onChange={() => update({ choice: o.value })} className="size-4" />
              {o.label}
            </label>
          ))}
        </div>
        <FieldError id={`${uid}-choice-error`} message={errors.choice} />
      </fieldset>
      {kind === "placement" && values.choice === "other-procurement" && (
        <div>
          <label htmlFor={`${uid}-reference`} className="block text-sm font-semibold">
            納入辦理之他案（名稱或案號）
          </label>
          <input
            id={`${uid}-reference`}
            value={values.reference}
            onChange={(e) => update({ reference: e.target.value })}
            aria-invalid={errors.reference ? true : undefined}
            aria-describedby={errors.reference ? `${uid}-reference-error` : undefined}
            className="mt-1 w-full max-w-xl rounded border border-slate-400 px-2 py-1.5"
          />
          <FieldError id={`${uid}-reference-error`} message={errors.reference} />
        </div>
      )}
      <div>
        <label htmlFor={`${uid}-reason`} className="block text-sm font-semibold">
          理由{reasonRequired ? "（必填）" : "（選填）"}
        </label>
        <textarea
          id={`${uid}-reason`}
          value={values.reason}
          onChange={(e) => update({ reason: e.target.value })}
          rows={2}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? `${uid}-reason-error` : undefined}
          className="mt-1 w-full rounded border border-slate-400 px-2 py-1.5"
        />
        <FieldError id={`${uid}-reason-error`} message={errors.reason} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={busy} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {busy ? "儲存中…" : "儲存決定"}
        </button>
        <p role="status" aria-live="polite" className="text-sm">
          {message ? (
            <span className="font-semibold text-red-700">{message}</span>
          ) : record ? (
            <span className="text-emerald-800">
              已決定：{CHOICE_LABEL[record.choice] ?? record.choice}（{record.decidedBy}，
              {taipeiTime(record.decidedAt)}）
            </span>
          ) : (
            <span className="text-slate-600">尚未決定</span>
          )}
        </p>
      </div>
    </form>
  );
}
