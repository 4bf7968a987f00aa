"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { TDecisionKind } from "@/lib/cases/decisions";
import { FieldError } from "../ui/FieldError";
import { ConflictPanel, type TConflict } from "../wizard/StepForm";
import { CHOICE_TEXT } from "@/lib/cases/labels";
import { taipeiTime } from "@/lib/time";

type TValues = { choice: string; reason: string; reference: string };
export type TDecisionResult =
  | { ok: true; decidedBy: string; decidedAt: string; saved: TValues }
  | { ok: false; code?: string; message: string; issues: { path: string; message: string }[]; current?: unknown };
/** `base`: the decision as this page last had it (null: none), so a decision saved meanwhile by someone else is not overwritten unseen. */
export type TSaveDecision = (itemId: string, values: unknown, base?: unknown) => Promise<TDecisionResult>;
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

const FIELD_LABEL = { choice: "決定", reason: "理由", reference: "他案名稱或案號" };
const formatField = (key: string, v: unknown) =>
  key === "choice" ? (CHOICE_LABEL[String(v ?? "")] ?? (String(v ?? "") || "（未決定）")) : String(v ?? "").trim() || "（空白）";

/** The officer's decision on one item; typed text survives a reload until it is saved. */
export function DecisionForm({
  caseId,
  itemId,
  kind,
  saved,
  save,
}: {
  caseId: string;
  itemId: string;
  kind: TDecisionKind;
  saved: TSaved;
  save: TSaveDecision;
}) {
  const uid = useId();
  const key = `secreq:case:${caseId}:decision:${itemId}`;
  const [values, setValues] = useState({ choice: saved?.choice ?? "", reason: saved?.reason ?? "", reference: saved?.reference ?? "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [record, setRecord] = useState(saved);
  const [busy, setBusy] = useState(false);
  const base = useRef<TValues | null>(saved ? { choice: saved.choice, reason: saved.reason, reference: saved.reference } : null);
  const [conflict, setConflict] = useState<TConflict | null>(null);

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

  const send = async (v: typeof values) => {
    setBusy(true);
    const r = await save(itemId, v, base.current).catch((): TDecisionResult => ({
      ok: false,
      message: "無法連線到伺服器，請稍後再試；您的輸入仍保留。",
      issues: [],
    }));
    setBusy(false);
    if (r.ok) {
      localStorage.removeItem(key);
      base.current = r.saved;
      setErrors({});
      setMessage(null);
      setConflict(null);
      setRecord({ ...r.saved, decidedBy: r.decidedBy, decidedAt: r.decidedAt });
    } else if (r.code === "conflict") {
      // Someone else decided meanwhile: show theirs next to ours; what was typed stays in the form.
      setConflict({ message: r.message, current: (r.current ?? {}) as Record<string, unknown> });
      setMessage(null);
    } else {
      setErrors(Object.fromEntries(r.issues.map((i) => [i.path, i.message])));
      setMessage(r.message);
    }
  };
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!conflict) await send(values);
  };
  const keepMine = async () => {
    if (!conflict) return;
    base.current = (Object.keys(conflict.current).length ? conflict.current : null) as TValues | null;
    setConflict(null);
    await send(values);
  };
  const takeTheirs = () => {
    if (!conflict) return;
    const theirs = conflict.current as Partial<TValues>;
    const next = { choice: theirs.choice ?? "", reason: theirs.reason ?? "", reference: theirs.reference ?? "" };
    base.current = theirs.choice ? next : null;
    setValues(next);
    localStorage.removeItem(key);
    setConflict(null);
  };

  const reasonRequired = kind === "choice";
  return (
    <form onSubmit={submit} noValidate className="mt-3 space-y-2 rounded border border-slate-200 bg-slate-50 p-3">
      {conflict && (
        <ConflictPanel conflict={conflict} mine={values} labels={FIELD_LABEL} format={formatField} onKeepMine={keepMine} onTakeTheirs={takeTheirs} />
      )}
      <fieldset aria-describedby={errors.choice ? `${uid}-choice-error` : undefined}>
        <legend className="text-sm font-semibold">{kind === "choice" ? "是否納入本案？" : "本項依責任等級應辦理，辦理方式："}</legend>
        <div className="flex flex-wrap gap-x-5">
          {OPTIONS[kind].map((o) => (
            <label key={o.value} className="flex items-center gap-2 py-1">
              <input
                type="radio"
                name={`${uid}-choice`}
                value={o.value}
                checked={values.choice === o.value}
                onChange={() => update({ choice: o.value })}
                className="size-4"
              />
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
        <button
          type="submit"
          disabled={busy || conflict !== null}
          className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {busy ? "儲存中…" : "儲存決定"}
        </button>
        <p role="status" aria-live="polite" className="text-sm">
          {message ? (
            <span className="font-semibold text-red-700">{message}</span>
          ) : record ? (
            <span className="text-emerald-800">
              已決定：{CHOICE_LABEL[record.choice] ?? record.choice}（{record.decidedBy}，{taipeiTime(record.decidedAt)}）
            </span>
          ) : (
            <span className="text-slate-600">尚未決定</span>
          )}
        </p>
      </div>
    </form>
  );
}
