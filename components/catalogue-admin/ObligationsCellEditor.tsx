"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { OFFLINE, fieldErrors, type TAdminAction } from "../admin/result";
import { BUTTON, BUTTON_QUIET, INPUT } from "../admin/styles";
import { FieldError } from "../ui/FieldError";
import { cellSummary, ReliabilityLabel } from "../catalogue/ObligationsMatrix";
import {
  ANNEX_VERSIONS,
  CELL_STATUSES,
  CELL_STATUS_LABEL,
  COLUMNS,
  COLUMN_INFO,
  CONDITIONS,
  CONDITION_KEYS,
  type TCell,
  type TColumn,
  type TObligationsTable,
} from "@/lib/catalogue/schema/obligations";
import { RELIABILITY_BADGE, VERIFIED_BADGE } from "@/lib/resolve/text";

export type TCellAction = TAdminAction<{ version: string; lockVersion: number; cell: unknown }, { lockVersion: number }>;

type TForm = {
  status: string;
  condition: string;
  frequency: string;
  item: string;
  version: string;
  reliability: string;
  source: string;
  note: string;
  detail: string;
  verify: boolean;
  document: string;
  fileId: string;
  locator: string;
  verbatim: string;
};

const formOf = (cell: TCell): TForm => ({
  status: cell.status,
  condition: cell.condition ?? "",
  frequency: cell.frequency ?? "",
  item: cell.citation.item,
  version: cell.citation.version,
  reliability: cell.reliability,
  source: cell.source,
  note: cell.note ?? "",
  detail: cell.detail ?? "",
  verify: !!cell.verification,
  document: cell.verification?.document ?? "",
  fileId: cell.verification?.fileId ?? "",
  locator: cell.verification?.locator ?? "",
  verbatim: cell.verification?.verbatim ?? "",
});

/**
 * The ▲ table of a draft, cell by cell: pick a cell, see its value, label and source, change it or mark it
 * 「已核對官方附表」 with the document, page or item and (optionally) the official wording.
 */
export function ObligationsCellEditor({
  version,
  lockVersion,
  table,
  save,
}: {
  version: string;
  lockVersion: number;
  table: TObligationsTable;
  save: TCellAction;
}) {
  const router = useRouter();
  const [selected, setSelected] = useState<{ measure: string; column: TColumn } | null>(null);
  const [form, setForm] = useState<TForm | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const settled = Object.entries(table.measures).filter(([, m]) => m.settled) as [string, Extract<TObligationsTable["measures"][string], { settled: true }>][];

  const pick = (measure: string, column: TColumn) => {
    const m = table.measures[measure];
    if (!m?.settled) return;
    setSelected({ measure, column });
    setForm(formOf(m.columns[column]));
    setErrors({});
    setMessage(null);
  };
  const set = (patch: Partial<TForm>) => setForm((f) => (f ? { ...f, ...patch } : f));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!selected || !form) return;
    setBusy(true);
    setMessage(null);
    const cell = {
      measure: selected.measure,
      column: selected.column,
      status: form.status,
      condition: form.status === "conditional" ? form.condition || null : null,
      frequency: form.frequency,
      item: form.item,
      version: form.version,
      reliability: form.reliability,
      source: form.source,
      note: form.note,
      detail: form.detail,
      verification: form.verify ? { document: form.document, fileId: form.fileId, locator: form.locator, verbatim: form.verbatim } : null,
    };
    const r = await save({ version, lockVersion, cell }).catch(() => OFFLINE);
    setBusy(false);
    if (r.ok) {
      setErrors({});
      setMessage("已儲存。");
      router.refresh();
    } else {
      const byField = fieldErrors(r.issues.map((i) => ({ ...i, path: i.path.replace(/^verification\./, "") })));
      setErrors(byField);
      setMessage(r.message);
    }
  };

  const field = (name: keyof TForm, label: string, opts: { textarea?: boolean; hint?: string } = {}) => {
    const id = `cell-${name}`;
    const err = errors[name];
    const props = {
      id,
      value: String(form![name]),
      onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set({ [name]: e.target.value } as Partial<TForm>),
      "aria-invalid": err ? true : undefined,
      "aria-describedby": [opts.hint ? `${id}-hint` : null, err ? `${id}-error` : null].filter(Boolean).join(" ") || undefined,
      className: `${INPUT} ${err ? "border-red-700" : "border-slate-400"}`,
    };
    return (
      <div>
        <label htmlFor={id} className="block font-semibold">
          {label}
        </label>
        {opts.hint && (
          <p id={`${id}-hint`} className="text-sm text-slate-600">
            {opts.hint}
          </p>
        )}
        {opts.textarea ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
        <FieldError id={`${id}-error`} message={err} />
      </div>
    );
  };

  return (
    <div className="space-y-4">
      <div className="overflow-x-auto">
        <table className="min-w-[70rem] border-collapse text-sm">
          <caption className="p-2 text-left text-slate-700">點選儲存格以檢視、修改或核對（共 {settled.length} 項措施 × 8 欄）</caption>
          <thead>
            <tr className="bg-slate-100">
              <th scope="col" className="border border-slate-200 p-2 text-left">
                措施
              </th>
              {COLUMNS.map((c) => (
                <th key={c} scope="col" className="border border-slate-200 p-2 text-left">
                  {c}
                  <span className="block text-xs font-normal">{COLUMN_INFO[c].annex}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {settled.map(([key, m]) => (
              <tr key={key}>
                <th scope="row" className="border border-slate-200 p-2 text-left">
                  {m.name}
                </th>
                {COLUMNS.map((c) => {
                  const cell = m.columns[c];
                  const on = selected?.measure === key && selected.column === c;
                  return (
                    <td key={c} className={`border border-slate-200 p-1 ${on ? "bg-brand-50" : ""}`}>
                      <button
                        type="button"
                        onClick={() => pick(key, c)}
                        aria-pressed={on}
                        aria-label={`${m.name} ${c}：${cellSummary(cell)}，${RELIABILITY_BADGE[cell.reliability].label}${cell.verification ? `，${VERIFIED_BADGE.label}` : ""}`}
                        className="w-full rounded p-1 text-left hover:bg-slate-100"
                      >
                        <span className="block">{cellSummary(cell)}</span>
                        <span className="mt-0.5 flex flex-wrap gap-1">
                          <ReliabilityLabel reliability={cell.reliability} />
                          {cell.verification && <span className="rounded bg-emerald-700 px-1 text-xs text-white">✓ 已核對</span>}
                        </span>
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {selected && form && (
        <form onSubmit={submit} noValidate className="space-y-3 rounded-lg border border-slate-300 bg-white p-4" aria-labelledby="cell-title">
          <h3 id="cell-title" className="text-lg font-semibold">
            {table.measures[selected.measure]?.name}．{selected.column}（{COLUMN_INFO[selected.column].annex}，{COLUMN_INFO[selected.column].who}）
          </h3>
          <p className="text-sm text-slate-700">
            目前出處：{(table.measures[selected.measure] as { columns: Record<TColumn, TCell> }).columns[selected.column].source}
          </p>
          <div className="grid gap-3 md:grid-cols-2">
            <div>
              <label htmlFor="cell-status" className="block font-semibold">
                應辦與否
              </label>
              <select id="cell-status" value={form.status} onChange={(e) => set({ status: e.target.value })} className={`${INPUT} border-slate-400`}>
                {CELL_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {CELL_STATUS_LABEL[s]}
                  </option>
                ))}
              </select>
            </div>
            {form.status === "conditional" && (
              <div>
                <label htmlFor="cell-condition" className="block font-semibold">
                  條件
                </label>
                <select
                  id="cell-condition"
                  value={form.condition}
                  onChange={(e) => set({ condition: e.target.value })}
                  aria-invalid={errors.condition ? true : undefined}
                  aria-describedby={errors.condition ? "cell-condition-error" : undefined}
                  className={`${INPUT} ${errors.condition ? "border-red-700" : "border-slate-400"}`}
                >
                  <option value="">請選擇</option>
                  {CONDITION_KEYS.map((k) => (
                    <option key={k} value={k}>
                      {CONDITIONS[k].text}
                    </option>
                  ))}
                </select>
                <FieldError id="cell-condition-error" message={errors.condition} />
              </div>
            )}
            {(form.status === "required" || form.status === "conditional") && field("frequency", "頻率／期限")}
            {field("item", "附表項目名稱")}
            <div>
              <label htmlFor="cell-version" className="block font-semibold">
                附表版本
              </label>
              <select id="cell-version" value={form.version} onChange={(e) => set({ version: e.target.value })} className={`${INPUT} border-slate-400`}>
                {ANNEX_VERSIONS.map((v) => (
                  <option key={v} value={v}>
                    {v} 年版
                  </option>
                ))}
              </select>
            </div>
            {!form.verify && (
              <div>
                <label htmlFor="cell-reliability" className="block font-semibold">
                  可信度
                </label>
                <select
                  id="cell-reliability"
                  value={form.reliability}
                  onChange={(e) => set({ reliability: e.target.value })}
                  aria-invalid={errors.reliability ? true : undefined}
                  aria-describedby={errors.reliability ? "cell-reliability-error" : undefined}
                  className={`${INPUT} border-slate-400`}
                >
                  {(["P", "O", "S", "U"] as const).map((r) => (
                    <option key={r} value={r}>
                      〔{r}〕{RELIABILITY_BADGE[r].label}
                    </option>
                  ))}
                </select>
                <FieldError id="cell-reliability-error" message={errors.reliability} />
              </div>
            )}
            {!form.verify && field("source", "出處", { hint: "出處（如 regulations.md §3.2、annex-tables.md §2.2）；只在應辦事項表頁與本編輯器顯示" })}
            {field("note", "附註（目錄管理者用）", { textarea: true })}
            {field("detail", "給承辦人的說明（選填，會出現在檢核表理由）", { textarea: true })}
          </div>
          <fieldset className="space-y-3 rounded border border-emerald-300 p-3">
            <legend className="px-1 font-semibold">{VERIFIED_BADGE.label}</legend>
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={form.verify} onChange={(e) => set({ verify: e.target.checked })} />
              本格已與官方附表逐項核對（可信度將改為〔P〕法規原文；記錄核對者與時間）
            </label>
            {form.verify && (
              <div className="grid gap-3 md:grid-cols-2">
                {field("document", "核對之官方文件", { hint: "例如「分級辦法附表三（115-01-07）」" })}
                {field("fileId", "全國法規資料庫 FileId（選填）", { hint: "例如 0000410768" })}
                {field("locator", "頁次或項次")}
                {field("verbatim", "官方原文（選填）", { textarea: true })}
              </div>
            )}
          </fieldset>
          <div className="flex items-center gap-3">
            <button type="submit" disabled={busy} className={BUTTON}>
              {busy ? "儲存中…" : "儲存此格"}
            </button>
            <button
              type="button"
              className={BUTTON_QUIET}
              onClick={() => {
                setSelected(null);
                setForm(null);
              }}
            >
              關閉
            </button>
            <span role="status" className={Object.keys(errors).length ? "font-semibold text-red-700" : "text-emerald-800"}>
              {message}
            </span>
          </div>
        </form>
      )}
    </div>
  );
}
