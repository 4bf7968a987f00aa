import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { CONTRACT_FILTERS, listContracts, ZContractListQuery, type TContractListQuery } from "@/lib/contracts/store";
import { requireUser } from "../_server/auth";

export const metadata: Metadata = { title: "契約履約" };
export const dynamic = "force-dynamic";

const FILTER_LABEL: Record<(typeof CONTRACT_FILTERS)[number], string> = { all: "全部", due: "30 日內到期", overdue: "逾期", review: "待審查" };

function href(q: Partial<TContractListQuery>) {
  const sp = new URLSearchParams();
  if (q.q) sp.set("q", q.q);
  if (q.filter && q.filter !== "all") sp.set("filter", q.filter);
  if (q.page && q.page > 1) sp.set("page", String(q.page));
  const s = sp.toString();
  return s ? `/contracts?${s}` : "/contracts";
}

/** The agency's contracts: what is due within 30 days, overdue and awaiting review (Taipei today). */
export default async function ContractsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser({ roles: ["officer", "ciso", "admin"] });
  const raw = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  const query = ZContractListQuery.parse({ page: one(raw.page), filter: one(raw.filter), q: one(raw.q) });
  const { rows, total, page, pages, today } = await listContracts(db(), user, query);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">契約履約</h1>
      <p className="text-sm text-slate-700">今日（臺北）：{today}</p>
      <form method="get" action="/contracts" role="search" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex min-w-56 flex-1 flex-col">
          <label htmlFor="contracts-q" className="text-sm font-semibold">
            契約編號或廠商
          </label>
          <input id="contracts-q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={100} className="rounded border border-slate-400 px-2 py-2" />
        </div>
        <div className="flex flex-col">
          <label htmlFor="contracts-filter" className="text-sm font-semibold">
            顯示
          </label>
          <select id="contracts-filter" name="filter" defaultValue={query.filter} className="rounded border border-slate-400 px-2 py-2">
            {CONTRACT_FILTERS.map((f) => (
              <option key={f} value={f}>
                {FILTER_LABEL[f]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          篩選
        </button>
      </form>
      <p>
        <Link href="/account/calendar" className="text-brand-700 underline">
          行事曆訂閱（ICS）
        </Link>
      </p>
      {rows.length === 0 ? (
        <p className="text-slate-700">{query.q || query.filter !== "all" ? "沒有符合條件的契約。" : "尚無契約。於核定的案件按「決標建立契約」即可建立。"}</p>
      ) : (
        <>
          <p className="text-sm text-slate-700" aria-live="polite">
            共 {total} 件，第 {page}／{pages} 頁
          </p>
          <table className="w-full border-collapse rounded-lg border border-slate-200 bg-white text-left">
            <thead>
              <tr className="border-b border-slate-200">
                <th className="px-3 py-2">契約</th>
                <th className="px-3 py-2">廠商</th>
                <th className="px-3 py-2">期間</th>
                <th className="px-3 py-2">30 日內到期</th>
                <th className="px-3 py-2">逾期</th>
                <th className="px-3 py-2">待審查</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} className="border-b border-slate-100">
                  <td className="px-3 py-2">
                    <Link href={`/contracts/${c.id}`} className="font-semibold text-brand-700 underline">
                      {c.contractNumber}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{c.vendorName}</td>
                  <td className="px-3 py-2">
                    {c.startOn}～{c.endOn}
                  </td>
                  <td className="px-3 py-2">{c.due}</td>
                  <td className={`px-3 py-2 ${c.overdue ? "font-semibold text-red-700" : ""}`}>{c.overdue}</td>
                  <td className="px-3 py-2">{c.review}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav aria-label="分頁" className="flex gap-4">
            {page > 1 && (
              <Link href={href({ ...query, page: page - 1 })} className="text-brand-700 underline">
                上一頁
              </Link>
            )}
            {page < pages && (
              <Link href={href({ ...query, page: page + 1 })} className="text-brand-700 underline">
                下一頁
              </Link>
            )}
          </nav>
        </>
      )}
    </div>
  );
}
