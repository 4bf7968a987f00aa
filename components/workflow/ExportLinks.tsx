export type TExportDoc = { kind: string; title: string; internal: boolean; sha256: string | null };

/**
 * The case's documents; before approval they carry 草稿 on every page. An approved revision's were stored
 * at approval: the SHA-256 shown is that of the file downloaded.
 */
export function ExportLinks({ caseId, final, docs }: { caseId: string; final: boolean; docs: readonly TExportDoc[] }) {
  return (
    <section aria-labelledby="export-title" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="export-title" className="font-semibold">
        下載文件（Word）
      </h2>
      <p className="text-sm text-slate-600">
        {final ? "本版已核准，文件為定稿，於核准時保存，之後下載皆為同一檔案。" : "尚未核准：文件為草稿，每頁標示「草稿」。"}
      </p>
      <ul className="space-y-2">
        {docs.map((doc) => (
          <li key={doc.kind} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <a
              href={`/cases/${caseId}/export/${doc.kind}`}
              download
              className="inline-block rounded border border-brand-700 px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50"
            >
              {doc.title}
              {final ? "" : "（草稿）"}
            </a>
            {doc.internal && <span className="text-sm text-slate-600">機關內部使用，不隨招標文件提供</span>}
            {final && (
              <span className="text-xs text-slate-600">
                {doc.sha256 ? (
                  <>
                    SHA-256 <code className="break-all">{doc.sha256}</code>
                  </>
                ) : (
                  "首次下載時保存"
                )}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
