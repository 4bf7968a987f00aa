"use client";

import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import type { TCatalogueItem, TMark } from "@/lib/catalogue/schema";
import { emptyItemFields } from "@/lib/catalogue/empty-item";
import { FieldError } from "../ui/FieldError";
import { OFFLINE, type TAdminAction } from "../admin/result";
import { BUTTON, BUTTON_QUIET, INPUT } from "../admin/styles";

export type TEditAction = TAdminAction<{ version: string; lockVersion: number; edit: unknown }, { lockVersion: number }>;
type TFields = Omit<TCatalogueItem, "id">;

const MARK_OPTIONS: { value: TMark; label: string }[] = [
  { value: "●", label: "● 標配" },
  { value: "◎", label: "◎ 選配" },
  { value: "▲", label: "▲ 依責任等級" },
  { value: "-", label: "－ 不適用" },
];
const GRADES = [
  { key: "high", label: "高" },
  { key: "medium", label: "中" },
  { key: "normal", label: "普" },
] as const;
const FLAGS = [
  { key: "personalData", label: "涉及個資時應納入" },
  { key: "thirdPartyTesting", label: "核心系統或 1,000 萬元以上：第三方檢測" },
  { key: "cisoConfirm", label: "須提請資安長確認風險" },
  { key: "mobileAppOnly", label: "僅適用於有行動 App 之案件" },
  { key: "coreSystemRequired", label: "核心資通系統時必選" },
] as const;
const RELIABILITY = [
  { value: "P", label: "P 法規原文" },
  { value: "O", label: "O 官方說明" },
  { value: "S", label: "S 次級資料" },
  { value: "U", label: "U 未查證" },
] as const;

const FIELD_LABEL: Record<string, string> = {
  slug: "項目代稱",
  category: "項目",
  text: "子項內容",
  "marks.high": "高級標記",
  "marks.medium": "中級標記",
  "marks.normal": "普級標記",
  note: "說明",
  "hints.levelMeasure": "▲ 對應之應辦事項",
};
const fieldLabel = (path: string) => FIELD_LABEL[path] ?? (/^legalBasis\.(\d+)/.test(path) ? `第 ${Number(path.split(".")[1]) + 1} 筆法源` : path || "此列");

/**
 * One catalogue row, edited in a draft (or a new row added after another). Everything typed stays in the
 * form whatever the server answers; its problems are shown at their fields and in a summary.
 */
export function ItemEditor({
  mode,
  version,
  lockVersion,
  serviceType,
  itemId,
  initial,
  after,
  measures,
  save,
}: {
  mode: "edit" | "add";
  version: string;
  lockVersion: number;
  serviceType: string;
  itemId?: string;
  initial: TFields;
  /** For a new row: the rows it may follow. */
  after?: { id: string; label: string }[];
  measures: string[];
  save: TEditAction;
}) {
  const router = useRouter();
  const uid = useId();
  const [f, setF] = useState<TFields>(initial);
  const [slug, setSlug] = useState("");
  const [afterId, setAfterId] = useState(after?.[after.length - 1]?.id ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (name: string) => `${uid}-${name}`;
  const err = (path: string) => errors[path];
  const described = (name: string, hint?: boolean) =>
    [hint ? id(`${name}-hint`) : null, err(name) ? id(`${name}-error`) : null].filter(Boolean).join(" ") || undefined;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    const edit =
      mode === "edit" ? { op: "update-item", itemId, item: f } : { op: "add-item", serviceType, slug, after: afterId === "" ? null : afterId, item: f };
    const r = await save({ version, lockVersion, edit }).catch(() => OFFLINE);
    setBusy(false);
    if (r.ok) {
      setErrors({});
      setMessage({ ok: true, text: mode === "edit" ? "已儲存。" : "已新增。" });
      if (mode === "add") {
        setF(emptyItemFields());
        setSlug("");
      }
      router.refresh();
      return;
    }
    const byPath: Record<string, string> = {};
    for (const i of r.issues) byPath[i.path] ??= i.message;
    setErrors(byPath);
    setMessage({ ok: false, text: r.message });
  };

  const set = <K extends keyof TFields>(key: K, value: TFields[K]) => setF((prev) => ({ ...prev, [key]: value }));
  const setHint = <K extends keyof TFields["hints"]>(key: K, value: TFields["hints"][K]) =>
    setF((prev) => ({ ...prev, hints: { ...prev.hints, [key]: value } }));
  const toggle = <T extends string>(list: T[], value: T, on: boolean) => (on ? [...new Set([...list, value])] : list.filter((v) => v !== value));
  const issueList = Object.entries(errors);

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={mode === "edit" ? `編輯 ${itemId}` : "新增項目"}>
      {message && (
        <div role={message.ok ? "status" : "alert"} className={message.ok ? "text-emerald-800" : "rounded border border-red-300 bg-red-50 p-3 text-red-800"}>
          <p className="font-semibold">{message.text}</p>
          {!message.ok && issueList.length > 0 && (
            <ul className="list-disc pl-6 text-sm">
              {issueList.map(([path, msg]) => (
                <li key={path}>
                  {fieldLabel(path)}：{msg}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {mode === "add" && (
        <div className="grid gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor={id("slug")} className="block font-semibold">
              項目代稱
            </label>
            <p id={id("slug-hint")} className="text-sm text-slate-600">
              小寫英數與連字號，例如 ai-bom；代碼為「{serviceType}.代稱」，日後不可更改。
            </p>
            <input
              id={id("slug")}
              value={slug}
              onChange={(e) => setSlug(e.target.value)}
              aria-invalid={err("slug") ? true : undefined}
              aria-describedby={described("slug", true)}
              className={`${INPUT} ${err("slug") ? "border-red-700" : "border-slate-400"}`}
            />
            <FieldError id={id("slug-error")} message={err("slug")} />
          </div>
          <div>
            <label htmlFor={id("after")} className="block font-semibold">
              放在此列之後
            </label>
            <select id={id("after")} value={afterId} onChange={(e) => setAfterId(e.target.value)} className={`${INPUT} border-slate-400`}>
              <option value="">（放在最前面）</option>
              {after?.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.label}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      <div>
        <label htmlFor={id("category")} className="block font-semibold">
          項目
        </label>
        <input
          id={id("category")}
          value={f.category}
          onChange={(e) => set("category", e.target.value)}
          aria-invalid={err("category") ? true : undefined}
          aria-describedby={described("category")}
          className={`${INPUT} ${err("category") ? "border-red-700" : "border-slate-400"}`}
        />
        <FieldError id={id("category-error")} message={err("category")} />
      </div>
      <div>
        <label htmlFor={id("text")} className="block font-semibold">
          子項內容
        </label>
        <textarea
          id={id("text")}
          rows={3}
          value={f.text}
          onChange={(e) => set("text", e.target.value)}
          aria-invalid={err("text") ? true : undefined}
          aria-describedby={described("text")}
          className={`${INPUT} max-w-none ${err("text") ? "border-red-700" : "border-slate-400"}`}
        />
        <FieldError id={id("text-error")} message={err("text")} />
      </div>
      <fieldset>
        <legend className="font-semibold">標記（系統防護需求等級）</legend>
        <div className="flex flex-wrap gap-4">
          {GRADES.map((g) => (
            <div key={g.key}>
              <label htmlFor={id(`mark-${g.key}`)} className="block text-sm">
                {g.label}級
              </label>
              <select
                id={id(`mark-${g.key}`)}
                value={f.marks[g.key]}
                onChange={(e) => set("marks", { ...f.marks, [g.key]: e.target.value as TMark })}
                aria-invalid={err(`marks.${g.key}`) ? true : undefined}
                aria-describedby={err(`marks.${g.key}`) ? id(`marks.${g.key}-error`) : undefined}
                className={`rounded border px-2 py-2 ${err(`marks.${g.key}`) ? "border-red-700" : "border-slate-400"}`}
              >
                {MARK_OPTIONS.map((m) => (
                  <option key={m.value} value={m.value}>
                    {m.label}
                  </option>
                ))}
              </select>
              <FieldError id={id(`marks.${g.key}-error`)} message={err(`marks.${g.key}`)} />
            </div>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor={id("note")} className="block font-semibold">
          說明
        </label>
        <textarea
          id={id("note")}
          rows={3}
          value={f.note}
          onChange={(e) => set("note", e.target.value)}
          aria-invalid={err("note") ? true : undefined}
          aria-describedby={described("note")}
          className={`${INPUT} max-w-none ${err("note") ? "border-red-700" : "border-slate-400"}`}
        />
        <FieldError id={id("note-error")} message={err("note")} />
      </div>
      <fieldset className="space-y-2">
        <legend className="font-semibold">判定規則提示（解析引擎依此判定，不讀說明文字）</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {FLAGS.map((flag) => (
            <label key={flag.key} className="flex items-center gap-2">
              <input type="checkbox" checked={!!f.hints[flag.key]} onChange={(e) => setHint(flag.key, e.target.checked)} />
              {flag.label}
            </label>
          ))}
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={f.hints.recommendedWhen.includes("externalService")}
              onChange={(e) => setHint("recommendedWhen", toggle(f.hints.recommendedWhen, "externalService", e.target.checked))}
            />
            重要對外服務之系統建議辦理
          </label>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={f.hints.recommendedWhen.includes("cii")}
              onChange={(e) => setHint("recommendedWhen", toggle(f.hints.recommendedWhen, "cii", e.target.checked))}
            />
            關鍵資訊基礎設施建議辦理
          </label>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={f.hints.placeholders.includes("grade")}
              onChange={(e) => setHint("placeholders", toggle(f.hints.placeholders, "grade", e.target.checked))}
            />
            內容含「_____級」（填入防護等級）
          </label>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={f.hints.placeholders.includes("riskLevel")}
              onChange={(e) => setHint("placeholders", toggle(f.hints.placeholders, "riskLevel", e.target.checked))}
            />
            內容含「未含____等級風險」
          </label>
        </div>
        <div>
          <label htmlFor={id("measure")} className="block text-sm">
            ▲ 對應之責任等級應辦事項
          </label>
          <select
            id={id("measure")}
            value={f.hints.levelMeasure ?? ""}
            onChange={(e) => setHint("levelMeasure", e.target.value || null)}
            aria-describedby={err("hints.levelMeasure") ? id("hints.levelMeasure-error") : undefined}
            className="rounded border border-slate-400 px-2 py-2"
          >
            <option value="">（無）</option>
            {measures.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
          <FieldError id={id("hints.levelMeasure-error")} message={err("hints.levelMeasure")} />
        </div>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="font-semibold">法源依據</legend>
        {f.legalBasis.map((lb, i) => (
          <div key={i} className="grid gap-2 rounded border border-slate-200 p-3 sm:grid-cols-2">
            {(["citation", "current", "source"] as const).map((k) => (
              <div key={k}>
                <label htmlFor={id(`lb-${i}-${k}`)} className="block text-sm">
                  {k === "citation" ? "法源" : k === "current" ? "修正後條次（未變更則留空）" : "出處（如 regulations.md §3.2）"}
                </label>
                <input
                  id={id(`lb-${i}-${k}`)}
                  value={lb[k] ?? ""}
                  onChange={(e) =>
                    set(
                      "legalBasis",
                      f.legalBasis.map((x, j) => (j === i ? { ...x, [k]: k === "current" ? e.target.value || null : e.target.value } : x)),
                    )
                  }
                  aria-invalid={err(`legalBasis.${i}.${k}`) ? true : undefined}
                  aria-describedby={err(`legalBasis.${i}.${k}`) ? id(`legalBasis.${i}.${k}-error`) : undefined}
                  className={`${INPUT} ${err(`legalBasis.${i}.${k}`) ? "border-red-700" : "border-slate-400"}`}
                />
                <FieldError id={id(`legalBasis.${i}.${k}-error`)} message={err(`legalBasis.${i}.${k}`)} />
              </div>
            ))}
            <div>
              <label htmlFor={id(`lb-${i}-rel`)} className="block text-sm">
                可信度
              </label>
              <select
                id={id(`lb-${i}-rel`)}
                value={lb.reliability}
                onChange={(e) =>
                  set(
                    "legalBasis",
                    f.legalBasis.map((x, j) => (j === i ? { ...x, reliability: e.target.value as typeof lb.reliability } : x)),
                  )
                }
                className="rounded border border-slate-400 px-2 py-2"
              >
                {RELIABILITY.map((r) => (
                  <option key={r.value} value={r.value}>
                    {r.label}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className={`${BUTTON_QUIET} ml-3`}
                onClick={() =>
                  set(
                    "legalBasis",
                    f.legalBasis.filter((_, j) => j !== i),
                  )
                }
              >
                移除此法源
              </button>
            </div>
          </div>
        ))}
        <button
          type="button"
          className={BUTTON_QUIET}
          onClick={() => set("legalBasis", [...f.legalBasis, { citation: "", current: null, reliability: "P", source: "" }])}
        >
          新增法源
        </button>
      </fieldset>
      <button type="submit" disabled={busy} className={BUTTON}>
        {busy ? "儲存中…" : mode === "edit" ? "儲存此列" : "新增此列"}
      </button>
    </form>
  );
}
