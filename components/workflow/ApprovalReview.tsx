"use client";

import { useId, useState, useTransition } from "react";
import { useRouter } from "next/navigation";

export type TApprovalItem = {
  id: string;
  text: string;
  serviceTypeName: string;
  decision: string | null;
  verdict: { verdict: string; comment: string; reviewerName: string } | null;
  riskAcceptance: boolean;
};
export type TApprovalGroup = { key: string; title: string; items: TApprovalItem[] };
type TResult = { ok: true } | { ok: false; message: string; issues: { path: string; message: string }[] };

const VERDICT_LABEL: Record<string, string> = { approve: "同意", return: "退回", "accept-risk": "接受風險" };

function ItemReview({ item, review }: { item: TApprovalItem; review: (input: unknown) => Promise<TResult> }) {
  const uid = useId();
  const router = useRouter();
  const [verdict, setVerdict] = useState(item.verdict?.verdict ?? "");
  const saved = item.verdict?.comment ?? "";
  const [comment, setComment] = useState(saved);
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
      <p className="text-sm text-slate-600">{item.serviceTypeName}</p>
      <p>{item.text}</p>
      {item.decision && <p className="text-sm text-slate-700">承辦人決定：{item.decision}</p>}
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
              const r = await review({ itemId: item.id, verdict, comment });
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
            `已審查：${VERDICT_LABEL[item.verdict.verdict]}（${item.verdict.reviewerName}）`
          ) : (
            "尚未審查"
          )}
        </p>
      </div>
    </li>
  );
}

export function ApprovalReview({
  groups,
  warnings,
  obligations,
  problems,
  canDecide,
  review,
  decide,
}: {
  groups: TApprovalGroup[];
  warnings: string[];
  obligations: string[];
  problems: { href: string; message: string }[];
  canDecide: { ok: true } | { ok: false; message: string };
  review: (input: unknown) => Promise<TResult>;
  decide: (verdict: "approve" | "return", comment: string) => Promise<TResult>;
}) {
  const router = useRouter();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const act = (verdict: "approve" | "return") =>
    start(async () => {
      const r = await decide(verdict, comment);
      if (r.ok) router.refresh();
      else setError(r.message + (r.issues.length ? `：${r.issues.map((i) => i.message).join("；")}` : ""));
    });
  return (
    <div className="space-y-6">
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
      {groups.map((g) => (
        <section key={g.key} aria-labelledby={`g-${g.key}`} className="space-y-2">
          <h2 id={`g-${g.key}`} className="text-lg font-semibold">
            {g.title}（{g.items.length}）
          </h2>
          {g.items.length === 0 ? (
            <p className="text-sm text-slate-600">無</p>
          ) : (
            <ol className="space-y-2">
              {g.items.map((i) => (
                <ItemReview key={i.id} item={i} review={review} />
              ))}
            </ol>
          )}
        </section>
      ))}
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
