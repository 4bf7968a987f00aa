import type { TReliability } from "@/lib/catalogue/schema";
import { RELIABILITY_BADGE, VERIFIED_BADGE } from "@/lib/resolve/text";
import type { TBasisSummary, TItemBasis } from "@/lib/resolve/types";

const STYLE: Record<TReliability, string> = {
  P: "border-emerald-700 bg-emerald-50 text-emerald-900",
  O: "border-sky-700 bg-sky-50 text-sky-900",
  S: "border-amber-700 bg-amber-50 text-amber-900",
  U: "border-rose-700 bg-rose-50 text-rose-900",
};

/** What a ▲ line rests on, in plain words: one label and one sentence (no research notes). */
export function BasisBadge({ basis }: { basis: TItemBasis }) {
  const badge = RELIABILITY_BADGE[basis.reliability];
  return (
    <p className="mt-1 flex flex-wrap items-center gap-2 text-sm" data-basis={basis.reliability}>
      <span className={`rounded border px-2 py-0.5 font-semibold ${STYLE[basis.reliability]}`}>{badge.label}</span>
      {basis.verified && <span className="rounded border border-emerald-700 bg-white px-2 py-0.5 font-semibold text-emerald-900">{VERIFIED_BADGE.label}</span>}
      <span className="text-slate-700">
        {basis.verified ? `${VERIFIED_BADGE.sentence}（${basis.verified.document}，${basis.verified.locator}）` : badge.sentence}
      </span>
    </p>
  );
}

/** The checklist's count of ▲ lines by what they rest on. */
export function BasisSummary({ summary, version }: { summary: TBasisSummary; version: string }) {
  const total = summary.primaryOrOfficial + summary.thirdParty + summary.unverified;
  if (total === 0) return null;
  return (
    <p className="text-sm text-slate-700" data-testid="basis-summary">
      ▲ 項目 {total} 項之依據：{RELIABILITY_BADGE.P.label}或{RELIABILITY_BADGE.O.label} {summary.primaryOrOfficial} 項、
      {RELIABILITY_BADGE.S.label} {summary.thirdParty} 項、{RELIABILITY_BADGE.U.label}（由機關決定）{summary.unverified} 項。
      <a href={`/catalogue/obligations?version=${encodeURIComponent(version)}`} className="ml-1 text-brand-700 underline">
        查看應辦事項表
      </a>
    </p>
  );
}
