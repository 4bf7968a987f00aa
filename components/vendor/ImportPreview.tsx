"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import type { TActionResult } from "@/lib/action-result";
import { IMPORT_KIND_LABEL, VENDOR_ANSWER_LABEL, type TAnswerFields } from "@/lib/vendor/assessment/rules";
import type { TImportPreview, TImportResult, TImportTake } from "@/lib/vendor/assessment/import";
import { BUTTON } from "../admin/styles";
import { OFFLINE } from "../admin/result";

type TApply = (input: { fileId: string; take: TImportTake[] }) => Promise<TActionResult<TImportResult>>;

function Answer({ a }: { a: TAnswerFields }) {
  if (!a.answer && !a.evidence && !a.note) return <span className="text-slate-500">（未填）</span>;
  return (
    <div className="space-y-1 whitespace-pre-line">
      <p>
        <span className="font-semibold">符合：</span>
        {a.answer ? VENDOR_ANSWER_LABEL[a.answer] : "（未選）"}
      </p>
      {a.evidence && (
        <p>
          <span className="font-semibold">佐證資料：</span>
          {a.evidence}
        </p>
      )}
      {a.note && (
        <p>
          <span className="font-semibold">說明：</span>
          {a.note}
        </p>
      )}
    </div>
  );
}

/**
 * The preview of an uploaded Word copy, row by row against what is online. 新填 rows are taken; for each
 * 衝突 the user keeps the online answer or takes Word's; 已鎖定 rows are shown with the reason and never sent.
 * 套用 sends only the row ids and the versions shown; the server re-reads the stored file.
 */
export function ImportPreview({ preview, apply, backHref, backLabel }: { preview: TImportPreview; apply: TApply; backHref: string; backLabel: string }) {
  const router = useRouter();
  const [choice, setChoice] = useState<Record<string, "online" | "word">>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = preview.rows.filter((r) => r.kind !== "unchanged" && r.kind !== "blank");
  const take = preview.rows
    .filter((r) => r.kind === "new" || (r.kind === "conflict" && choice[r.rowId] === "word"))
    .map((r) => ({ rowId: r.rowId, version: r.online.version }));

  const submit = async () => {
    setBusy(true);
    const r = await apply({ fileId: preview.fileId, take }).catch(() => OFFLINE);
    setBusy(false);
    if (!r.ok) return setError(r.message);
    setError(null);
    setResult(r);
    setChoice({});
    router.refresh();
  };

  return (
    <section className="space-y-3" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title" className="text-xl font-bold">
        預覽：{preview.fileName}
      </h2>
      <p className="text-sm text-slate-700">
        {(["new", "conflict", "locked", "unchanged", "blank"] as const).map((k) => `${IMPORT_KIND_LABEL[k]} ${preview.counts[k]} 項`).join("．")}
        ．SHA-256 <span className="font-mono">{preview.sha256.slice(0, 16)}…</span>
      </p>
      {result && (
        <div role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3">
          <p className="font-semibold">已套用 {result.written} 項。</p>
          {result.stale.length > 0 && (
            <div>
              <p className="font-semibold text-amber-800">下列 {result.stale.length} 項於預覽後已在線上變更，未覆寫；請檢視下方最新之比較後再選擇：</p>
              <ul className="list-disc pl-6">
                {result.stale.map((s) => (
                  <li key={s.rowId}>
                    {s.name}（線上最後由 {s.current.updatedByName || "—"} 更新）
                  </li>
                ))}
              </ul>
            </div>
          )}
          {result.locked.length > 0 && (
            <p>
              未套用 {result.locked.length} 項：已鎖定（{result.locked.map((l) => l.name).join("、")}）。
            </p>
          )}
          <a href={backHref} className="text-brand-700 underline">
            {backLabel}
          </a>
        </div>
      )}
      {shown.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-3">Word 檔與線上填答相同，沒有要套用的項目。</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm">
            <caption className="sr-only">Word 檔與線上填答之比較</caption>
            <thead className="bg-slate-100 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">
                  項目
                </th>
                <th scope="col" className="px-3 py-2">
                  狀態
                </th>
                <th scope="col" className="px-3 py-2">
                  線上
                </th>
                <th scope="col" className="px-3 py-2">
                  Word 檔
                </th>
                <th scope="col" className="px-3 py-2">
                  採用
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.rowId} className="border-t border-slate-200 align-top">
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <span className="block text-xs text-slate-600">{r.group}</span>
                    {r.name}
                  </th>
                  <td className="px-3 py-2">
                    {IMPORT_KIND_LABEL[r.kind]}
                    {r.lockedReason && <span className="block text-xs text-slate-600">{r.lockedReason}</span>}
                  </td>
                  <td className="px-3 py-2">
                    <Answer a={r.online} />
                  </td>
                  <td className="px-3 py-2">
                    <Answer a={r.word} />
                  </td>
                  <td className="px-3 py-2">
                    {r.kind === "conflict" ? (
                      <fieldset>
                        <legend className="sr-only">{r.name}：採用哪一份</legend>
                        {(["online", "word"] as const).map((side) => (
                          <label key={side} className="mr-3 inline-flex items-center gap-1 whitespace-nowrap">
                            <input
                              type="radio"
                              name={`choice-${r.rowId}`}
                              value={side}
                              checked={(choice[r.rowId] ?? "online") === side}
                              onChange={() => setChoice({ ...choice, [r.rowId]: side })}
                            />
                            {side === "online" ? "保留線上" : "採用 Word"}
                          </label>
                        ))}
                      </fieldset>
                    ) : r.kind === "new" ? (
                      "採用 Word"
                    ) : (
                      "不套用"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {error && (
        <p role="alert" className="font-semibold text-red-700">
          {error}
        </p>
      )}
      <div className="flex items-center gap-4">
        <button type="button" onClick={submit} disabled={busy || take.length === 0} className={BUTTON}>
          {busy ? "套用中…" : `套用（${take.length} 項）`}
        </button>
        <a href={backHref} className="text-brand-700 underline">
          {backLabel}
        </a>
      </div>
    </section>
  );
}
