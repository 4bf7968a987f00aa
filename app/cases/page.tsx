import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { listCases } from "@/lib/cases/store";
import { createCaseAction } from "./actions";
import { requireUser } from "../_server/auth";
import { CASE_STATUS_LABEL } from "@/lib/workflow/state";

export const metadata: Metadata = { title: "採購案件" };
export const dynamic = "force-dynamic";

export default async function CasesPage() {
  const user = await requireUser();
  const cases = await listCases(db(), user.agencyId);
  const isOfficer = user.roles.includes("officer");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">採購案件</h1>
        {isOfficer && (
          <form action={createCaseAction}>
            <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              建立新案件
            </button>
          </form>
        )}
      </div>
      {cases.length === 0 ? (
        <p className="text-slate-700">尚無案件。建立新案件後，依步驟填寫機關、案件、系統等級與案件性質，即可產出資安需求檢核表。</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {cases.map((c) => (
            <li key={c.id}>
              <Link href={`/cases/${c.id}/agency`} className="flex flex-wrap justify-between gap-2 px-4 py-3 hover:bg-brand-50">
                <span className="font-semibold">
                  {c.title || "（未命名案件）"}
                  <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-sm font-normal">
                    {CASE_STATUS_LABEL[c.status as keyof typeof CASE_STATUS_LABEL] ?? c.status}．第 {c.revision} 版
                  </span>
                </span>
                <span className="text-sm text-slate-600">
                  目錄版本 {c.catalogueVersionId}．最後更新 {c.updatedAt.toLocaleString("zh-TW", { timeZone: "Asia/Taipei" })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
