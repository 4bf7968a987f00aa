"use client";

import Link from "next/link";
import { useTransition } from "react";
import type { TChecklist, TChecklistItem } from "@/lib/cases/checklist";
import { STEP_LABEL, type TStepIssue } from "@/lib/cases/answers";
import { GRADE_LABEL } from "@/lib/catalogue/schema";
import { DecisionTable, type TDecisionActions, type TItemReviews } from "./DecisionTable";
import { isOpenRow, type TDecisionRow, type TRowGlossary } from "@/lib/cases/decision-rows";
import { CHOICE_TEXT, STATUS_LABEL } from "@/lib/cases/labels";
import { BasisSummary } from "@/components/catalogue/BasisBadge";

type TStatus = TChecklistItem["status"];
const STATUS_STYLE: Record<TStatus, string> = {
  standard: "bg-emerald-100 text-emerald-900",
  optional: "bg-sky-100 text-sky-900",
  "needs-decision": "bg-amber-100 text-amber-900",
  "not-applicable": "bg-slate-200 text-slate-700",
};
type TSimple = () => Promise<{ ok: boolean }>;

export function Review({
  caseId,
  editable,
  itemReviews,
  checklist,
  issues,
  ciiBelowMedium,
  typeNames,
  rows,
  glossary,
  presets,
  actions,
  acknowledge,
  raiseGrade,
}: {
  caseId: string;
  /** Decisions can be changed (an officer, on a draft or returned case). */
  editable: boolean;
  itemReviews: TItemReviews;
  checklist: TChecklist;
  issues: TStepIssue[];
  ciiBelowMedium: boolean;
  typeNames: Record<string, string>;
  rows: TDecisionRow[];
  glossary: TRowGlossary;
  presets: string[];
  actions: TDecisionActions;
  acknowledge: TSimple;
  raiseGrade: TSimple;
}) {
  const [pending, startTransition] = useTransition();

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

  const { resolution, counts, changes } = checklist;
  const total = Object.values(counts).reduce((n, c) => n + c, 0);
  const undecided = rows.filter(isOpenRow).length;
  // Only decisions made moot by a change the officer has not yet acknowledged are pointed out.
  const changedIds = new Set(changes.map((c) => c.id));
  const staleDecisions = checklist.staleDecisions.filter((d) => changedIds.has(d.itemId));
  return (
    <div className="space-y-6">
      <section aria-labelledby="summary" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="summary" className="text-lg font-semibold">
          檢核表摘要：系統防護需求等級「{GRADE_LABEL[resolution.effectiveGrade]}」，共 {total} 項（{rows.length} 項需求）
        </h2>
        <ul className="flex flex-wrap gap-2" aria-label="各狀態項目數">
          {(Object.keys(STATUS_LABEL) as TStatus[]).map((s) => (
            <li key={s} className={`rounded px-2 py-1 text-sm ${STATUS_STYLE[s]}`}>
              {STATUS_LABEL[s]}：{counts[s]} 項
            </li>
          ))}
          <li className="rounded border border-slate-300 px-2 py-1 text-sm">待您決定：{undecided} 項</li>
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
                    {(d.text ?? d.itemId).slice(0, 40)}：{CHOICE_TEXT[d.choice] ?? d.choice}（{d.decidedBy}）
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

      <DecisionTable
        caseId={caseId}
        rows={rows}
        glossary={glossary}
        typeNames={typeNames}
        presets={presets}
        editable={editable}
        itemReviews={itemReviews}
        {...actions}
      />
    </div>
  );
}
