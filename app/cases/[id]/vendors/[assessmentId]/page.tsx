import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { taipeiTime, taipeiToday } from "@/lib/time";
import { reviewView, type TReviewRow } from "@/lib/vendor/assessment/review-view";
import { NONCONFORMITY_REASON_LABEL, type TNonconformityReason } from "@/lib/vendor/assessment/review";
import { NONCONFORMITY_STATUS_LABEL } from "@/lib/vendor/assessment/summary";
import { REVIEW_LABEL } from "@/lib/vendor/assessment/export";
import { ASSESSMENT_STATUS_LABEL, VENDOR_ANSWER_LABEL } from "@/lib/vendor/assessment/rules";
import { ActionButton } from "@/components/ui/ActionButton";
import { AnswerReviewForm } from "@/components/vendor/AnswerReviewForm";
import { AssessmentSummary } from "@/components/vendor/AssessmentSummary";
import { NonconformityCloseForm } from "@/components/vendor/NonconformityCloseForm";
import { requireUser } from "../../../../_server/auth";
import { acceptRemainingAction, closeNonconformityAction, finishReviewAction, reviewAnswersAction } from "./actions";

export const metadata: Metadata = { title: "審查廠商自評" };
export const dynamic = "force-dynamic";

const FILTERS = { pending: "待審", no: "否", returned: "退回", all: "全部" } as const;
type TFilter = keyof typeof FILTERS;
const EVENT_LABEL: Record<string, string> = { save: "儲存", import: "匯入 Word", submit: "送出", accept: "機關接受", return: "機關退回", answer: "廠商回覆" };

const kb = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

function matches(r: TReviewRow, f: TFilter) {
  if (f === "pending") return !r.review;
  if (f === "no") return r.answer === "no";
  if (f === "returned") return r.review === "returned";
  return true;
}

/** /cases/:id/vendors/:assessmentId — the agency's review of one vendor's self-assessment (the officer acts; the CISO reads). */
export default async function AssessmentReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; assessmentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id, assessmentId } = await params;
  if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(assessmentId).success) notFound();
  const user = await requireUser({ roles: ["officer", "ciso"] });
  const view = await reviewView(db(), user, assessmentId).catch((e: unknown) => {
    if (isDomainError(e)) return null;
    throw e;
  });
  if (!view || view.assessment.caseId !== id) notFound();
  const sp = await searchParams;
  const raw = typeof sp.filter === "string" ? sp.filter : "";
  const a = view.assessment;
  const reviewing = a.status === "submitted";
  const filter: TFilter = raw in FILTERS ? (raw as TFilter) : reviewing ? "pending" : "all";
  const officer = user.roles.includes("officer") && reviewing;
  const today = taipeiToday();
  const shown = view.rows.filter((r) => matches(r, filter));
  const pending = view.rows.filter((r) => !r.review).length;
  const base = `/cases/${id}/vendors/${assessmentId}`;
  const review = reviewAnswersAction.bind(null, id, assessmentId);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        案件：{view.record.title || "（未命名案件）"}．第 {view.record.revision} 版{view.contract && <>．契約 {view.contract.contractNumber}</>}．
        <Link href={`/cases/${id}/vendors`} className="text-brand-700 underline">
          回到廠商自評清單
        </Link>
      </p>
      <h1 className="text-2xl font-bold">審查廠商自評：{a.vendorName}</h1>
      <p>
        狀態：<strong>{ASSESSMENT_STATUS_LABEL[a.status]}</strong>．第 {a.round} 輪{a.submittedAt && <>．{taipeiTime(a.submittedAt)} 送出</>}
      </p>
      <AssessmentSummary summary={view.summary} />
      <p className="flex flex-wrap gap-4 text-sm">
        <a href={`${base}/export`} className="text-brand-700 underline">
          下載審查結果（Word）
        </a>
        <Link href={`/cases/${id}/vendors/${assessmentId}/import`} className="text-brand-700 underline">
          代廠商上傳 Word 檔
        </Link>
      </p>
      {!reviewing && (
        <p role="note" className="rounded border border-slate-300 bg-slate-50 p-3 text-sm">
          {a.status === "draft" || a.status === "returned" ? "廠商尚未送出（或正在修正），送出後才能審查。" : "本自評表已審查完成。"}
        </p>
      )}
      {officer && (
        <div className="flex flex-wrap items-start gap-4 rounded-lg border border-slate-200 bg-white p-3">
          {pending > 0 && (
            <ActionButton
              variant="secondary"
              label={`其餘 ${pending} 項全部接受`}
              confirm={`接受其餘 ${pending} 項填答？其中的「否」會列為不符合事項。`}
              action={acceptRemainingAction.bind(null, id, assessmentId)}
            />
          )}
          <ActionButton label="完成審查" confirm={pending ? undefined : "完成審查並通知廠商？"} action={finishReviewAction.bind(null, id, assessmentId)} />
          {pending > 0 && <p className="text-sm text-slate-600">尚有 {pending} 項未審查；全部審查後才能完成審查。</p>}
        </div>
      )}
      <nav aria-label="篩選" className="flex gap-3 text-sm">
        {(Object.keys(FILTERS) as TFilter[]).map((f) => (
          <Link
            key={f}
            href={`${base}?filter=${f}`}
            aria-current={f === filter ? "page" : undefined}
            className={f === filter ? "font-bold" : "text-brand-700 underline"}
          >
            {FILTERS[f]}（{view.rows.filter((r) => matches(r, f)).length}）
          </Link>
        ))}
      </nav>
      <ol className="space-y-3">
        {shown.length === 0 && <li className="text-slate-600">沒有符合篩選的項目。</li>}
        {shown.map((r) => (
          <li key={r.id} data-row={r.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
            <p className="text-xs text-slate-600">{r.group}</p>
            <h2 className="font-semibold">{r.name}</h2>
            {r.text && <p className="whitespace-pre-line text-sm text-slate-700">{r.text}</p>}
            <dl className="grid gap-1 text-sm sm:grid-cols-[8rem_1fr]">
              <dt className="text-slate-600">符合</dt>
              <dd className="font-semibold">{r.answer ? VENDOR_ANSWER_LABEL[r.answer] : "（未填）"}</dd>
              <dt className="text-slate-600">佐證資料</dt>
              <dd className="whitespace-pre-line">{r.evidence || "（無）"}</dd>
              <dt className="text-slate-600">佐證檔案</dt>
              <dd>
                {r.files.length === 0 ? (
                  "（無）"
                ) : (
                  <ul>
                    {r.files.map((f) => (
                      <li key={f.id}>
                        <a href={`${base}/files/${f.id}`} className="text-brand-700 underline">
                          {f.name}
                        </a>{" "}
                        <span className="text-slate-600">
                          {kb(f.size)}．SHA-256 <span className="break-all font-mono text-xs">{f.sha256}</span>
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
              <dt className="text-slate-600">說明</dt>
              <dd className="whitespace-pre-line">{r.note || "（無）"}</dd>
              <dt className="text-slate-600">審查</dt>
              <dd>
                {REVIEW_LABEL[r.review]}
                {r.reviewComment && <>：{r.reviewComment}</>}
                {r.reviewedByName && <span className="text-slate-600">（{r.reviewedByName}）</span>}
              </dd>
            </dl>
            {r.nonconformities.length > 0 && (
              <ul className="space-y-1 text-sm" aria-label="不符合事項">
                {r.nonconformities.map((n) => (
                  <li
                    key={n.id}
                    data-nonconformity={n.id}
                    className={`rounded border p-2 ${n.status === "overdue" ? "border-red-300 bg-red-50" : "border-amber-300 bg-amber-50"}`}
                  >
                    不符合事項（{NONCONFORMITY_REASON_LABEL[n.reason as TNonconformityReason] ?? n.reason}）．期限 {n.dueOn}（{n.dueBasis}）．
                    <strong>{NONCONFORMITY_STATUS_LABEL[n.status]}</strong>
                    {n.daysOverdue > 0 && <>，逾期 {n.daysOverdue} 天</>}
                    {n.closedAt && (
                      <>
                        ．{taipeiTime(n.closedAt)} {n.closedByName} 結案：{n.closeNote}
                      </>
                    )}
                    {user.roles.includes("officer") && !n.closedAt && (
                      <NonconformityCloseForm id={n.id} close={closeNonconformityAction.bind(null, id, assessmentId, n.id)} />
                    )}
                  </li>
                ))}
              </ul>
            )}
            {r.history.length > 0 && (
              <details className="text-sm">
                <summary className="cursor-pointer">歷程（{r.history.length}）</summary>
                <ol className="mt-1 space-y-1">
                  {r.history.map((h, i) => (
                    <li key={i}>
                      第 {h.round} 輪．{taipeiTime(h.at, "short")}．{h.byName}．{EVENT_LABEL[h.action] ?? h.action}
                      {h.answer && <>：{VENDOR_ANSWER_LABEL[h.answer as keyof typeof VENDOR_ANSWER_LABEL] ?? h.answer}</>}
                      {h.note && <>．說明：{h.note}</>}
                      {h.comment && <>．意見：{h.comment}</>}
                    </li>
                  ))}
                </ol>
              </details>
            )}
            {officer && r.answer && (
              <AnswerReviewForm
                rowId={r.id}
                answer={r.answer}
                comment={r.reviewComment}
                defaultDue={view.defaultDue?.dueOn ?? ""}
                today={today}
                review={review}
              />
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
