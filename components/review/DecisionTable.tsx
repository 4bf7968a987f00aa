"use client";

import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { TDecisionRow, TRowDetails, TRowGlossary } from "@/lib/cases/decision-rows";
import { Term } from "../ui/Term";
import { INCONSISTENT_FLAG, isOpenRow } from "@/lib/cases/decision-rows";
import type { TActionResult } from "@/lib/action-result";
import { NO_RECOMMENDATION } from "@/lib/resolve/recommend";
import { STATUS_LABEL } from "@/lib/cases/labels";
import { pendingInput, useAutosave, type TSaveResult, type TSaveState } from "../wizard/useAutosave";

type TValues = { choice: string; reason: string; reference: string };
type TBases = Record<string, number | null>;
export type TDecideRows = (
  target: { keys: string[]; itemIds?: string[] },
  values: TValues,
  bases: TBases,
) => Promise<TActionResult<{ versions: Record<string, number>; decidedBy: string }>>;
export type TAdopt = (bases: TBases) => Promise<TActionResult<{ count: number }>>;
export type TSplit = (key: string, reason: string) => Promise<TActionResult>;
export type TMerge = (key: string) => Promise<TActionResult>;
export type TDetails = (key: string) => Promise<TActionResult<TRowDetails>>;
/** The server actions the table calls (passed down from the page). */
export type TDecisionActions = { decide: TDecideRows; adopt: TAdopt; split: TSplit; merge: TMerge; details: TDetails };
/** The CISO's latest verdict per item. */
export type TItemReviews = Record<string, { verdict: string; comment: string; reviewerName: string }>;

/** One vocabulary: a ▲ row is 本案辦理 / 另案辦理 / 不辦理; a ◎ row 納入 / 不納入. */
function options(row: Pick<TDecisionRow, "kind" | "mark">) {
  if (row.kind === "placement")
    return [
      { value: "this-case", label: "本案辦理" },
      { value: "other-procurement", label: "另案辦理" },
    ];
  if (row.mark === "▲")
    return [
      { value: "include", label: "本案辦理" },
      { value: "other-procurement", label: "另案辦理" },
      { value: "exclude", label: "不辦理" },
    ];
  return [
    { value: "include", label: "納入本案" },
    { value: "exclude", label: "不納入本案" },
  ];
}
const LABEL: Record<string, string> = { include: "納入本案", exclude: "不納入本案", "this-case": "本案辦理", "other-procurement": "另案辦理" };
const label = (row: Pick<TDecisionRow, "kind" | "mark">, choice: string) => options(row).find((o) => o.value === choice)?.label ?? LABEL[choice] ?? choice;

/** The one plain question the row asks. */
function question(row: TDecisionRow) {
  if (row.kind === "placement") return "依責任等級應辦理：於本案辦理，或已另案辦理（請寫明契約）？";
  if (row.mark === "▲") return "本等級未要求此措施：於本案辦理、已另案辦理（請寫明契約），或不辦理（請說明理由）？";
  if (row.status === "needs-decision") return "依案件情形判斷：是否納入本案？";
  return "選配：是否納入本案？";
}

const REVIEW_LABEL: Record<string, string> = { approve: "同意", return: "退回，請修正", "accept-risk": "接受風險" };

export function DecisionTable({
  caseId,
  rows,
  typeNames,
  presets,
  editable,
  itemReviews,
  decide,
  adopt,
  split,
  merge,
  details,
  glossary,
}: {
  caseId: string;
  rows: TDecisionRow[];
  typeNames: Record<string, string>;
  presets: string[];
  editable: boolean;
  itemReviews: TItemReviews;
  glossary: TRowGlossary;
} & TDecisionActions) {
  const router = useRouter();
  const [query, setQuery] = useState("");
  const [filters, setFilters] = useState({ open: false, deviates: false, ciso: false });
  // Rows decided under a filter stay in view, marked, until the filter is applied again.
  const [kept, setKept] = useState<Set<string>>(new Set());
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dirty, setDirty] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const decisionRows = rows.filter((r) => r.kind);
  const openRows = decisionRows.filter(isOpenRow);
  const adoptable = openRows.filter((r) => r.recommendation && r.state !== "split");
  const allBases = useMemo(() => Object.assign({}, ...rows.map((r) => r.bases)) as TBases, [rows]);

  useEffect(() => {
    if (dirty.size === 0) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const markDirty = useCallback((key: string, isDirty: boolean) => {
    setDirty((d) => (d.has(key) === isDirty ? d : new Set([...d].filter((k) => k !== key).concat(isDirty ? [key] : []))));
  }, []);
  const onDecided = useCallback((key: string) => setKept((k) => (k.has(key) ? k : new Set(k).add(key))), []);

  const applyFilters = (next: typeof filters) => {
    setFilters(next);
    setKept(new Set());
  };
  const q = query.trim().toLowerCase();
  const shown = rows.filter((r) => {
    if (q && !`${r.text} ${r.category}`.toLowerCase().includes(q)) return false;
    if (kept.has(r.key)) return true;
    if (filters.open && !isOpenRow(r)) return false;
    if (filters.deviates && !r.deviates) return false;
    if (filters.ciso && !r.cisoConfirm) return false;
    return true;
  });
  const categories = [...new Set(shown.map((r) => r.category))];

  const run = (f: () => Promise<TActionResult<object>>, done: (r: { ok: true }) => string) =>
    startTransition(async () => {
      const r = await f().catch(() => ({ ok: false as const, message: "無法連線到伺服器，請稍後再試。", issues: [], code: "error" as const }));
      setMessage(r.ok ? done(r) : r.message + (r.issues.length ? `：${r.issues.map((i) => i.message).join("；")}` : ""));
      if (r.ok) {
        setSelected(new Set());
        router.refresh();
      }
    });

  return (
    <section aria-labelledby="decisions" className="space-y-3">
      <div className="sticky top-0 z-10 space-y-2 rounded-lg border border-slate-300 bg-white/95 p-3 shadow-sm print:static">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="decisions" className="text-lg font-semibold">
            已決定 {decisionRows.length - openRows.length}／{decisionRows.length}
          </h2>
          {openRows.length > 0 && (
            <a href={`#row-${openRows[0]!.key}`} className="text-sm text-brand-700 underline">
              尚待決定 {openRows.length} 項，前往第一項
            </a>
          )}
          {editable && (
            <button
              type="button"
              disabled={pending || adoptable.length === 0}
              onClick={() =>
                run(
                  () => adopt(allBases),
                  () => `已依系統建議決定 ${adoptable.length} 項`,
                )
              }
              className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50"
            >
              全部採用建議（{adoptable.length} 項）
            </button>
          )}
          <a href={`/cases/${caseId}/decisions`} className="text-sm text-brand-700 underline">
            列印決定總表
          </a>
        </div>
        <div className="flex flex-wrap items-center gap-4 text-sm">
          <label className="flex items-center gap-1">
            搜尋
            <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} className="rounded border border-slate-400 px-2 py-1" />
          </label>
          {(
            [
              ["open", "只看待決定"],
              ["deviates", "與建議不同"],
              ["ciso", "需資安長確認"],
            ] as const
          ).map(([k, text]) => (
            <label key={k} className="flex items-center gap-1">
              <input type="checkbox" checked={filters[k]} onChange={(e) => applyFilters({ ...filters, [k]: e.target.checked })} />
              {text}
            </label>
          ))}
          <span className="text-slate-600">
            顯示 {shown.length}／{rows.length} 列
          </span>
        </div>
        {editable && selected.size > 0 && (
          <BulkBar rows={rows.filter((r) => selected.has(r.key))} presets={presets} pending={pending} run={run} decide={decide} />
        )}
        {message && (
          <p role="status" className="text-sm">
            {message}
          </p>
        )}
      </div>

      {categories.map((category) => (
        <table key={category} className="w-full border-collapse text-sm">
          <caption className="bg-slate-100 px-2 py-1 text-left font-semibold">{category}</caption>
          <thead className="sr-only">
            <tr>
              <th scope="col">選取</th>
              <th scope="col">需求</th>
              <th scope="col">決定</th>
            </tr>
          </thead>
          <tbody>
            {shown
              .filter((r) => r.category === category)
              .map((row) => (
                <Row
                  key={`${row.key}:${JSON.stringify(row.bases)}:${row.state}`}
                  caseId={caseId}
                  row={row}
                  typeNames={typeNames}
                  presets={presets}
                  editable={editable}
                  reviews={row.items.flatMap((i) => (itemReviews[i.id] ? [itemReviews[i.id]!] : []))}
                  kept={kept.has(row.key)}
                  selected={selected.has(row.key)}
                  onSelect={(on) => setSelected((s) => (on ? new Set(s).add(row.key) : new Set([...s].filter((k) => k !== row.key))))}
                  decide={decide}
                  split={split}
                  merge={merge}
                  details={details}
                  glossary={glossary}
                  markDirty={markDirty}
                  onDecided={onDecided}
                />
              ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}

function ReasonField({
  id,
  value,
  onChange,
  presets,
  label = "理由",
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  presets: string[];
  label?: string;
}) {
  return (
    <div className="flex flex-wrap items-center gap-1">
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} className="min-w-48 flex-1 rounded border border-slate-400 px-2 py-1" />
      {presets.length > 0 && (
        <select
          aria-label={`${label}範本`}
          value=""
          onChange={(e) => e.target.value && onChange(value.trim() ? `${e.target.value}；${value.trim()}` : e.target.value)}
          className="rounded border border-slate-400 px-1 py-1"
        >
          <option value="">範本…</option>
          {presets.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}

function BulkBar({
  rows,
  presets,
  pending,
  run,
  decide,
}: {
  rows: TDecisionRow[];
  presets: string[];
  pending: boolean;
  run: (f: () => Promise<TActionResult<object>>, done: (r: { ok: true }) => string) => void;
  decide: TDecideRows;
}) {
  const [choice, setChoice] = useState("");
  const [reason, setReason] = useState("");
  const kinds = new Set(rows.map((r) => r.kind));
  // ▲ and ◎ rows together get the ◎ words; 另案辦理 needs each row's own contract, so not in bulk.
  const first = rows[0]!;
  const opts =
    kinds.size !== 1
      ? []
      : first.kind === "placement"
        ? options(first)
        : options(rows.every((r) => r.mark === "▲") ? first : { kind: first.kind, mark: "-" }).filter((o) => o.value !== "other-procurement");
  const bases = Object.assign({}, ...rows.map((r) => r.bases)) as TBases;
  return (
    <div role="group" aria-label="批次決定" className="flex flex-wrap items-center gap-2 rounded border border-brand-700 bg-brand-50 p-2 text-sm">
      <span className="font-semibold">已選 {rows.length} 列：</span>
      {opts.length === 0 && <span>選取的列須為同一種決定（納入／不納入，或本案／另案辦理）</span>}
      {opts.map((o) => (
        <label key={o.value} className="flex items-center gap-1">
          <input type="radio" name="bulk-choice" value={o.value} checked={choice === o.value} onChange={() => setChoice(o.value)} />
          {o.label}
        </label>
      ))}
      <ReasonField id="bulk-reason" value={reason} onChange={setReason} presets={presets} />
      <button
        type="button"
        disabled={pending || !choice}
        onClick={() =>
          run(
            () => decide({ keys: rows.map((r) => r.key) }, { choice, reason, reference: "" }, bases),
            () => `已決定 ${rows.length} 列`,
          )
        }
        className="rounded bg-brand-700 px-3 py-1 font-semibold text-white disabled:opacity-50"
      >
        套用到選取的列
      </button>
    </div>
  );
}

function stateText(s: TSaveState, restored: boolean) {
  if (s.kind === "saving") return "儲存中…";
  if (s.kind === "saved") return "已儲存";
  if (s.kind === "error") return s.message;
  return restored ? "已還原您在此瀏覽器尚未儲存的輸入，儲存中…" : "";
}

function Row({
  caseId,
  row,
  typeNames,
  presets,
  editable,
  reviews,
  kept,
  selected,
  onSelect,
  decide,
  split,
  merge,
  details,
  glossary,
  markDirty,
  onDecided,
}: {
  caseId: string;
  row: TDecisionRow;
  typeNames: Record<string, string>;
  presets: string[];
  editable: boolean;
  reviews: { verdict: string; comment: string; reviewerName: string }[];
  kept: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
  decide: TDecideRows;
  split: TSplit;
  merge: TMerge;
  details: TDetails;
  glossary: TRowGlossary;
  markDirty: (key: string, dirty: boolean) => void;
  onDecided: (key: string) => void;
}) {
  const storageKey = `secreq:case:${caseId}:row:${row.key}`;
  const saved: TValues = { choice: row.decision?.choice ?? "", reason: row.decision?.reason ?? "", reference: row.decision?.reference ?? "" };
  const [values, setValues] = useState<TValues>(saved);
  const [restored, setRestored] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const theirVersions = useRef<TBases>({});
  const bases = useRef<TBases>(row.bases);
  const [splitting, setSplitting] = useState(false);
  const [splitReason, setSplitReason] = useState("");
  const [splitError, setSplitError] = useState<string | null>(null);
  const decidable = editable && !!row.kind && row.state !== "split";

  useEffect(() => {
    const pending = pendingInput<TValues>(storageKey);
    // localStorage exists only in the browser, after the first render: restoring there is the point.
    if (pending && decidable && JSON.stringify(pending) !== JSON.stringify(saved)) {
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setValues(pending);
      setRestored(true);
    } else if (pending) localStorage.removeItem(storageKey);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const save = useCallback(
    async (v: TValues): Promise<TSaveResult> => {
      const r = await decide({ keys: [row.key] }, v, bases.current);
      if (r.ok) {
        bases.current = { ...bases.current, ...r.versions };
        setConflict(null);
        onDecided(row.key);
        return { ok: true, savedAt: new Date().toISOString() };
      }
      if (r.code === "conflict" && r.current && typeof r.current === "object") {
        const current = r.current as Record<string, { choice: string; reason: string; reference: string; decidedBy: string; version: number } | null>;
        theirVersions.current = Object.fromEntries(Object.entries(current).map(([k, d]) => [k, d?.version ?? null]));
        const theirs = Object.values(current).find(Boolean);
        setConflict(
          theirs
            ? `${r.message}：${label(row, theirs.choice)}${theirs.reference ? `（${theirs.reference}）` : ""}${theirs.reason ? `，理由：${theirs.reason}` : ""}`
            : r.message,
        );
      }
      return { ok: false, message: r.issues.length ? r.issues.map((i) => i.message).join("；") : r.message, issues: r.issues, code: r.code };
    },
    [decide, row, onDecided],
  );
  const { state, saveNow } = useAutosave(storageKey, values, save, !decidable || !values.choice || !!conflict, 700);
  const isDirty = JSON.stringify(values) !== JSON.stringify(saved) && state.kind !== "saved";
  useEffect(() => markDirty(row.key, isDirty), [isDirty, markDirty, row.key]);

  const id = `row-${row.key}`;
  const rec = row.recommendation;
  // A restored copy replaces the saved status until it is saved: never both side by side.
  const showSaved = !restored && row.decision;
  return (
    // On a phone the decision goes under the text (a 28rem column beside it left the text ~6 characters wide).
    <tr id={id} className={`border-b border-slate-200 align-top max-sm:flex max-sm:flex-wrap ${kept ? "bg-amber-50" : ""}`}>
      <td className="w-8 p-2 max-sm:shrink-0">
        {row.items.map((i) => (
          <span key={i.id} id={`item-${i.id}`} />
        ))}
        {decidable && <input type="checkbox" aria-label={`選取：${row.text.slice(0, 20)}`} checked={selected} onChange={(e) => onSelect(e.target.checked)} />}
      </td>
      <td className="p-2 max-sm:min-w-0 max-sm:flex-1">
        <p className="leading-relaxed">
          <RowText row={row} glossary={glossary} />
        </p>
        <p className="mt-1 flex flex-wrap gap-2 text-xs text-slate-600">
          <span>{STATUS_LABEL[row.status]}</span>
          <span>一覽表 {row.mark === "-" ? "－" : row.mark}</span>
          <span>來自：{row.serviceTypes.map((t) => typeNames[t] ?? t).join("、")}</span>
          {row.cisoConfirm && <span className="text-rose-800">需資安長確認風險</span>}
          {kept && <span className="font-semibold text-amber-900">剛決定</span>}
          {row.state === "inconsistent" && <span className="font-semibold text-amber-900">{INCONSISTENT_FLAG}</span>}
        </p>
        {reviews.map((r, n) => (
          <p key={n} className={`mt-1 rounded p-1 text-xs ${r.verdict === "return" ? "bg-amber-50 text-amber-900" : "bg-slate-50"}`}>
            資安長（{r.reviewerName}）：{REVIEW_LABEL[r.verdict] ?? r.verdict}
            {r.comment && `．${r.comment}`}
          </p>
        ))}
        <RowDetails row={row} typeNames={typeNames} details={details} />
      </td>
      <td className="w-[28rem] space-y-1 p-2 max-sm:w-full max-sm:pl-10">
        {!row.kind && <span className="text-slate-600">無須決定</span>}
        {row.kind && (
          <>
            <p className="text-xs text-slate-700">{question(row)}</p>
            <p className="text-xs">
              {rec ? (
                <span>
                  建議：<b>{label(row, rec.decision)}</b>
                  {rec.reference && `（${rec.reference}）`}．{rec.reason}
                  <span className="text-slate-600">（依據：{rec.basis}）</span>
                </span>
              ) : (
                <span className="text-slate-600">{NO_RECOMMENDATION}</span>
              )}
            </p>
          </>
        )}
        {row.kind && !decidable && row.decision && (
          <p>
            決定：{label(row, row.decision.choice)}
            {row.decision.reference && `（${row.decision.reference}）`}
            {row.decision.reason && `．理由：${row.decision.reason}`}（{row.decision.decidedBy}
            {row.decision.origin === "recommendation" && "，依系統建議"}）
          </p>
        )}
        {row.state === "split" && (
          <SplitControls caseId={caseId} row={row} typeNames={typeNames} presets={presets} editable={editable} decide={decide} merge={merge} />
        )}
        {decidable && (
          <fieldset className="space-y-1">
            <legend className="sr-only">決定：{row.text.slice(0, 30)}</legend>
            <div className="flex flex-wrap gap-3">
              {options(row).map((o) => (
                <label key={o.value} className="flex items-center gap-1">
                  <input
                    type="radio"
                    name={`${id}-choice`}
                    value={o.value}
                    checked={values.choice === o.value}
                    onChange={() => setValues({ ...values, choice: o.value })}
                  />
                  {o.label}
                </label>
              ))}
            </div>
            {values.choice === "other-procurement" && (
              <label className="flex items-center gap-1">
                <span className="font-semibold">契約名稱或案號</span>
                <input
                  value={values.reference}
                  onChange={(e) => setValues({ ...values, reference: e.target.value })}
                  className="flex-1 rounded border border-slate-400 px-2 py-1"
                />
              </label>
            )}
            <ReasonField id={`${id}-reason`} value={values.reason} onChange={(reason) => setValues({ ...values, reason })} presets={presets} />
            <p role="status" aria-live="polite" className={`text-xs ${state.kind === "error" ? "font-semibold text-red-700" : "text-slate-600"}`}>
              {stateText(state, restored) ||
                (showSaved ? `已決定（${row.decision!.decidedBy}${row.decision!.origin === "recommendation" ? "，依系統建議" : ""}）` : "")}
            </p>
            {conflict && (
              <div role="alert" className="rounded border border-amber-400 bg-amber-50 p-2 text-xs">
                <p>{conflict}。您的輸入尚未儲存。</p>
                <div className="mt-1 flex gap-3">
                  <button type="button" className="underline" onClick={() => location.reload()}>
                    採用對方的決定（重新載入）
                  </button>
                  <button
                    type="button"
                    className="underline"
                    onClick={() => {
                      // Overwrite knowingly: start from the versions the other person saved.
                      bases.current = { ...bases.current, ...theirVersions.current };
                      setConflict(null);
                      void saveNow(values);
                    }}
                  >
                    以我的決定覆寫
                  </button>
                </div>
              </div>
            )}
            {row.decidable.length > 1 && !splitting && (
              <button type="button" className="text-xs text-brand-700 underline" onClick={() => setSplitting(true)}>
                各服務類型需要不同的決定…
              </button>
            )}
            {splitting && (
              <div className="space-y-1 rounded border border-slate-300 p-2 text-xs">
                <ReasonField id={`${id}-split`} label="分開決定的理由" value={splitReason} onChange={setSplitReason} presets={[]} />
                {splitError && <p className="text-red-700">{splitError}</p>}
                <button
                  type="button"
                  className="rounded border border-slate-500 px-2 py-0.5"
                  onClick={async () => {
                    const r = await split(row.key, splitReason);
                    if (r.ok) location.reload();
                    else setSplitError(r.issues[0]?.message ?? r.message);
                  }}
                >
                  分開決定
                </button>
              </div>
            )}
          </fieldset>
        )}
      </td>
    </tr>
  );
}

/** The requirement text with each glossary term explained on hover or focus. */
function RowText({ row, glossary }: { row: TDecisionRow; glossary: TRowGlossary }) {
  const segments = glossary.segments[row.key];
  if (!segments) return row.text;
  return segments.map((s, i) => {
    const term = s.term === null ? undefined : glossary.terms[s.term];
    return term ? (
      <Term key={i} term={term}>
        {s.text}
      </Term>
    ) : (
      <span key={i}>{s.text}</span>
    );
  });
}

/** 「理由與依據」: each copy's reasons, fetched when first opened (the page does not carry them). */
function RowDetails({ row, typeNames, details }: { row: TDecisionRow; typeNames: Record<string, string>; details: TDetails }) {
  const [loaded, setLoaded] = useState<TRowDetails | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reasons = new Map(loaded?.copies.map((c) => [c.id, c.reasons]));
  return (
    <details
      className="mt-1 text-xs"
      onToggle={(e) => {
        if (!e.currentTarget.open || loaded) return;
        setError(null);
        details(row.key)
          .then((r) => (r.ok ? setLoaded(r) : setError(r.message)))
          .catch(() => setError("無法連線到伺服器，請稍後再試。"));
      }}
    >
      <summary className="cursor-pointer text-brand-700">理由與依據</summary>
      {error && <p className="text-red-700">{error}</p>}
      {!loaded && !error && <p className="text-slate-600">載入中…</p>}
      {loaded &&
        row.items.map((i) => (
          <div key={i.id} className="mt-1">
            <p className="font-semibold">
              {typeNames[i.serviceType] ?? i.serviceType}：{STATUS_LABEL[i.status]}
            </p>
            <ul className="list-disc pl-5 text-slate-700">
              {(reasons.get(i.id) ?? []).map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
            {(row.state === "split" || row.state === "inconsistent") && i.decision && (
              <p>
                決定：{label(row, i.decision.choice)}
                {i.decision.reason && `，理由：${i.decision.reason}`}（{i.decision.decidedBy}）
              </p>
            )}
          </div>
        ))}
    </details>
  );
}

/** A split row: one small control per copy; merging goes back to one decision. */
function SplitControls({
  row,
  typeNames,
  presets,
  editable,
  decide,
  merge,
}: {
  caseId: string;
  row: TDecisionRow;
  typeNames: Record<string, string>;
  presets: string[];
  editable: boolean;
  decide: TDecideRows;
  merge: TMerge;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="space-y-2 text-xs">
      <p>
        分開決定（{row.split?.splitBy}）：{row.split?.reason}
      </p>
      {row.items
        .filter((i) => i.decisionKind)
        .map((i) => (
          <CopyDecision
            key={`${i.id}:${row.bases[i.id]}`}
            row={row}
            itemId={i.id}
            typeName={typeNames[i.serviceType] ?? i.serviceType}
            presets={presets}
            editable={editable}
            onSave={async (v) => {
              const r = await decide({ keys: [row.key], itemIds: [i.id] }, v, { [i.id]: row.bases[i.id] ?? null });
              setMessage(r.ok ? "已儲存" : r.message);
              if (r.ok) router.refresh();
            }}
          />
        ))}
      {editable && (
        <button
          type="button"
          className="underline"
          onClick={async () => {
            const r = await merge(row.key);
            if (r.ok) router.refresh();
            else setMessage(r.message);
          }}
        >
          合併為一個決定
        </button>
      )}
      {message && <p role="status">{message}</p>}
    </div>
  );
}

function CopyDecision({
  row,
  itemId,
  typeName,
  presets,
  editable,
  onSave,
}: {
  row: TDecisionRow;
  itemId: string;
  typeName: string;
  presets: string[];
  editable: boolean;
  onSave: (v: TValues) => Promise<void>;
}) {
  const d = row.items.find((i) => i.id === itemId)?.decision;
  const [v, setV] = useState<TValues>({ choice: d?.choice ?? "", reason: d?.reason ?? "", reference: d?.reference ?? "" });
  if (!editable)
    return (
      <p>
        {typeName}：{d ? `${label(row, d.choice)}${d.reason ? `，理由：${d.reason}` : ""}` : "尚未決定"}
      </p>
    );
  return (
    <fieldset className="rounded border border-slate-200 p-1">
      <legend>{typeName}</legend>
      {options(row).map((o) => (
        <label key={o.value} className="mr-2">
          <input type="radio" name={`${itemId}-copy`} checked={v.choice === o.value} onChange={() => setV({ ...v, choice: o.value })} /> {o.label}
        </label>
      ))}
      {v.choice === "other-procurement" && (
        <input aria-label="契約名稱或案號" value={v.reference} onChange={(e) => setV({ ...v, reference: e.target.value })} className="rounded border px-1" />
      )}
      <ReasonField id={`${itemId}-copy-reason`} value={v.reason} onChange={(reason) => setV({ ...v, reason })} presets={presets} />
      <button type="button" className="rounded border border-slate-500 px-2" onClick={() => void onSave(v)}>
        儲存此類型的決定
      </button>
    </fieldset>
  );
}
