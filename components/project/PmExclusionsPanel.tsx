"use client";

import { useId, useRef, useState } from "react";
import { FieldError } from "../ui/FieldError";
import { taipeiTime } from "@/lib/time";

type TExcluded = { reason: string; decidedBy: string; decidedAt: string | Date } | null;
export type TPmItem = { id: string; no: number; title: string; excluded: TExcluded };
export type TPmResult =
  | { ok: true; saved: { reason: string; decidedBy: string; decidedAt: string } | null }
  | { ok: false; code?: string; message: string; issues: { path: string; message: string }[]; current?: unknown };
export type TSavePmExclusion = (itemId: string, values: { exclude: boolean; reason: string }, base?: { reason: string } | null) => Promise<TPmResult>;

/** One item: listed (default) or left out with a reason; what was typed stays until it is saved. */
function PmItemRow({ item, editable, save }: { item: TPmItem; editable: boolean; save: TSavePmExclusion }) {
  const uid = useId();
  const [saved, setSaved] = useState<TExcluded>(item.excluded);
  const [exclude, setExclude] = useState(item.excluded !== null);
  const [reason, setReason] = useState(item.excluded?.reason ?? "");
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const base = useRef<{ reason: string } | null>(item.excluded ? { reason: item.excluded.reason } : null);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await save(item.id, { exclude, reason }, base.current).catch((): TPmResult => ({
      ok: false,
      message: "無法連線到伺服器，請稍後再試；您的輸入仍保留。",
      issues: [],
    }));
    setBusy(false);
    if (r.ok) {
      base.current = r.saved ? { reason: r.saved.reason } : null;
      setSaved(r.saved);
      setError(null);
      setMessage("已儲存");
    } else if (r.code === "conflict") {
      // Someone else changed it meanwhile: say what is stored now; saving again keeps what is typed here.
      const current = (r.current ?? null) as { reason?: string } | null;
      base.current = current?.reason !== undefined ? { reason: current.reason } : null;
      setMessage(`${r.message}。目前為：${current?.reason ? `不列入（理由：${current.reason}）` : "列入本案"}。再按一次儲存即以您的內容為準。`);
    } else {
      setError(r.issues.find((i) => i.path === "reason")?.message ?? null);
      setMessage(r.message);
    }
  };

  const status = saved ? `不列入本案．理由：${saved.reason}（${saved.decidedBy}，${taipeiTime(saved.decidedAt)}）` : "列入本案";
  if (!editable)
    return (
      <li>
        <span className="font-medium">
          {item.no}. {item.title}
        </span>
        ：<span className={saved ? "font-semibold text-amber-800" : ""}>{status}</span>
      </li>
    );
  return (
    <li>
      <form onSubmit={submit} noValidate className="space-y-1">
        <div className="flex flex-wrap items-center gap-3">
          <span className="font-medium">
            {item.no}. {item.title}
          </span>
          <label className="flex items-center gap-1 text-sm">
            <input type="checkbox" checked={exclude} onChange={(e) => setExclude(e.target.checked)} />
            不列入本案
          </label>
          <span className="text-sm text-slate-600">{status}</span>
        </div>
        {exclude && (
          <div>
            <label htmlFor={`${uid}-reason`} className="block text-sm font-medium">
              不列入的理由（必填）
            </label>
            <textarea
              id={`${uid}-reason`}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              rows={2}
              maxLength={500}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${uid}-reason-error` : undefined}
              className="w-full rounded border border-slate-300 p-2 text-sm"
            />
            <FieldError id={`${uid}-reason-error`} message={error ?? undefined} />
          </div>
        )}
        <div className="flex items-center gap-3">
          <button type="submit" disabled={busy} className="rounded border border-brand-700 px-2 py-1 text-sm font-semibold text-brand-700">
            儲存
          </button>
          {message && (
            <p role="status" className="text-sm">
              {message}
            </p>
          )}
        </div>
      </form>
    </li>
  );
}

/**
 * 專案管理需求 (003) that apply to the case. The officer may leave an item out with a reason, as for a ◎
 * item: the documents then drop it, and the internal 資安風險接受紀錄 lists it with the reason.
 */
export function PmExclusionsPanel({ items, editable, save }: { items: readonly TPmItem[]; editable: boolean; save: TSavePmExclusion }) {
  if (!items.length) return null;
  const excluded = items.filter((i) => i.excluded).length;
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4" open={excluded > 0}>
      <summary className="cursor-pointer font-semibold">
        專案管理需求（{items.length} 項適用{excluded ? `，${excluded} 項不列入` : ""}）
      </summary>
      <p className="mt-2 text-sm text-slate-600">
        依「政府資訊作業委外安全管理」專案管理需求參考內容，下列項目適用本案之委外類型，預設列入文件。不列入者須說明理由，資安長審查時可見。
      </p>
      <ul className="mt-3 space-y-3">
        {items.map((item) => (
          <PmItemRow key={item.id} item={item} editable={editable} save={save} />
        ))}
      </ul>
    </details>
  );
}
