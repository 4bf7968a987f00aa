"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { OFFLINE, type TAdminAction } from "../admin/result";
import { BUTTON } from "../admin/styles";
import { CATALOGUE_IMPORT_MAX_BYTES, CATALOGUE_IMPORT_TOO_LARGE } from "@/lib/catalogue/import-limit";

/** Reads a data file in the browser and sends its text; the server validates it with the loader. */
export function ImportVersionForm({ importFile }: { importFile: TAdminAction<{ fileName: string; text: string }, { version: string }> }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) return setError("請選擇資料檔（.json）");
    // Before sending: a too-large file is refused here rather than by the server's body limit.
    if (file.size > CATALOGUE_IMPORT_MAX_BYTES) return setError(CATALOGUE_IMPORT_TOO_LARGE);
    setBusy(true);
    const text = await file.text().catch(() => "");
    const r = await importFile({ fileName: file.name, text }).catch(() => OFFLINE);
    setBusy(false);
    if (r.ok) router.push(`/catalogue/versions/${r.version}`);
    else setError(r.issues[0]?.message ?? r.message);
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="text-lg font-semibold">匯入資料檔為草稿</h2>
      <p id="import-hint" className="text-sm text-slate-600">
        格式同 data/catalogue/（可用「匯出」下載的檔案）。匯入後為草稿，檢查後再發布。
      </p>
      <input
        id="import-file"
        type="file"
        accept="application/json,.json"
        aria-label="目錄資料檔"
        aria-describedby={["import-hint", error ? "import-error" : null].filter(Boolean).join(" ")}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          setFile(e.target.files?.[0] ?? null);
          setError(null);
        }}
        className="block"
      />
      {error && (
        <pre id="import-error" role="alert" className="whitespace-pre-wrap font-sans text-sm font-semibold text-red-700">
          {error}
        </pre>
      )}
      <button type="submit" disabled={busy} className={BUTTON}>
        {busy ? "匯入中…" : "匯入"}
      </button>
    </form>
  );
}
