import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { taipeiTime } from "@/lib/time";
import { contractView, OBLIGATION_STATUS_LABEL, type TObligationView } from "@/lib/contracts/store";
import { ActionButton } from "@/components/ui/ActionButton";
import { EvidenceUpload } from "@/components/contracts/EvidenceUpload";
import { ReviewForm } from "@/components/contracts/ReviewForm";
import { IncidentForm } from "@/components/contracts/IncidentForm";
import { AssessmentSummary } from "@/components/vendor/AssessmentSummary";
import { NONCONFORMITY_STATUS_LABEL } from "@/lib/vendor/assessment/summary";
import { ASSESSMENT_STATUS_LABEL } from "@/lib/vendor/assessment/rules";
import { requireUser } from "../../_server/auth";
import { amendContractAction, markDeadlineMetAction, recordIncidentAction, reviewObligationAction, signOffMilestoneAction } from "../actions";

export const metadata: Metadata = { title: "契約履約義務" };
export const dynamic = "force-dynamic";

const EVENT_LABEL: Record<string, string> = { submit: "繳交佐證", approve: "核可", return: "退回" };
const STATE_LABEL = { met: "已完成", open: "進行中", overdue: "逾期" } as const;
const STATUS_STYLE: Record<string, string> = {
  overdue: "bg-red-100 text-red-800",
  returned: "bg-amber-100 text-amber-900",
  submitted: "bg-sky-100 text-sky-900",
  approved: "bg-emerald-100 text-emerald-900",
  due: "bg-yellow-100 text-yellow-900",
  "not-due": "bg-slate-100 text-slate-800",
};

function ObligationRow({ o, contractId, manage }: { o: TObligationView; contractId: string; manage: boolean }) {
  const current = o.files.filter((f) => !f.replacedById).at(-1);
  return (
    <li className={`space-y-2 rounded border border-slate-200 bg-white p-3 ${o.active ? "" : "opacity-60"}`} data-obligation={o.title}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="font-semibold">{o.title}</span>
        <span className={`rounded px-2 py-0.5 text-sm ${STATUS_STYLE[o.status]}`} data-status={o.status}>
          {o.active ? OBLIGATION_STATUS_LABEL[o.status] : "已不適用（契約變更）"}
        </span>
      </div>
      <p className="text-sm text-slate-700">
        {o.owner === "agency" ? "機關應辦" : "廠商"}．期限：{o.dueOn ?? "事件發生時"}
      </p>
      <details className="text-sm">
        <summary className="cursor-pointer">依據</summary>
        <p className="mt-1 text-slate-700">{o.basis}</p>
      </details>
      {o.status === "returned" && <p className="text-sm text-amber-900">退回意見：{o.reviewComment}</p>}
      {o.files.length > 0 && (
        <ul className="text-sm">
          {o.files.map((f) => (
            <li key={f.id}>
              <a href={`/contracts/${contractId}/files/${f.id}`} className="text-brand-700 underline">
                {f.name}
              </a>{" "}
              （{Math.ceil(f.size / 1024)} KB，SHA-256 <code className="break-all">{f.sha256}</code>，{f.uploadedByName}，{taipeiTime(f.uploadedAt, "short")}）
              {f.replacedById && <span className="text-slate-600">〔已被取代〕</span>}
            </li>
          ))}
        </ul>
      )}
      {o.events.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer">歷程（{o.events.length}）</summary>
          <ol className="mt-1 list-decimal pl-6">
            {o.events.map((e, i) => (
              <li key={i}>
                {taipeiTime(e.at, "short")} {e.byName} {EVENT_LABEL[e.action] ?? e.action}
                {e.comment && `：${e.comment}`}
              </li>
            ))}
          </ol>
        </details>
      )}
      {manage && o.active && o.status !== "approved" && (
        <div className="flex flex-wrap gap-6">
          <EvidenceUpload
            url={`/api/contracts/${contractId}/obligations/${o.id}/evidence`}
            {...(current ? { replaces: current.id } : {})}
            label={current ? "上傳新版佐證（取代目前檔案，舊檔保留於歷程）" : "上傳佐證檔案"}
          />
          {o.status === "submitted" && <ReviewForm name={o.id} review={reviewObligationAction.bind(null, o.id)} />}
        </div>
      )}
    </li>
  );
}

/** /contracts/:id — the obligations register: obligations with status (Taipei today), evidence, milestones, incidents. */
export default async function ContractPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const user = await requireUser({ roles: ["officer", "ciso", "admin"] });
  const view = await contractView(db(), id, user).catch((e: unknown) => {
    if (isDomainError(e)) return null;
    throw e;
  });
  if (!view) notFound();
  const { contract, record, milestones, obligations, incidents, laterRevisions, today, vendorAssessments } = view;
  const canReview = user.roles.includes("officer") || user.roles.includes("ciso");
  const manage = user.roles.includes("officer");
  const isCiso = user.roles.includes("ciso");
  const active = obligations.filter((o) => o.active);
  const warnings = [...new Set(incidents.flatMap((i) => i.deadlines.flatMap((d) => (d.warnings ?? []).map((w) => w.message))))];
  return (
    <div className="space-y-6">
      <div>
        <Link href="/contracts" className="text-brand-700 underline">
          契約履約
        </Link>
        <h1 className="text-2xl font-bold">契約 {contract.contractNumber}</h1>
        <p>
          {contract.vendorName}（統一編號 {contract.vendorTaxId}）．決標 {contract.awardedOn}．簽約 {contract.signedOn}．期間 {contract.startOn}～
          {contract.endOn}
        </p>
        <p className="text-sm text-slate-700">
          依據案件{" "}
          <Link href={`/cases/${record.id}/review`} className="text-brand-700 underline">
            {record.title || "（未命名案件）"}．第 {record.revision} 版
          </Link>
          ．今日（臺北）{today}
        </p>
      </div>

      {manage && laterRevisions.length > 0 && (
        <section aria-labelledby="amend-title" className="space-y-2 rounded-lg border border-sky-300 bg-sky-50 p-4">
          <h2 id="amend-title" className="font-semibold">
            契約變更
          </h2>
          <p>本案有較新的核定版本。契約變更後將重新計算履約義務；已繳交的佐證與審查紀錄保留。</p>
          {laterRevisions.map((r) => (
            <ActionButton
              key={r.id}
              label={`改用第 ${r.revision} 版（契約變更）`}
              confirm={`確定將契約改用第 ${r.revision} 版？`}
              action={amendContractAction.bind(null, contract.id, r.id, contract.lockVersion)}
            />
          ))}
        </section>
      )}

      <section aria-labelledby="milestones-title" className="space-y-2">
        <h2 id="milestones-title" className="text-lg font-semibold">
          驗收階段
        </h2>
        {milestones.length === 0 ? (
          <p className="text-slate-700">未設定驗收階段（於契約結束時驗收）。</p>
        ) : (
          <ul className="space-y-2">
            {milestones.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-4 rounded border border-slate-200 bg-white p-3">
                <span className="font-semibold">
                  {m.name}（{m.dueOn}）
                </span>
                <a href={`/contracts/${contract.id}/acceptance/${m.id}`} className="text-brand-700 underline">
                  下載資安驗收檢核表（DOCX）
                </a>
                {m.signedOffAt ? (
                  <span className="text-sm text-emerald-800">
                    資安長 {m.signedOffByName} 已於 {taipeiTime(m.signedOffAt, "short")} 簽核
                  </span>
                ) : (
                  isCiso && (
                    <ActionButton
                      variant="secondary"
                      label="簽核此驗收階段"
                      confirm={`確定簽核「${m.name}」？`}
                      action={signOffMilestoneAction.bind(null, m.id)}
                    />
                  )
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="obligations-title" className="space-y-2">
        <h2 id="obligations-title" className="text-lg font-semibold">
          履約義務（{active.length}）
        </h2>
        <ul className="space-y-2">
          {obligations.map((o) => (
            <ObligationRow key={o.id} o={o} contractId={contract.id} manage={manage} />
          ))}
        </ul>
      </section>

      <section aria-labelledby="nonconformities-title" className="space-y-2">
        <h2 id="nonconformities-title" className="text-lg font-semibold">
          廠商自評與不符合事項（未結案 {vendorAssessments.nonconformities.filter((n) => n.status !== "closed").length}）
        </h2>
        {vendorAssessments.summary && <AssessmentSummary summary={vendorAssessments.summary} title="廠商自評摘要" />}
        {vendorAssessments.assessments.length === 0 ? (
          <p className="text-sm text-slate-600">尚無廠商自評。</p>
        ) : (
          <ul className="text-sm">
            {vendorAssessments.assessments.map((a) => (
              <li key={a.id}>
                {canReview ? (
                  <Link href={`/cases/${a.caseId}/vendors/${a.id}`} className="text-brand-700 underline">
                    {a.vendorName}
                  </Link>
                ) : (
                  a.vendorName
                )}
                ：{ASSESSMENT_STATUS_LABEL[a.status]}．第 {a.round} 輪
              </li>
            ))}
          </ul>
        )}
        {vendorAssessments.nonconformities.length > 0 && (
          <ul className="space-y-2">
            {vendorAssessments.nonconformities.map((n) => (
              <li key={n.id} data-nonconformity={n.id} className="rounded border border-slate-200 bg-white p-3 text-sm">
                <span className={`mr-2 rounded px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[n.status === "closed" ? "approved" : n.status]}`}>
                  {NONCONFORMITY_STATUS_LABEL[n.status]}
                </span>
                不符合事項：{n.rowName}（{n.vendorName}）．期限 {n.dueOn}（{n.dueBasis}）{n.daysOverdue > 0 && <>．逾期 {n.daysOverdue} 天</>}
                {n.comment && <>．意見：{n.comment}</>}
                {n.closedAt && (
                  <>
                    ．{taipeiTime(n.closedAt, "short")} {n.closedByName} 結案：{n.closeNote}
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="incidents-title" className="space-y-3">
        <h2 id="incidents-title" className="text-lg font-semibold">
          資安事件
        </h2>
        {warnings.map((w) => (
          <p key={w} role="note" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm">
            {w}
          </p>
        ))}
        {incidents.map((i) => (
          <article key={i.id} className="space-y-2 rounded border border-slate-200 bg-white p-3" data-incident={i.id}>
            <h3 className="font-semibold">
              第 {i.level} 級．廠商知悉 {taipeiTime(i.knownAt, "short")}．{i.recordedByName} 記錄
            </h3>
            <p>{i.description}</p>
            <table className="w-full text-left text-sm">
              <thead>
                <tr>
                  <th className="py-1">期限</th>
                  <th className="py-1">時間（臺北）</th>
                  <th className="py-1">狀態</th>
                  <th className="py-1">依據</th>
                </tr>
              </thead>
              <tbody>
                {i.deadlines.map((d) => (
                  <tr key={d.key} data-deadline={d.key} className="align-top">
                    <td className="py-1 pr-2">{d.label}</td>
                    <td className="py-1 pr-2">{taipeiTime(d.at, "short")}</td>
                    <td className={`py-1 pr-2 ${d.state === "overdue" ? "font-semibold text-red-700" : ""}`}>
                      {STATE_LABEL[d.state]}
                      {manage && d.state !== "met" && (
                        <ActionButton variant="secondary" label="標記完成" action={markDeadlineMetAction.bind(null, i.id, d.key)} />
                      )}
                    </td>
                    <td className="py-1 text-slate-700">{d.basis}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </article>
        ))}
        {manage && (
          <details className="rounded-lg border border-slate-200 bg-white p-4">
            <summary className="cursor-pointer font-semibold">記錄資安事件</summary>
            <div className="mt-3">
              <IncidentForm record={recordIncidentAction.bind(null, contract.id)} />
            </div>
          </details>
        )}
      </section>
    </div>
  );
}
