"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { FieldError } from "../ui/FieldError";
import { fieldErrors, OFFLINE, type TAdminAction } from "../admin/result";
import { BUTTON, INPUT } from "../admin/styles";

/** Starts a draft from an existing version; the id suggested is today's date, which sorts after older versions. */
export function CreateDraftForm({
  versions,
  suggested,
  create,
}: {
  versions: { id: string; published: boolean }[];
  suggested: string;
  create: TAdminAction<{ from: string; version: string }, { version: string }>;
}) {
  const router = useRouter();
  const [from, setFrom] = useState(versions.find((v) => v.published)?.id ?? versions[0]?.id ?? "");
  const [version, setVersion] = useState(suggested);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await create({ from, version }).catch(() => OFFLINE);
    setBusy(false);
    if (r.ok) router.push(`/catalogue/versions/${r.version}`);
    else setErrors({ form: r.message, ...fieldErrors(r.issues) });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="text-lg font-semibold">建立新草稿</h2>
      <div>
        <label htmlFor="draft-from" className="block font-semibold">
          以此版本為基礎
        </label>
        <select id="draft-from" value={from} onChange={(e) => setFrom(e.target.value)} className={`${INPUT} border-slate-400`}>
          {versions.map((v) => (
            <option key={v.id} value={v.id}>
              {v.id}
              {v.published ? "" : "（草稿）"}
            </option>
          ))}
        </select>
        <FieldError id="draft-from-error" message={errors.from} />
      </div>
      <div>
        <label htmlFor="draft-version" className="block font-semibold">
          新版本代碼
        </label>
        <p id="draft-version-hint" className="text-sm text-slate-600">
          YYYY-MM-DD 或 YYYY-MM-DD-後綴，須排在現有版本之後；發布後即為新案件的預設版本。
        </p>
        <input
          id="draft-version"
          value={version}
          onChange={(e) => setVersion(e.target.value)}
          aria-invalid={errors.version ? true : undefined}
          aria-describedby={["draft-version-hint", errors.version ? "draft-version-error" : null].filter(Boolean).join(" ")}
          className={`${INPUT} max-w-60 ${errors.version ? "border-red-700" : "border-slate-400"}`}
        />
        <FieldError id="draft-version-error" message={errors.version} />
      </div>
      {errors.form && !errors.version && !errors.from && (
        <p role="alert" className="font-semibold text-red-700">
          {errors.form}
        </p>
      )}
      <button type="submit" disabled={busy} className={BUTTON}>
        {busy ? "建立中…" : "建立草稿"}
      </button>
    </form>
  );
}
