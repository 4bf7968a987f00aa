import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { readVisibleCatalogue } from "@/lib/catalogue/store";
import { ZVersionId } from "@/lib/catalogue/schema";
import { obligationMatrix } from "@/lib/resolve/obligation-matrix";
import { RELIABILITY_BADGE } from "@/lib/resolve/text";
import { ObligationsMatrix, ReliabilityLabel } from "@/components/catalogue/ObligationsMatrix";
import { requireUser } from "../../_server/auth";

export const metadata: Metadata = { title: "責任等級應辦事項表" };
export const dynamic = "force-dynamic";

const ZQuery = z.object({ version: ZVersionId.optional().catch(undefined) });

/** Everyone signed in: what the ▲ items of each version rest on, cell by cell (drafts for 目錄管理者 only). */
export default async function ObligationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const query = ZQuery.parse({ version: (await searchParams).version });
  const keeper = user.roles.includes("catalogue-admin");
  const { versions, catalogue, error } = await readVisibleCatalogue(db(), query.version, keeper);
  if (error)
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">責任等級應辦事項表</h1>
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3">
          {error.message}
        </p>
      </div>
    );
  const table = obligationMatrix(catalogue.obligations);
  const cells = Object.values(table.measures).flatMap((m) => (m.settled ? Object.values(m.columns) : []));
  const verified = cells.filter((c) => c.verification).length;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">責任等級應辦事項表</h1>
      <p className="text-slate-700">
        一覽表標示 ▲ 之項目，依資通安全責任等級分級辦法附表一～八判定：A～C 級分公務機關（附表一、三、五）與特定非公務機關（附表二、四、六），D、E 級各一表。
        目錄版本 {catalogue.version}（{catalogue.status === "published" ? "已發布" : "草稿"}），應辦事項表 {table.version}；{cells.length} 格中 {verified}{" "}
        格已核對官方附表。
      </p>
      <form method="get" className="flex flex-wrap items-end gap-2">
        <label htmlFor="version" className="text-sm font-semibold">
          目錄版本
        </label>
        <select id="version" name="version" defaultValue={catalogue.version} className="rounded border border-slate-400 px-2 py-1">
          {versions.map((v) => (
            <option key={v.id} value={v.id}>
              {v.id}
              {v.status === "draft" ? "（草稿）" : ""}
            </option>
          ))}
        </select>
        <button type="submit" className="rounded border border-brand-700 px-3 py-1 text-brand-700">
          切換
        </button>
      </form>
      <section aria-labelledby="labels" className="rounded border border-slate-200 bg-white p-3 text-sm">
        <h2 id="labels" className="font-semibold">
          可信度標示
        </h2>
        <ul className="mt-1 space-y-1">
          {(["P", "O", "S", "U"] as const).map((r) => (
            <li key={r}>
              <ReliabilityLabel reliability={r} /> {RELIABILITY_BADGE[r].sentence}
            </li>
          ))}
        </ul>
        <p className="mt-2 text-slate-700">給目錄管理者：{table.stewardNote}</p>
      </section>
      <ObligationsMatrix table={table} />
      {keeper && catalogue.status === "draft" && (
        <p>
          <Link href={`/catalogue/versions/${catalogue.version}#obligations`} className="text-brand-700 underline">
            在草稿中逐格編輯或核對
          </Link>
        </p>
      )}
    </div>
  );
}
