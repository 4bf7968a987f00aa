import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { vendorCases } from "@/lib/vendor/access";
import { vendorAssessmentStatuses } from "@/lib/vendor/assessment/view";
import { ASSESSMENT_STATUS_LABEL } from "@/lib/vendor/assessment/rules";
import { requireUser } from "../_server/auth";

export const metadata: Metadata = { title: "廠商自評" };
export const dynamic = "force-dynamic";

/** A vendor's home: the cases it was invited to, and each one's fillable 自評表. Nothing of the agency's work. */
export default async function VendorHomePage() {
  const user = await requireUser({ roles: ["vendor"] });
  const cases = await vendorCases(db(), user);
  const status = await vendorAssessmentStatuses(db(), user.id);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">廠商自評</h1>
      <p className="max-w-3xl text-slate-700">
        您受邀填寫下列採購案之廠商資安自評表。可於線上填寫，或下載 Word 表單填寫「符合」、「佐證資料」與「說明」欄（請勿修改「要求」欄或增刪列）後上傳。
      </p>
      {cases.length === 0 ? (
        <p className="text-slate-600">目前沒有受邀之案件。</p>
      ) : (
        <ul className="space-y-2">
          {cases.map((c) => (
            <li key={c.caseId} className="rounded border border-slate-200 bg-white p-3">
              <p className="font-semibold">
                <a href={`/vendor/${c.caseId}`} className="text-brand-700 underline">
                  {c.title || "（未命名案件）"}：線上填寫自評表
                </a>
              </p>
              <p className="text-sm text-slate-600">
                {c.agencyName}．第 {c.revision} 版．{ASSESSMENT_STATUS_LABEL[status.get(c.caseId) ?? "draft"]}．
                <a href={`/vendor/${c.caseId}/checklist`} className="text-brand-700 underline">
                  下載廠商資安自評表（Word）
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
