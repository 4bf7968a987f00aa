"use client";

import Link from "next/link";
import { useMemo, useState, useTransition } from "react";
import type { TChecklist, TChecklistItem } from "@/lib/cases/checklist";
import { STEP_LABEL, type TStepIssue } from "@/lib/cases/answers";
import { GRADE_LABEL } from "@/lib/catalogue/schema";
import { DecisionForm, CHOICE_LABEL, type TSaveDecision } from "./DecisionForm";
import { STATUS_LABEL } from "@/lib/cases/labels";
import { BasisBadge, BasisSummary } from "@/components/catalogue/BasisBadge";

type TStatus = TChecklistItem["status"];
const STATUS_STYLE: Record<TStatus, string> = {
  standard: "bg-emerald-100 text-emerald-900",
  optional: "bg-sky-100 text-sky-900",
  "needs-decision": "bg-amber-100 text-amber-900",
  "not-applicable": "bg-slate-200 text-slate-700",
};
type TSimple = () => Promise<{ ok: boolean }>;
const REVIEW_LABEL: Record<string, string> = { approve: "同意", return: "退回，請修正", "accept-risk": "接受風險" };

export function Review({
  caseId,
  editable,
  itemReviews,
  checklist,
  issues,
  ciiBelowMedium,
  typeNames,
  saveDecision,
  acknowledge,
  raiseGrade,
}: {
  caseId: string;
  /** Decisions can be changed (an officer, on a draft or returned case). */
  editable: boolean;
  /** The CISO's latest verdict per item. */
  itemReviews: Record<string, { verdict: string; comment: string; reviewerName: string }>;
  checklist: TChecklist;
  issues: TStepIssue[];
  ciiBelowMedium: boolean;
  typeNames: Record<string, string>;
  saveDecision: TSaveDecision;
  acknowledge: TSimple;
  raiseGrade: TSimple;
}) {
  const [status, setStatus] = useState<TStatus | "undecided" | "">("");
  const [type, setType] = useState("");
  const [category, setCategory] = useState("");
  const [pending, startTransition] = useTransition();

  const items = useMemo(() => (checklist.ok ? checklist.items : []), [checklist]);
  const categories = useMemo(() => [...new Set(items.filter((i) => !type || i.serviceType === type).map((i) => i.category))], [items, type]);
  const shown = items.filter(
    (i) =>
      (!status || (status === "undecided" ? i.decisionKind && !i.decision : i.status === status)) &&
      (!type || i.serviceType === type) &&
      (!category || i.category === category),
  );

  if (!checklist.ok) {
    const steps = [...new Set(issues.map((i) => i.step))];
    return (
      <div role="alert" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
        <p className="font-semibold">還有步驟尚未完成，完成後即可產出檢核表：</p>
        <ul className="list-disc space-y-1 pl-6">
          {steps.map((step) => (
            <li key={step}>
              <Link href={`/cases/${caseId}/${step}`} className="text-brand-700 underline">
                {STEP_LABEL[step]}
              </Link>
              ：
              {issues
                .filter((i) => i.step === step)
                .map((i) => i.message)
                .join("；")}
            </li>
          ))}
        </ul>
      </div>
    );
  }

  const { resolution, counts, changes, undecided } = checklist;
  // Only decisions made moot by a change the officer has not yet acknowledged are pointed out.
  const changedIds = new Set(changes.map((c) => c.id));
  const staleDecisions = checklist.staleDecisions.filter((d) => changedIds.has(d.itemId));
  return (
    <div className="space-y-6">
      <section aria-labelledby="summary" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="summary" className="text-lg font-semibold">
          檢核表摘要：系統防護需求等級「{GRADE_LABEL[resolution.effectiveGrade]}」，共 {items.length} 項
        </h2>
        <ul className="flex flex-wrap gap-2" aria-label="各狀態項目數">
          {(Object.keys(STATUS_LABEL) as TStatus[]).map((s) => (
            <li key={s} className={`rounded px-2 py-1 text-sm ${STATUS_STYLE[s]}`}>
              {STATUS_LABEL[s]}：{counts[s]} 項
            </li>
          ))}
          <li className="rounded border border-slate-300 px-2 py-1 text-sm">待您決定：{undecided.length} 項</li>
        </ul>
        <BasisSummary summary={resolution.basisSummary} version={resolution.catalogueVersion} />
      </section>

      {editable && (changes.length > 0 || staleDecisions.length > 0) && (
        <section aria-labelledby="changes" className="space-y-2 rounded-lg border border-sky-300 bg-sky-50 p-4">
          <h2 id="changes" className="font-semibold">
            自您上次檢視後，檢核表有變動
          </h2>
          {changes.length > 0 && (
            <ul className="list-disc pl-6 text-sm">
              {changes.map((c) => (
                <li key={c.id}>
                  {c.text.slice(0, 40)}
                  {c.text.length > 40 ? "…" : ""}：{c.from ? STATUS_LABEL[c.from] : "（新出現）"} → {c.to ? STATUS_LABEL[c.to] : "（已不在本案）"}
                </li>
              ))}
            </ul>
          )}
          {staleDecisions.length > 0 && (
            <>
              <p className="text-sm font-semibold">下列決定已不適用於目前的檢核表（紀錄保留）：</p>
              <ul className="list-disc pl-6 text-sm">
                {staleDecisions.map((d) => (
                  <li key={d.itemId}>
                    {(d.text ?? d.itemId).slice(0, 40)}：{CHOICE_LABEL[d.choice] ?? d.choice}（{d.decidedBy}）
                  </li>
                ))}
              </ul>
            </>
          )}
          <button
            type="button"
            disabled={pending}
            onClick={() => startTransition(async () => void (await acknowledge()))}
            className="rounded border border-sky-700 px-3 py-1 text-sm text-sky-900"
          >
            我知道了
          </button>
        </section>
      )}

      {resolution.warnings.length > 0 && (
        <section aria-labelledby="warnings" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 id="warnings" className="font-semibold">
            提醒
          </h2>
          <ul className="list-disc space-y-1 pl-6 text-sm">
            {resolution.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          {ciiBelowMedium && editable && (
            <button
              type="button"
              disabled={pending}
              onClick={() => startTransition(async () => void (await raiseGrade()))}
              className="rounded bg-amber-700 px-3 py-1.5 text-sm font-semibold text-white"
            >
              將系統防護需求等級提高為「中」
            </button>
          )}
        </section>
      )}

      {resolution.agencyObligations.length > 0 && (
        <section aria-labelledby="agency-duties" className="space-y-2 rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="agency-duties" className="font-semibold">
            機關應辦事項（非廠商義務）
          </h2>
          <ul className="list-disc space-y-1 pl-6 text-sm">
            {resolution.agencyObligations.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="items" className="space-y-3">
        <h2 id="items" className="text-lg font-semibold">
          檢核表（顯示 {shown.length}／{items.length} 項）
        </h2>
        <div className="flex flex-wrap gap-3 rounded-lg border border-slate-200 bg-white p-3">
          <Filter id="filter-status" label="狀態" value={status} onChange={(v) => setStatus(v as TStatus | "")}>
            <option value="">全部</option>
            <option value="undecided">待您決定</option>
            {(Object.keys(STATUS_LABEL) as TStatus[]).map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </Filter>
          <Filter
            id="filter-type"
            label="服務類型"
            value={type}
            onChange={(v) => {
              setType(v);
              setCategory("");
            }}
          >
            <option value="">全部</option>
            {Object.entries(typeNames)
              .filter(([k]) => items.some((i) => i.serviceType === k))
              .map(([k, name]) => (
                <option key={k} value={k}>
                  {name}
                </option>
              ))}
          </Filter>
          <Filter id="filter-category" label="項目" value={category} onChange={setCategory}>
            <option value="">全部</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Filter>
        </div>
        <ol className="space-y-3">
          {shown.map((item) => (
            <li key={item.id} id={`item-${item.id}`} data-item-id={item.id} className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <span className={`rounded px-2 py-0.5 font-semibold ${STATUS_STYLE[item.status]}`}>{STATUS_LABEL[item.status]}</span>
                <span className="text-slate-600">
                  {typeNames[item.serviceType]}．{item.category}．一覽表標示 {item.mark === "-" ? "－" : item.mark}
                </span>
                {item.thirdPartyTesting && <span className="rounded bg-violet-100 px-2 py-0.5 text-violet-900">機關應自行或委託第三方檢測</span>}
                {item.cisoConfirm && <span className="rounded bg-rose-100 px-2 py-0.5 text-rose-900">需資安長確認風險</span>}
              </div>
              <p className="mt-2 leading-relaxed">{item.filledText}</p>
              {item.frequency && <p className="mt-1 text-sm text-slate-700">頻率／期限：{item.frequency}</p>}
              {item.basis && <BasisBadge basis={item.basis} />}
              <details className="mt-2 text-sm">
                <summary className="cursor-pointer text-brand-700">理由與依據（{item.reasons.length}）</summary>
                <ul className="mt-1 list-disc space-y-1 pl-6 text-slate-700">
                  {item.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              </details>
              {itemReviews[item.id] && (
                <p className={`mt-2 rounded p-2 text-sm ${itemReviews[item.id]!.verdict === "return" ? "bg-amber-50 text-amber-900" : "bg-slate-50"}`}>
                  資安長（{itemReviews[item.id]!.reviewerName}）：{REVIEW_LABEL[itemReviews[item.id]!.verdict] ?? itemReviews[item.id]!.verdict}
                  {itemReviews[item.id]!.comment && `．${itemReviews[item.id]!.comment}`}
                </p>
              )}
              {item.decisionKind && !editable && item.decision && (
                <p className="mt-2 text-sm">
                  決定：{CHOICE_LABEL[item.decision.choice] ?? item.decision.choice}
                  {item.decision.reference && `（${item.decision.reference}）`}
                  {item.decision.reason && `．理由：${item.decision.reason}`}（{item.decision.decidedBy}）
                </p>
              )}
              {item.decisionKind && editable && (
                <DecisionForm caseId={caseId} itemId={item.id} kind={item.decisionKind} saved={item.decision} save={saveDecision} />
              )}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function Filter({
  id,
  label,
  value,
  onChange,
  children,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  children: React.ReactNode;
}) {
  return (
    <div className="flex flex-col">
      <label htmlFor={id} className="text-sm font-semibold">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className="rounded border border-slate-400 px-2 py-1.5">
        {children}
      </select>
    </div>
  );
}
