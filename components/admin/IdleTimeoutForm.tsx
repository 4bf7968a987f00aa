"use client";

import { useState } from "react";
import { FieldError } from "../ui/FieldError";
import { fieldErrors, OFFLINE, type TAdminAction } from "./result";
import { BUTTON, INPUT } from "./styles";

/** The agency's idle timeout; the value typed stays in the field whatever the server answers. */
export function IdleTimeoutForm({
  initial,
  min,
  max,
  save,
}: {
  initial: number;
  min: number;
  max: number;
  save: TAdminAction<{ idleTimeoutMinutes: string }, { changed: boolean; idleTimeoutMinutes: number }>;
}) {
  const [value, setValue] = useState(String(initial));
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setStatus(null);
    const r = await save({ idleTimeoutMinutes: value }).catch(() => OFFLINE);
    setBusy(false);
    if (r.ok) {
      setError(undefined);
      setStatus(r.changed ? `已儲存：閒置 ${r.idleTimeoutMinutes} 分鐘後自動登出。` : "設定未變更。");
    } else setError(fieldErrors(r.issues).idleTimeoutMinutes ?? r.message);
  };

  return (
    <form onSubmit={submit} noValidate className="max-w-xl space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <fieldset className="space-y-2">
        <legend className="text-lg font-semibold">工作階段</legend>
        <label htmlFor="idle-timeout" className="block font-semibold">
          閒置逾時（分鐘）
        </label>
        <p id="idle-timeout-hint" className="text-sm text-slate-600">
          {min} 至 {max} 分鐘。使用者閒置超過此時間即自動登出（附表十 帳號管理）；未儲存的輸入仍保留在其瀏覽器。預設 30 分鐘。
        </p>
        <input
          id="idle-timeout"
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={["idle-timeout-hint", error ? "idle-timeout-error" : null].filter(Boolean).join(" ")}
          className={`${INPUT} max-w-40 ${error ? "border-red-700" : "border-slate-400"}`}
        />
        <FieldError id="idle-timeout-error" message={error} />
      </fieldset>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={busy} className={BUTTON}>
          {busy ? "儲存中…" : "儲存設定"}
        </button>
        <span role="status" className="text-emerald-800">
          {status}
        </span>
      </div>
    </form>
  );
}
