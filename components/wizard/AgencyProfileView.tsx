import Link from "next/link";

/** Step 1: the agency facts every case inherits, read-only; admins get a link to change them. */
export function AgencyProfileView({
  lines,
  officerName,
  fixed,
  incomplete,
  isAdmin,
  nextHref,
}: {
  lines: { label: string; value: string }[];
  officerName: string;
  /** Submitted or approved: these are the values the case was resolved with, kept on the case. */
  fixed: boolean;
  /** The agency profile is not complete: why, and whom to ask. */
  incomplete: string | null;
  isAdmin: boolean;
  nextHref: string;
}) {
  return (
    <section aria-labelledby="agency-profile-title" className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="agency-profile-title" className="text-lg font-semibold">
        機關資料
      </h2>
      <p className="text-slate-700">
        {fixed ? "本案送審時所依據的機關資料（已固定，之後機關資料的變更不影響本版）。" : "本案依機關資料產出檢核表；機關資料由機關的管理者維護。"}
      </p>
      {incomplete && (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3">
          {incomplete}
        </p>
      )}
      {lines.length > 0 && (
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          {lines.map((l) => (
            <div key={l.label} className="contents">
              <dt className="font-semibold">{l.label}</dt>
              <dd>{l.value}</dd>
            </div>
          ))}
          <dt className="font-semibold">承辦人</dt>
          <dd>{officerName}（取自登入帳號）</dd>
        </dl>
      )}
      <div className="flex flex-wrap items-center gap-4">
        <Link href={nextHref} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          下一步
        </Link>
        {isAdmin && (
          <Link href="/admin/agency" className="text-brand-700 underline">
            修改機關資料
          </Link>
        )}
      </div>
    </section>
  );
}
