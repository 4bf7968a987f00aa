import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { cisoWorklist } from "@/lib/cases/worklist";
import { taipeiTime } from "@/lib/time";
import { agencyAssessmentWorklist } from "@/lib/vendor/assessment/summary";
import { ASSESSMENT_STATUS_LABEL } from "@/lib/vendor/assessment/rules";
import { requireUser } from "../_server/auth";

export const metadata: Metadata = { title: "待我審查" };
export const dynamic = "force-dynamic";

export default async function ReviewsPage() {
  const user = await requireUser({ roles: ["ciso"] });
  const [entries, assessments] = await Promise.all([cisoWorklist(db(), user), agencyAssessmentWorklist(db(), user)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">待我審查</h1>
      <p className="text-slate-700">本機關已送審、等待資安長審查的案件，最早送審者在前。</p>
      {entries.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-4">目前沒有等待審查的案件。</p>
      ) : (
        <table className="w-full border-collapse overflow-hidden rounded-lg border border-slate-200 bg-white text-left">
          <caption className="sr-only">等待審查的案件</caption>
          <thead className="bg-slate-100 text-sm">
            <tr>
              <th scope="col" className="px-3 py-2">
                案件
              </th>
              <th scope="col" className="px-3 py-2">
                送審者
              </th>
              <th scope="col" className="px-3 py-2">
                送審時間
              </th>
              <th scope="col" className="px-3 py-2">
                須您決定
              </th>
              <th scope="col" className="px-3 py-2">
                與建議不同
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {entries.map((e) => (
              <tr key={e.id}>
                <td className="px-3 py-2">
                  <Link href={`/cases/${e.id}/approval`} className="font-semibold text-brand-700 underline">
                    {e.title || "（未命名案件）"}
                  </Link>
                  <span className="ml-2 text-sm text-slate-600">
                    第 {e.revision} 版{e.resubmitted ? "．退回後重新送審" : ""}
                  </span>
                </td>
                <td className="px-3 py-2">{e.submittedBy}</td>
                <td className="px-3 py-2">{e.submittedAt ? taipeiTime(e.submittedAt) : "—"}</td>
                <td className="px-3 py-2">{e.needVerdict} 項</td>
                <td className="px-3 py-2">{e.deviations === null ? "—" : `${e.deviations} 項`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section aria-labelledby="vendor-assessments-title" className="space-y-2">
        <h2 id="vendor-assessments-title" className="text-xl font-bold">
          廠商自評
        </h2>
        <p className="text-slate-700">本機關廠商自評中尚未結案之不符合事項，逾期者在前。</p>
        {assessments.length === 0 ? (
          <p className="rounded border border-slate-200 bg-white p-4">目前沒有未結案的不符合事項。</p>
        ) : (
          <table className="w-full border-collapse overflow-hidden rounded-lg border border-slate-200 bg-white text-left">
            <caption className="sr-only">有未結案不符合事項之廠商自評</caption>
            <thead className="bg-slate-100 text-sm">
              <tr>
                <th scope="col" className="px-3 py-2">
                  案件
                </th>
                <th scope="col" className="px-3 py-2">
                  廠商代表
                </th>
                <th scope="col" className="px-3 py-2">
                  狀態
                </th>
                <th scope="col" className="px-3 py-2">
                  未結案
                </th>
                <th scope="col" className="px-3 py-2">
                  逾期（項目．期限．逾期天數）
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200">
              {assessments.map((a) => (
                <tr key={a.id} data-assessment={a.id} className="align-top">
                  <td className="px-3 py-2">
                    <Link href={`/cases/${a.caseId}/vendors/${a.id}`} className="font-semibold text-brand-700 underline">
                      {a.caseTitle || "（未命名案件）"}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{a.vendorName}</td>
                  <td className="px-3 py-2">{ASSESSMENT_STATUS_LABEL[a.status]}</td>
                  <td className="px-3 py-2">{a.open} 項</td>
                  <td className="px-3 py-2 text-sm">
                    {a.overdue.length === 0 ? (
                      "—"
                    ) : (
                      <ul>
                        {a.overdue.map((n) => (
                          <li key={n.id} className="text-red-700">
                            {n.rowName}．{n.dueOn}．逾期 {n.daysOverdue} 天
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
