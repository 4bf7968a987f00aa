import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { listVersions } from "@/lib/catalogue/store";
import { suggestVersionId } from "@/lib/catalogue/versions";
import { CreateDraftForm } from "@/components/catalogue-admin/CreateDraftForm";
import { ImportVersionForm } from "@/components/catalogue-admin/ImportVersionForm";
import { requireUser } from "../../_server/auth";
import { createDraftAction, importVersionAction } from "./actions";
import { taipeiTime, taipeiToday } from "@/lib/time";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";

export const metadata: Metadata = { title: "目錄版本管理" };
export const dynamic = "force-dynamic";

export default async function VersionsPage() {
  await requireUser({ roles: ["catalogue-admin"] });
  const versions = await listVersions(db());
  const suggested = suggestVersionId(
    versions.map((v) => v.id),
    taipeiToday(),
  );
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Breadcrumbs trail={[{ href: "/catalogue", label: "需求目錄" }]} current="目錄版本管理" />
        <h1 className="text-2xl font-bold">目錄版本管理</h1>
        <p className="text-slate-700">已發布的版本不可變更，案件固定使用建立時的版本；新版本須由草稿修改後發布。最新發布的版本為新案件的預設版本。</p>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse bg-white text-left">
          <caption className="sr-only">目錄版本</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">
                版本
              </th>
              <th scope="col" className="whitespace-nowrap p-2">
                狀態
              </th>
              <th scope="col" className="p-2">
                基準版本
              </th>
              <th scope="col" className="p-2">
                變更摘要
              </th>
              <th scope="col" className="p-2">
                發布
              </th>
              <th scope="col" className="whitespace-nowrap p-2">
                操作
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.id} className="border-b border-slate-200 align-top">
                <th scope="row" className="p-2 font-semibold">
                  <Link href={`/catalogue/versions/${v.id}`} className="text-brand-700 underline">
                    {v.id}
                  </Link>
                  <span className="block text-sm font-normal text-slate-600">{v.title}</span>
                </th>
                <td className="whitespace-nowrap p-2">{v.status === "published" ? "已發布" : "草稿"}</td>
                <td className="whitespace-nowrap p-2">{v.basedOn ?? "—"}</td>
                <td className="p-2 text-sm">{v.changeSummary || "—"}</td>
                <td className="p-2 text-sm">
                  {v.publishedAt ? `${v.publishedByName ?? ""} ${taipeiTime(v.publishedAt)}` : v.createdByName ? `草稿建立者：${v.createdByName}` : "—"}
                </td>
                <td className="whitespace-nowrap p-2 text-sm">
                  <a href={`/catalogue/versions/${v.id}/export`} className="text-brand-700 underline">
                    匯出
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <Link href="/catalogue/compare" className="text-brand-700 underline">
          比較任兩個版本 →
        </Link>
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        <CreateDraftForm versions={versions.map((v) => ({ id: v.id, published: v.status === "published" }))} suggested={suggested} create={createDraftAction} />
        <ImportVersionForm importFile={importVersionAction} />
      </div>
    </div>
  );
}
