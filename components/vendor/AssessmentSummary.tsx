import type { TAssessmentSummary } from "@/lib/vendor/assessment/summary";

/** The CISO's summary of vendor self-assessments: counts, then the overdue nonconformities (row, vendor, due date, days overdue). */
export function AssessmentSummary({ summary, title = "廠商自評摘要" }: { summary: TAssessmentSummary; title?: string }) {
  const counts = [
    ["是", summary.yes],
    ["否", summary.no],
    ["不適用", summary.na],
    ["退回", summary.returned],
    ["未結案不符合事項", summary.open],
    ["逾期", summary.overdue.length],
  ] as const;
  return (
    <section aria-label={title} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3" data-assessment-summary>
      <h2 className="font-semibold">{title}</h2>
      <dl className="flex flex-wrap gap-4 text-sm">
        {counts.map(([label, n]) => (
          <div key={label} data-count={label}>
            <dt className="inline text-slate-600">{label}</dt> <dd className={`inline font-semibold ${label === "逾期" && n ? "text-red-700" : ""}`}>{n}</dd>
          </div>
        ))}
      </dl>
      {summary.overdue.length > 0 && (
        <table className="w-full text-left text-sm">
          <caption className="text-left font-semibold text-red-700">逾期之不符合事項</caption>
          <thead>
            <tr>
              <th scope="col" className="py-1">
                項目
              </th>
              <th scope="col" className="py-1">
                廠商代表
              </th>
              <th scope="col" className="py-1">
                改善期限
              </th>
              <th scope="col" className="py-1">
                逾期天數
              </th>
            </tr>
          </thead>
          <tbody>
            {summary.overdue.map((n) => (
              <tr key={n.id} className="border-t border-slate-200">
                <td className="py-1 pr-2">{n.rowName}</td>
                <td className="py-1 pr-2">{n.vendorName}</td>
                <td className="py-1 pr-2 font-mono">{n.dueOn}</td>
                <td className="py-1 font-semibold text-red-700">{n.daysOverdue} 天</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
