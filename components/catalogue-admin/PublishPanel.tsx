"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { FieldError } from "../ui/FieldError";
import { fieldErrors, OFFLINE, type TAdminAction } from "../admin/result";
import { BUTTON, BUTTON_DANGER, BUTTON_QUIET, INPUT } from "../admin/styles";
import type { TEditAction } from "./ItemEditor";

/** The draft's title and change summary; publishing (immutable from then on) and discarding the draft. */
export function PublishPanel({
  version,
  lockVersion,
  title,
  changeSummary,
  basedOn,
  save,
  publish,
  discard,
}: {
  version: string;
  lockVersion: number;
  title: string;
  changeSummary: string;
  basedOn: string | null;
  save: TEditAction;
  publish: TAdminAction<{ version: string; lockVersion: number; changeSummary: string }, { publishedAt: string }>;
  discard: TAdminAction<{ version: string; lockVersion: number }>;
}) {
  const router = useRouter();
  const [t, setT] = useState(title);
  const [summary, setSummary] = useState(changeSummary);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = (r: { message: string; issues: { path: string; message: string }[] }) => {
    const f = fieldErrors(r.issues);
    setErrors({ ...f, form: r.message });
    setStatus(null);
  };

  const saveMeta = async () => {
    setBusy(true);
    const r = await save({ version, lockVersion, edit: { op: "set-meta", title: t, changeSummary: summary } }).catch(() => OFFLINE);
    setBusy(false);
    if (r.ok) {
      setErrors({});
      setStatus("已儲存。");
      router.refresh();
    } else fail(r);
  };
  const doPublish = async () => {
    if (!window.confirm(`發布 ${version} 後內容即不可變更，並成為新案件的預設版本。確定發布？`)) return;
    setBusy(true);
    const r = await publish({ version, lockVersion, changeSummary: summary }).catch(() => OFFLINE);
    setBusy(false);
    if (r.ok) {
      setErrors({});
      setStatus("已發布。");
      router.refresh();
    } else fail(r);
  };
  const doDiscard = async () => {
    if (!window.confirm(`刪除草稿 ${version}？此動作無法復原。`)) return;
    setBusy(true);
    const r = await discard({ version, lockVersion }).catch(() => OFFLINE);
    setBusy(false);
    if (r.ok) router.push("/catalogue/versions");
    else fail(r);
  };

  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="text-lg font-semibold">草稿資訊與發布</h2>
      <div>
        <label htmlFor="draft-title" className="block font-semibold">
          標題
        </label>
        <input
          id="draft-title"
          value={t}
          onChange={(e) => setT(e.target.value)}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={errors.title ? "draft-title-error" : undefined}
          className={`${INPUT} max-w-none ${errors.title ? "border-red-700" : "border-slate-400"}`}
        />
        <FieldError id="draft-title-error" message={errors.title} />
      </div>
      <div>
        <label htmlFor="draft-summary" className="block font-semibold">
          變更摘要
        </label>
        <p id="draft-summary-hint" className="text-sm text-slate-600">
          說明此版本{basedOn ? `與 ${basedOn} ` : ""}的差異；發布時必填，發布後與版本一起顯示給所有使用者。
        </p>
        <textarea
          id="draft-summary"
          rows={3}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          aria-invalid={errors.changeSummary ? true : undefined}
          aria-describedby={["draft-summary-hint", errors.changeSummary ? "draft-summary-error" : null].filter(Boolean).join(" ")}
          className={`${INPUT} max-w-none ${errors.changeSummary ? "border-red-700" : "border-slate-400"}`}
        />
        <FieldError id="draft-summary-error" message={errors.changeSummary} />
      </div>
      {errors.form && !errors.changeSummary && !errors.title && (
        <p role="alert" className="font-semibold text-red-700">
          {errors.form}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={saveMeta} disabled={busy} className={BUTTON_QUIET}>
          儲存標題與摘要
        </button>
        <button type="button" onClick={doPublish} disabled={busy} className={BUTTON}>
          發布此版本
        </button>
        <button type="button" onClick={doDiscard} disabled={busy} className={BUTTON_DANGER}>
          刪除草稿
        </button>
        <span role="status" className="text-emerald-800">
          {status}
        </span>
      </div>
    </form>
  );
}
