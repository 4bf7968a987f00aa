const DOCS = [
  ["annex", "資通安全需求規範"],
  ["clauses", "契約條款"],
  ["checklist", "廠商資安自評表"],
] as const;

/** The case's documents; before approval they carry 草稿 on every page. */
export function ExportLinks({ caseId, final }: { caseId: string; final: boolean }) {
  return (
    <section aria-labelledby="export-title" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="export-title" className="font-semibold">
        下載文件（Word）
      </h2>
      <p className="text-sm text-slate-600">{final ? "本版已核准，文件為定稿。" : "尚未核准：文件為草稿，每頁標示「草稿」。"}</p>
      <ul className="flex flex-wrap gap-3">
        {DOCS.map(([doc, label]) => (
          <li key={doc}>
            <a
              href={`/cases/${caseId}/export/${doc}`}
              download
              className="inline-block rounded border border-brand-700 px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50"
            >
              {label}
              {final ? "" : "（草稿）"}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
