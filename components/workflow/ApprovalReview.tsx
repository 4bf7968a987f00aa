"use client";

import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { TApprovalViewItem } from "@/lib/cases/approval-view";
import { CommentThread } from "./CommentThread";

export type TApprovalItem = TApprovalViewItem;
type TResult = { ok: true } | { ok: false; message: string; issues: { path: string; message: string }[] };

const VERDICT_LABEL: Record<string, string> = { approve: "同意", return: "退回", "accept-risk": "接受風險" };

function ItemDetails({ item }: { item: TApprovalItem }) {
  return (
    <>
      <p className="text-sm text-slate-600">
        {item.serviceTypeName}．{item.statusLabel}
        {item.why.map((w) => (
          <span key={w} className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">
            {w}
          </span>
        ))}
      </p>
      <p>{item.text}</p>
      {item.decision && <p className="text-sm text-slate-700">承辦人決定：{item.decision}</p>}
      {item.change && (
        <div className="rounded border border-sky-300 bg-sky-50 p-2 text-sm">
          <p className="font-semibold">自上次送審後變更</p>
          <p>
            原：{item.change.before}
            <br />
            新：{item.change.after}
          </p>
        </div>
      )}
      <details className="text-sm">
        <summary className="cursor-pointer text-brand-700">理由與依據</summary>
        <ul className="mt-1 list-disc pl-6">
          {item.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
          {item.basis && <li>依據：{item.basis}</li>}
        </ul>
      </details>
      {item.thread.length > 0 && (
        <div className="text-sm">
          <p className="font-semibold">意見往來</p>
          <CommentThread thread={item.thread} />
        </div>
      )}
    </>
  );
}

function ItemReview({ item, review }: { item: TApprovalItem; review: (input: unknown) => Promise<TResult> }) {
  const uid = useId();
  const router = useRouter();
  const [verdict, setVerdict] = useState(item.verdict?.verdict ?? "");
  const saved = item.verdict?.comment ?? "";
  const [comment, setComment] = useState(saved);
  const [reviewBy, setReviewBy] = useState(item.verdict?.riskReviewBy ?? "");
  // An earlier verdict's comment is never the new verdict's: changing the verdict clears it, unless the
  // CISO has written in the box since (what they typed is kept).
  const changeVerdict = (v: string) => {
    if (v !== verdict && comment === saved) setComment("");
    setVerdict(v);
  };
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const options = item.riskAcceptance ? ["accept-risk", "return"] : ["approve", "return"];
  return (
    <li id={`review-${item.id}`} className="space-y-2 rounded border border-slate-200 bg-white p-3">
      <ItemDetails item={item} />
      <fieldset>
        <legend className="text-sm font-semibold">{item.riskAcceptance ? "資安長確認風險" : "審查意見"}</legend>
        <div className="flex flex-wrap gap-x-5">
          {options.map((v) => (
            <label key={v} className="flex items-center gap-2 py-1">
              <input type="radio" name={`${uid}-verdict`} value={v} checked={verdict === v} onChange={() => changeVerdict(v)} className="size-4" />
              {VERDICT_LABEL[v]}
            </label>
          ))}
        </div>
        {errors.verdict && <p className="text-sm font-semibold text-red-700">{errors.verdict}</p>}
      </fieldset>
      {item.riskAcceptance && verdict === "accept-risk" && (
        <div className="rounded border border-amber-300 bg-amber-50 p-2 text-sm">
          <p className="font-semibold">您接受的風險</p>
          <p>{item.verdict?.verdict === "accept-risk" && item.verdict.riskStatement && !item.verdict.stale ? item.verdict.riskStatement : item.riskPreview}</p>
          <label htmlFor={`${uid}-review-by`} className="mt-2 block font-semibold">
            重新檢視日期（選填）
          </label>
          <input
            id={`${uid}-review-by`}
            type="date"
            value={reviewBy}
            onChange={(e) => setReviewBy(e.target.value)}
            aria-invalid={errors.reviewBy ? true : undefined}
            aria-describedby={errors.reviewBy ? `${uid}-review-by-error` : undefined}
            className="mt-1 rounded border border-slate-400 px-2 py-1"
          />
          {errors.reviewBy && (
            <p id={`${uid}-review-by-error`} className="font-semibold text-red-700">
              {errors.reviewBy}
            </p>
          )}
        </div>
      )}
      {saved && verdict !== item.verdict?.verdict && (
        <p className="text-sm text-slate-700">
          先前意見（{VERDICT_LABEL[item.verdict!.verdict]}）：{saved}
        </p>
      )}
      <div>
        <label htmlFor={`${uid}-comment`} className="block text-sm font-semibold">
          意見{verdict === "approve" ? "（選填）" : "（必填）"}
        </label>
        <textarea
          id={`${uid}-comment`}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          rows={2}
          aria-invalid={errors.comment ? true : undefined}
          aria-describedby={errors.comment ? `${uid}-comment-error` : undefined}
          className="mt-1 w-full rounded border border-slate-400 px-2 py-1.5"
        />
        {errors.comment && (
          <p id={`${uid}-comment-error`} className="text-sm font-semibold text-red-700">
            {errors.comment}
          </p>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const r = await review({ itemId: item.id, verdict, comment, reviewBy: verdict === "accept-risk" ? reviewBy : "" });
              if (r.ok) {
                setErrors({});
                setMessage(null);
                router.refresh();
              } else {
                setErrors(Object.fromEntries(r.issues.map((i) => [i.path, i.message])));
                setMessage(r.message);
              }
            })
          }
          className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-60"
        >
          儲存審查意見
        </button>
        <p role="status" className="text-sm">
          {message ? (
            <span className="text-red-700">{message}</span>
          ) : item.verdict ? (
            `${item.verdict.stale ? "承辦人修改前曾審查" : "已審查"}：${VERDICT_LABEL[item.verdict.verdict]}（${item.verdict.reviewerName}）${item.verdict.stale ? "，請重新審查" : ""}`
          ) : item.riskAcceptance ? (
            "須您確認"
          ) : (
            "尚未審查（可不審查）"
          )}
        </p>
      </div>
    </li>
  );
}

/** 「可檢視」: one row per item, expandable to its full review form (to reopen or return it). */
function ReviewableItem({ item, review }: { item: TApprovalItem; review: (input: unknown) => Promise<TResult> }) {
  return (
    <li data-review-row={item.id} className="rounded border border-slate-200 bg-white">
      <details>
        <summary className="cursor-pointer p-3">
          <span className="text-sm text-slate-600">{item.serviceTypeName}．</span>
          {item.text.length > 60 ? `${item.text.slice(0, 60)}…` : item.text}
          <span className="ml-2 text-sm text-slate-700">
            {item.decision?.split("．")[0]}．{item.verdict ? `已審查：${VERDICT_LABEL[item.verdict.verdict]}` : "未審查"}
          </span>
        </summary>
        <ol className="px-3 pb-3">
          <ItemReview item={item} review={review} />
        </ol>
      </details>
    </li>
  );
}

export function ApprovalReview({
  facts,
  needsYou,
  reviewable,
  approvableAtOnce,
  warnings,
  obligations,
  problems,
  canDecide,
  review,
  approveMany,
  decide,
}: {
  facts: { label: string; value: string }[];
  needsYou: TApprovalItem[];
  reviewable: TApprovalItem[];
  approvableAtOnce: string[];
  warnings: string[];
  obligations: string[];
  problems: { href: string; message: string }[];
  canDecide: { ok: true } | { ok: false; message: string };
  review: (input: unknown) => Promise<TResult>;
  approveMany: (itemIds: string[]) => Promise<TResult>;
  decide: (verdict: "approve" | "return", comment: string) => Promise<TResult>;
}) {
  const router = useRouter();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [manyError, setManyError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const act = (verdict: "approve" | "return") =>
    start(async () => {
      const r = await decide(verdict, comment);
      if (r.ok) router.refresh();
      else setError(r.message + (r.issues.length ? `：${r.issues.map((i) => i.message).join("；")}` : ""));
    });
  return (
    <div className="space-y-6">
      <section aria-labelledby="facts" className="rounded-lg border border-slate-300 bg-white p-4">
        <h2 id="facts" className="font-semibold">
          本案事實（檢核表依此產出）
        </h2>
        <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          {facts.map((f) => (
            <div key={f.label} className="flex gap-2">
              <dt className="text-slate-600">{f.label}：</dt>
              <dd className="font-semibold">{f.value}</dd>
            </div>
          ))}
        </dl>
      </section>
      {warnings.length > 0 && (
        <section aria-labelledby="w" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 id="w" className="font-semibold">
            提醒
          </h2>
          <ul className="list-disc pl-6 text-sm">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </section>
      )}
      {obligations.length > 0 && (
        <section aria-labelledby="o" className="rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="o" className="font-semibold">
            機關應辦事項
          </h2>
          <ul className="list-disc pl-6 text-sm">
            {obligations.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="g-needs" className="space-y-2">
        <h2 id="g-needs" className="text-lg font-semibold">
          須您確認（{needsYou.length}）
        </h2>
        <p className="text-sm text-slate-700">須資安長確認風險的項目，以及曾退回、承辦人已回覆或修改的項目。</p>
        {needsYou.length === 0 ? (
          <p className="text-sm text-slate-600">無</p>
        ) : (
          <ol className="space-y-2">
            {needsYou.map((i) => (
              <ItemReview key={i.id} item={i} review={review} />
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="g-view" className="space-y-2">
        <h2 id="g-view" className="text-lg font-semibold">
          可檢視（{reviewable.length}）
        </h2>
        <p className="text-sm text-slate-700">承辦人已決定、無須資安長個別確認的項目；可展開檢視理由，或一次全部同意。</p>
        {approvableAtOnce.length > 0 && (
          <div className="flex flex-wrap items-center gap-3">
            <button
              type="button"
              disabled={pending || !canDecide.ok}
              onClick={() =>
                start(async () => {
                  const r = await approveMany(approvableAtOnce);
                  if (r.ok) {
                    setManyError(null);
                    router.refresh();
                  } else setManyError(r.message);
                })
              }
              className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-60"
            >
              其餘 {approvableAtOnce.length} 項全部同意
            </button>
            {manyError && (
              <p role="alert" className="text-sm font-semibold text-red-700">
                {manyError}
              </p>
            )}
          </div>
        )}
        {reviewable.length === 0 ? (
          <p className="text-sm text-slate-600">無</p>
        ) : (
          <ol className="space-y-1">
            {reviewable.map((i) => (
              <ReviewableItem key={i.id} item={i} review={review} />
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="decide" className="space-y-3 rounded-lg border border-brand-700 bg-white p-4">
        <h2 id="decide" className="text-lg font-semibold">
          整案審查
        </h2>
        {problems.length > 0 && (
          <ul className="list-disc pl-6 text-sm">
            {problems.map((p) => (
              <li key={p.href + p.message}>
                <a href={p.href} className="text-brand-700 underline">
                  {p.message}
                </a>
              </li>
            ))}
          </ul>
        )}
        {!canDecide.ok && <p className="rounded bg-amber-50 p-2 text-sm">{canDecide.message}</p>}
        <div>
          <label htmlFor="case-comment" className="block font-semibold">
            意見（退回時必填）
          </label>
          <textarea
            id="case-comment"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            rows={3}
            className="mt-1 w-full rounded border border-slate-400 px-2 py-1.5"
          />
        </div>
        {error && (
          <p role="alert" className="text-sm font-semibold text-red-700">
            {error}
          </p>
        )}
        <div className="flex flex-wrap gap-3">
          <button
            type="button"
            disabled={pending || !canDecide.ok || problems.length > 0}
            onClick={() => act("approve")}
            className="rounded bg-emerald-700 px-4 py-2 font-semibold text-white disabled:opacity-50"
          >
            核准本案
          </button>
          <button
            type="button"
            disabled={pending || !canDecide.ok}
            onClick={() => act("return")}
            className="rounded border border-amber-700 px-4 py-2 font-semibold text-amber-800 disabled:opacity-50"
          >
            退回承辦人
          </button>
        </div>
      </section>
    </div>
  );
}
