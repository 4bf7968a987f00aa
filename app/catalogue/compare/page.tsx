import type { Metadata } from "next";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { diffCatalogues } from "@/lib/catalogue/diff";
import { listVersions } from "@/lib/catalogue/store";
import { pinnedCatalogue } from "@/lib/cases/load";
import { ZVersionId } from "@/lib/catalogue/schema";
import { CatalogueDiffView } from "@/components/catalogue/CatalogueDiffView";
import { sessionState } from "../../_server/auth";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";

export const metadata: Metadata = { title: "比較目錄版本" };
export const dynamic = "force-dynamic";

const ZQuery = z.object({ from: ZVersionId.optional().catch(undefined), to: ZVersionId.optional().catch(undefined) });

/** Any two versions side by side; drafts only for 目錄管理者 (others see published versions). */
export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const query = ZQuery.parse({ from: raw.from, to: raw.to });
  const { user } = await sessionState();
  const keeper = !!user?.roles.includes("catalogue-admin");
  const versions = (await listVersions(db())).filter((v) => keeper || v.status === "published");
  const known = new Set(versions.map((v) => v.id));
  const to = query.to && known.has(query.to) ? query.to : versions[0]?.id;
  const from = query.from && known.has(query.from) ? query.from : versions.find((v) => v.id !== to)?.id;
  const unknown = [query.from, query.to].filter((v): v is string => !!v && !known.has(v));

  const [a, b] = from && to ? await Promise.all([pinnedCatalogue(db(), from), pinnedCatalogue(db(), to)]) : [null, null];
  const typeNames = Object.fromEntries([...(a?.serviceTypes ?? []), ...(b?.serviceTypes ?? [])].map((t) => [t.key, t.name]));

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Breadcrumbs trail={[{ href: "/catalogue", label: "需求目錄" }]} current="比較版本" />
        <h1 className="text-2xl font-bold">比較目錄版本</h1>
      </div>
      {unknown.length > 0 && (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3">
          找不到目錄版本 {unknown.join("、")}；以下改為比較現有版本。
        </p>
      )}
      <form method="get" action="/catalogue/compare" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        {(["from", "to"] as const).map((k) => (
          <div key={k} className="flex flex-col">
            <label htmlFor={`cmp-${k}`} className="text-sm font-semibold">
              {k === "from" ? "舊版本" : "新版本"}
            </label>
            <select id={`cmp-${k}`} name={k} defaultValue={k === "from" ? from : to} className="rounded border border-slate-400 px-2 py-2">
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.id}
                  {v.status === "published" ? "" : "（草稿）"}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          比較
        </button>
      </form>
      {a && b ? (
        <>
          {b.changeSummary && (
            <p className="rounded border border-slate-200 bg-white p-3">
              <span className="font-semibold">{b.version} 變更摘要：</span>
              {b.changeSummary}
            </p>
          )}
          <CatalogueDiffView diff={diffCatalogues(a, b)} typeNames={typeNames} />
        </>
      ) : (
        <p>目前只有一個版本，沒有可比較的對象。</p>
      )}
    </div>
  );
}
