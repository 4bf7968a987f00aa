import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { readVisibleCatalogue } from "@/lib/catalogue/store";
import { searchCatalogue } from "@/lib/catalogue/search";
import { ZServiceTypeKey, ZVersionId } from "@/lib/catalogue/schema";
import { Legend } from "@/components/catalogue/Legend";
import { RequirementTable } from "@/components/catalogue/RequirementTable";
import { glossarySegments } from "@/lib/catalogue/glossary";
import { sessionState } from "../_server/auth";

export const metadata: Metadata = { title: "需求目錄" };

const segmentsOf = (items: readonly { id: string; text: string }[]) => Object.fromEntries(items.map((i) => [i.id, glossarySegments(i.text)]));

// Unknown or malformed parameters fall back to defaults rather than failing the page.
const ZQuery = z.object({
  version: ZVersionId.optional().catch(undefined),
  type: ZServiceTypeKey.optional().catch(undefined),
  q: z.string().max(100).optional().catch(undefined),
});

type Search = Promise<Record<string, string | string[] | undefined>>;

function href(params: { version?: string; type?: string; q?: string }) {
  const sp = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1]));
  const s = sp.toString();
  return s ? `/catalogue?${s}` : "/catalogue";
}

export default async function CataloguePage({ searchParams }: { searchParams: Search }) {
  const raw = await searchParams;
  const query = ZQuery.parse({ version: raw.version, type: raw.type, q: typeof raw.q === "string" ? raw.q.trim() : undefined });
  const { user } = await sessionState();
  // Drafts are work in progress of the 目錄管理者; everyone else sees published versions only.
  const keeper = !!user?.roles.includes("catalogue-admin");
  const { versions, catalogue, error } = await readVisibleCatalogue(db(), query.version, keeper);
  if (error) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">需求目錄</h1>
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3">
          {error.message}
        </p>
        {versions.length > 0 && (
          <ul className="list-disc pl-6">
            {versions.map((v) => (
              <li key={v.id}>
                <Link className="text-brand-700 underline" href={href({ version: v.id })}>
                  {v.id} {v.title}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }

  const type = catalogue.serviceTypes.find((t) => t.key === query.type) ?? catalogue.serviceTypes[0]!;
  const q = query.q ?? "";
  const hits = q ? searchCatalogue(catalogue, q) : [];
  const hitCount = hits.reduce((n, h) => n + h.items.length, 0);
  const versionParam = query.version;

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">需求目錄</h1>
        <p className="text-slate-700">
          {catalogue.title}（{catalogue.issuer} {catalogue.issuedOn} {catalogue.documentNumber}）
          <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-sm">{catalogue.status === "published" ? "已發布" : "草稿"}</span>
        </p>
        <p className="text-sm text-slate-700">
          版本 {catalogue.version}
          {catalogue.basedOn && `（依 ${catalogue.basedOn} 修訂）`}
          {catalogue.changeSummary && `：${catalogue.changeSummary}`}
        </p>
        <p className="flex flex-wrap gap-4 text-sm">
          {versions.length > 1 && (
            <Link href={`/catalogue/compare?to=${catalogue.version}`} className="text-brand-700 underline">
              比較版本差異
            </Link>
          )}
          {keeper && (
            <Link href="/catalogue/versions" className="text-brand-700 underline">
              管理目錄版本
            </Link>
          )}
        </p>
        {catalogue.effective && (
          <p className="text-sm text-slate-600">
            適用日期：普級 {catalogue.effective.normal ?? "未知"}；中、高級 {catalogue.effective.medium ?? "未知"}
            （來源可信度 {catalogue.effective.reliability}：{catalogue.effective.source}，待查證）
          </p>
        )}
      </header>

      <form method="get" action="/catalogue" role="search" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex flex-col">
          <label htmlFor="version" className="text-sm font-semibold">
            目錄版本
          </label>
          <select id="version" name="version" defaultValue={catalogue.version} className="rounded border border-slate-400 px-2 py-2">
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.id}
                {v.status === "published" ? "" : "（草稿）"}
              </option>
            ))}
          </select>
        </div>
        <input type="hidden" name="type" value={type.key} />
        <div className="flex min-w-56 flex-1 flex-col">
          <label htmlFor="q" className="text-sm font-semibold">
            搜尋全部類型
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={100}
            placeholder="例如：SBOM、滲透測試、陸資"
            className="rounded border border-slate-400 px-2 py-2"
          />
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          搜尋
        </button>
        {q && (
          <Link href={href({ version: versionParam, type: type.key })} className="py-2 text-brand-700 underline">
            清除搜尋
          </Link>
        )}
      </form>

      <nav aria-label="服務類型">
        <ul className="flex flex-wrap gap-2">
          {catalogue.serviceTypes.map((t) => {
            const current = !q && t.key === type.key;
            return (
              <li key={t.key}>
                <Link
                  href={href({ version: versionParam, type: t.key })}
                  aria-current={current ? "page" : undefined}
                  className={`block rounded-full border px-3 py-1.5 text-sm ${current ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white hover:border-brand-700"}`}
                >
                  {t.name}
                  <span className="ml-1 opacity-75">({t.items.length})</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      {q ? (
        <section aria-labelledby="results" className="space-y-6">
          <h2 id="results" className="text-xl font-semibold" aria-live="polite">
            「{q}」的搜尋結果：{hitCount} 列
          </h2>
          {hits.length === 0 && <p>沒有符合的要求。請換個關鍵字，或清除搜尋瀏覽各類型。</p>}
          {hits.map((hit) => (
            <section key={hit.type.key} aria-labelledby={`hit-${hit.type.key}`} className="space-y-2">
              <h3 id={`hit-${hit.type.key}`} className="text-lg font-semibold">
                {hit.type.name}（{hit.items.length} 列）
              </h3>
              <RequirementTable items={hit.items} caption={`${hit.type.name}中符合「${q}」的要求`} segments={segmentsOf(hit.items)} />
            </section>
          ))}
        </section>
      ) : (
        <section aria-labelledby="type-title" className="space-y-3">
          <h2 id="type-title" className="text-xl font-semibold">
            {type.name}
          </h2>
          <p className="text-slate-700">
            {type.description}（共 {type.items.length} 列）
          </p>
          {type.notes.length > 0 && (
            <div className="rounded border border-slate-200 bg-white p-3 text-sm leading-relaxed">
              <p className="font-semibold">說明：</p>
              <ul className="space-y-1">
                {type.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </div>
          )}
          <RequirementTable items={type.items} caption={`${type.name}資通安全基本要求`} segments={segmentsOf(type.items)} />
        </section>
      )}

      <Legend legend={catalogue.legend} />
    </div>
  );
}
