"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { TActionResult } from "@/lib/action-result";
import type { TAssessmentView, TViewRow } from "@/lib/vendor/assessment/view";
import { VENDOR_ANSWER_LABEL, VENDOR_ANSWERS } from "@/lib/vendor/assessment/rules";

type TFields = { answer: "" | "yes" | "no" | "na"; evidence: string; note: string };
type TStale = { rowId: string; current: { answer: string; evidence: string; note: string; version: number; updatedByName: string } };
export type TSaveAction = (
  changes: (TFields & { rowId: string; version: number })[],
) => Promise<TActionResult<{ written: { rowId: string; version: number }[]; stale: TStale[]; warnings: { path: string; message: string }[] }>>;
export type TBulkAction = (body: { rowIds: string[]; evidence?: string }) => Promise<TActionResult<{ count: number }>>;
export type TDetachAction = (body: { rowId: string; fileId: string }) => Promise<TActionResult>;
export type TSubmitAction = (lockVersion: number) => Promise<TActionResult<{ round: number }>>;

type TRowState = TFields & {
  version: number;
  pending: boolean;
  status: "" | "saving" | "saved" | "error" | "stale";
  message: string;
  stale?: TStale["current"];
};

const kb = (n: number) => (n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);
const domId = (rowId: string, field: string) => `row-${rowId}-${field}`;

async function upload(url: string, file: File, fields: Record<string, string>): Promise<{ ok: boolean; message: string }> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set("file", file);
  try {
    const res = await fetch(url, { method: "POST", body: form });
    if (res.ok) return { ok: true, message: "已上傳" };
    const text = await res.text();
    try {
      return { ok: false, message: (JSON.parse(text) as { error?: { message?: string } }).error?.message ?? "上傳失敗" };
    } catch {
      return { ok: false, message: text || "上傳失敗" };
    }
  } catch {
    return { ok: false, message: "無法連線，請稍後再試" };
  }
}

/** The online 廠商資安自評表: one row per requirement, saved as typed, submitted when complete. */
export function AssessmentForm(props: {
  view: TAssessmentView;
  uploadUrl: string;
  /** Downloads: `${fileBase}/<fileId>`. */
  fileBase: string;
  save: TSaveAction;
  bulkYes: TBulkAction;
  detach: TDetachAction;
  submit: TSubmitAction;
}) {
  const { view } = props;
  const router = useRouter();
  const rows = view.groups.flatMap((g) => g.rows);
  const initial = (r: TViewRow): TRowState => ({
    answer: r.answer,
    evidence: r.evidence,
    note: r.note,
    version: r.version,
    pending: false,
    status: "",
    message: "",
  });
  const [state, setState] = useState<Record<string, TRowState>>(() => Object.fromEntries(rows.map((r) => [r.id, initial(r)])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [warnings, setWarnings] = useState<Record<string, string>>({});
  const [onlyOpen, setOnlyOpen] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkEvidence, setBulkEvidence] = useState("");
  const [bulkFile, setBulkFile] = useState<File | null>(null);
  const [banner, setBanner] = useState("");
  const [busy, setBusy] = useState(false);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);
  // Handlers read the latest rows from the ref (a save resolves after later keystrokes), so they write it too.
  const update = useCallback((fn: (s: Record<string, TRowState>) => Record<string, TRowState>) => {
    const next = fn(stateRef.current);
    stateRef.current = next;
    setState(next);
  }, []);

  // A refresh after a bulk change or an upload brings newer versions: take them where nothing is pending.
  const [seenView, setSeenView] = useState(view);
  if (seenView !== view) {
    setSeenView(view);
    const next = { ...state };
    for (const r of view.groups.flatMap((g) => g.rows)) {
      const cur = next[r.id];
      if (!cur || (!cur.pending && r.version > cur.version)) next[r.id] = initial(r);
    }
    setState(next);
  }

  const flush = useCallback(
    async (rowId: string) => {
      const t = timers.current.get(rowId);
      if (t) clearTimeout(t);
      timers.current.delete(rowId);
      const s = stateRef.current[rowId];
      if (!s || !s.pending) return true;
      update((x) => ({ ...x, [rowId]: { ...x[rowId]!, status: "saving", message: "" } }));
      const r = await props.save([{ rowId, answer: s.answer, evidence: s.evidence, note: s.note, version: s.version }]);
      if (!r.ok) {
        // The typed text stays; only the message changes.
        update((x) => ({ ...x, [rowId]: { ...x[rowId]!, status: "error", message: r.message } }));
        return false;
      }
      const stale = r.stale.find((x) => x.rowId === rowId);
      const written = r.written.find((x) => x.rowId === rowId);
      update((x) => {
        const cur = x[rowId]!;
        const changedSince = cur.answer !== s.answer || cur.evidence !== s.evidence || cur.note !== s.note;
        if (stale)
          return {
            ...x,
            [rowId]: { ...cur, status: "stale", message: `此項已由${stale.current.updatedByName || "他人"}更新，您的輸入尚未儲存`, stale: stale.current },
          };
        return { ...x, [rowId]: { ...cur, version: written?.version ?? cur.version, pending: changedSince, status: "saved", message: "", stale: undefined } };
      });
      const w = r.warnings.find((x) => x.path === `${rowId}.note`);
      setWarnings((x) => ({ ...x, [rowId]: w?.message ?? "" }));
      if (!stale) setErrors((x) => ({ ...x, [`${rowId}.answer`]: "", [`${rowId}.note`]: "" }));
      return !stale;
    },
    [props, update],
  );

  const change = (rowId: string, patch: Partial<TFields>) => {
    update((x) => ({ ...x, [rowId]: { ...x[rowId]!, ...patch, pending: true, status: x[rowId]!.status === "stale" ? "stale" : "" } }));
    const t = timers.current.get(rowId);
    if (t) clearTimeout(t);
    timers.current.set(
      rowId,
      setTimeout(() => void flush(rowId), 700),
    );
  };

  const keepMine = (rowId: string) => {
    const s = stateRef.current[rowId]!;
    if (!s.stale) return;
    update((x) => ({ ...x, [rowId]: { ...x[rowId]!, version: s.stale!.version, pending: true, status: "", message: "", stale: undefined } }));
    setTimeout(() => void flush(rowId), 0);
  };
  const takeStored = (rowId: string) => {
    const c = stateRef.current[rowId]!.stale;
    if (!c) return;
    update((x) => ({
      ...x,
      [rowId]: { answer: c.answer as TFields["answer"], evidence: c.evidence, note: c.note, version: c.version, pending: false, status: "saved", message: "" },
    }));
  };

  const answered = rows.filter((r) => state[r.id]?.answer).length;
  const editable = rows.some((r) => r.editable);

  const doSubmit = async () => {
    setBusy(true);
    setBanner("");
    for (const r of rows) if (stateRef.current[r.id]?.pending) await flush(r.id);
    const res = await props.submit(view.lockVersion);
    setBusy(false);
    if (res.ok) {
      setErrors({});
      router.refresh();
      return;
    }
    setBanner(res.message);
    const map: Record<string, string> = {};
    for (const i of res.issues) map[i.path] = i.message;
    setErrors(map);
    const first = res.issues[0];
    if (first) {
      const cut = first.path.lastIndexOf(".");
      const rowId = first.path.slice(0, cut);
      const field = first.path.slice(cut + 1);
      if (onlyOpen && !rows.find((r) => r.id === rowId)) setOnlyOpen(false);
      setTimeout(() => {
        const el = document.getElementById(domId(rowId, field === "answer" ? "answer-yes" : field));
        el?.scrollIntoView({ block: "center" });
        el?.focus();
      }, 0);
    }
  };

  const doBulk = async () => {
    const rowIds = [...selected];
    if (!rowIds.length) return;
    setBusy(true);
    for (const id of rowIds) if (stateRef.current[id]?.pending) await flush(id);
    const r = bulkFile
      ? await upload(props.uploadUrl, bulkFile, { rowIds: rowIds.join(","), bulkYes: "1", ...(bulkEvidence.trim() ? { evidence: bulkEvidence } : {}) })
      : await props.bulkYes({ rowIds, ...(bulkEvidence.trim() ? { evidence: bulkEvidence } : {}) }).then((x) => ({ ok: x.ok, message: x.ok ? "" : x.message }));
    setBusy(false);
    if (!r.ok) return setBanner(r.message);
    setBanner(`已將 ${rowIds.length} 項標為「是」`);
    setSelected(new Set());
    setBulkFile(null);
    setBulkEvidence("");
    router.refresh();
  };

  const returned = rows.filter((r) => r.review === "returned");

  return (
    <div className="space-y-6 pb-24">
      {view.status === "submitted" && (
        <p role="status" className="rounded border border-sky-300 bg-sky-50 p-3 font-semibold text-sky-900">
          已送出，機關審查中
        </p>
      )}
      {view.status === "accepted" && (
        <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3 font-semibold text-emerald-900">
          機關已接受全部回覆
        </p>
      )}
      {view.status === "returned" && (
        <div role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-950">
          <p className="font-semibold">機關退回下列 {returned.length} 項，請修正後再送出（其餘已接受之項目無法修改）：</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {returned.map((r) => (
              <li key={r.id}>
                <a href={`#row-${r.id}`} className="underline">
                  {r.name}
                </a>
                ：{r.returnComment}
              </li>
            ))}
          </ul>
        </div>
      )}
      {banner && (
        <p role="alert" className="rounded border border-slate-300 bg-white p-3">
          {banner}
        </p>
      )}

      {editable && (
        <div className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3">
          <p className="w-full text-sm text-slate-700">批次標為「是」：勾選各列左側之方塊，可附同一佐證檔案（例如 ISO 27001 證書）及佐證資料說明。</p>
          <label className="text-sm">
            佐證資料（選填）
            <input className="ml-2 rounded border border-slate-300 px-2 py-1" value={bulkEvidence} onChange={(e) => setBulkEvidence(e.target.value)} />
          </label>
          <label className="text-sm">
            佐證檔案（選填）
            <input type="file" className="ml-2 text-sm" onChange={(e) => setBulkFile(e.target.files?.[0] ?? null)} />
          </label>
          <button
            type="button"
            disabled={busy || selected.size === 0}
            onClick={() => void doBulk()}
            className="rounded bg-brand-700 px-3 py-1 text-white disabled:opacity-50"
          >
            將勾選之 {selected.size} 項標為「是」
          </button>
        </div>
      )}

      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} />
        只看未填
      </label>

      {view.groups.map((g) => {
        const shown = g.rows.filter((r) => !onlyOpen || !state[r.id]?.answer);
        if (!shown.length) return null;
        return (
          <section key={g.title} className="space-y-3">
            <h2 className="text-lg font-semibold">{g.title}</h2>
            {shown.map((r) => (
              <Row
                key={r.id}
                row={r}
                s={state[r.id]!}
                errors={errors}
                warning={warnings[r.id] ?? ""}
                selected={selected.has(r.id)}
                onSelect={(on) =>
                  setSelected((x) => {
                    const n = new Set(x);
                    if (on) n.add(r.id);
                    else n.delete(r.id);
                    return n;
                  })
                }
                onChange={(p) => change(r.id, p)}
                onBlur={() => void flush(r.id)}
                keepMine={() => keepMine(r.id)}
                takeStored={() => takeStored(r.id)}
                fileBase={props.fileBase}
                onUpload={async (file) => {
                  if (stateRef.current[r.id]?.pending) await flush(r.id);
                  const u = await upload(props.uploadUrl, file, { rowIds: r.id });
                  setBanner(u.ok ? `已上傳「${file.name}」` : u.message);
                  if (u.ok) router.refresh();
                }}
                onDetach={async (fileId) => {
                  const d = await props.detach({ rowId: r.id, fileId });
                  setBanner(d.ok ? "已移除檔案（檔案仍保留於紀錄中）" : d.message);
                  if (d.ok) router.refresh();
                }}
              />
            ))}
          </section>
        );
      })}

      <div className="sticky bottom-0 flex items-center justify-between gap-3 border-t border-slate-300 bg-white p-3 shadow">
        <p aria-live="polite">
          已填 {answered}／{rows.length}
        </p>
        {editable && (
          <button
            type="button"
            disabled={busy}
            onClick={() => void doSubmit()}
            className="rounded bg-brand-700 px-4 py-2 font-semibold text-white disabled:opacity-50"
          >
            送出
          </button>
        )}
      </div>
    </div>
  );
}

function Row(p: {
  row: TViewRow;
  s: TRowState;
  errors: Record<string, string>;
  warning: string;
  selected: boolean;
  onSelect: (on: boolean) => void;
  onChange: (patch: Partial<TFields>) => void;
  onBlur: () => void;
  keepMine: () => void;
  takeStored: () => void;
  fileBase: string;
  onUpload: (file: File) => Promise<void>;
  onDetach: (fileId: string) => Promise<void>;
}) {
  const { row, s } = p;
  const ro = !row.editable;
  const answerError = p.errors[`${row.id}.answer`];
  const noteError = p.errors[`${row.id}.note`];
  const noteHint = noteError || p.warning;
  return (
    <article id={`row-${row.id}`} className="rounded border border-slate-200 bg-white p-3" aria-labelledby={`row-${row.id}-name`}>
      <div className="flex items-start gap-2">
        {!ro && (
          <input
            type="checkbox"
            aria-label={`勾選「${row.name}」以批次標為「是」`}
            checked={p.selected}
            onChange={(e) => p.onSelect(e.target.checked)}
            className="mt-1"
          />
        )}
        <div className="flex-1 space-y-2">
          <h3 id={`row-${row.id}-name`} className="font-semibold">
            {row.name}
          </h3>
          <p className="whitespace-pre-line text-sm text-slate-800">{row.text}</p>
          {row.items.length > 0 && (
            <ol className="list-decimal pl-6 text-sm text-slate-800">
              {row.items.map((it, i) => (
                <li key={i}>{it}</li>
              ))}
            </ol>
          )}
          {row.review === "returned" && row.returnComment && <p className="rounded bg-amber-50 p-2 text-sm text-amber-950">機關意見：{row.returnComment}</p>}
          {row.earlierComments.map((c, i) => (
            <p key={i} className="text-sm text-slate-600">
              第 {c.round} 輪機關意見：{c.comment}
            </p>
          ))}
          <fieldset aria-describedby={answerError ? `row-${row.id}-answer-error` : undefined}>
            <legend className="text-sm font-medium">符合</legend>
            <div className="flex gap-4">
              {VENDOR_ANSWERS.map((v) => (
                <label key={v} className="flex items-center gap-1">
                  <input
                    type="radio"
                    id={domId(row.id, `answer-${v}`)}
                    name={`answer-${row.id}`}
                    value={v}
                    checked={s.answer === v}
                    disabled={ro}
                    onChange={() => p.onChange({ answer: v })}
                  />
                  {VENDOR_ANSWER_LABEL[v]}
                </label>
              ))}
            </div>
            {answerError && (
              <p id={`row-${row.id}-answer-error`} className="text-sm text-red-700">
                {answerError}
              </p>
            )}
          </fieldset>
          <label className="block text-sm font-medium" htmlFor={domId(row.id, "evidence")}>
            佐證資料
          </label>
          <textarea
            id={domId(row.id, "evidence")}
            className="w-full rounded border border-slate-300 p-2"
            rows={2}
            value={s.evidence}
            readOnly={ro}
            onChange={(e) => p.onChange({ evidence: e.target.value })}
            onBlur={p.onBlur}
          />
          <label className="block text-sm font-medium" htmlFor={domId(row.id, "note")}>
            說明
          </label>
          <textarea
            id={domId(row.id, "note")}
            className={`w-full rounded border p-2 ${noteError ? "border-red-600" : "border-slate-300"}`}
            rows={2}
            value={s.note}
            readOnly={ro}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={noteHint ? `row-${row.id}-note-hint` : undefined}
            onChange={(e) => p.onChange({ note: e.target.value })}
            onBlur={p.onBlur}
          />
          {noteHint && (
            <p id={`row-${row.id}-note-hint`} className={`text-sm ${noteError ? "text-red-700" : "text-amber-800"}`}>
              {noteHint}
            </p>
          )}
          <div className="text-sm">
            <p className="font-medium">佐證檔案</p>
            {row.files.length === 0 && <p className="text-slate-600">（尚無）</p>}
            <ul>
              {row.files.map((f) => (
                <li key={f.id} className="flex flex-wrap items-center gap-2">
                  <a href={`${p.fileBase}/${f.id}`} className="text-brand-700 underline">
                    {f.name}
                  </a>
                  <span className="text-slate-600">
                    {kb(f.size)}．SHA-256 {f.sha256.slice(0, 12)}…
                  </span>
                  {!ro && (
                    <button type="button" className="text-red-700 underline" onClick={() => void p.onDetach(f.id)}>
                      移除「{f.name}」
                    </button>
                  )}
                </li>
              ))}
            </ul>
            {!ro && (
              <label className="mt-1 block">
                上傳佐證檔案
                <input
                  type="file"
                  className="ml-2"
                  onChange={(e) => {
                    const f = e.target.files?.[0];
                    e.target.value = "";
                    if (f) void p.onUpload(f);
                  }}
                />
              </label>
            )}
          </div>
          <p className="text-sm text-slate-600" aria-live="polite">
            {s.status === "saving" ? "儲存中…" : s.status === "saved" ? "已儲存" : s.message}
          </p>
          {s.status === "stale" && s.stale && (
            <div className="rounded border border-amber-300 bg-amber-50 p-2 text-sm">
              <p>
                已儲存之內容：{VENDOR_ANSWER_LABEL[s.stale.answer as "yes"] ?? "未選"}；佐證資料「{s.stale.evidence}」；說明「{s.stale.note}」
              </p>
              <div className="mt-1 flex gap-3">
                <button type="button" className="underline" onClick={p.keepMine}>
                  以我的輸入覆蓋
                </button>
                <button type="button" className="underline" onClick={p.takeStored}>
                  改用已儲存之內容
                </button>
              </div>
            </div>
          )}
        </div>
      </div>
    </article>
  );
}
