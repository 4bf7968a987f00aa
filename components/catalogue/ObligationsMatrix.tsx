import type { TReliability } from "@/lib/catalogue/schema";
import { CELL_STATUS_LABEL, COLUMNS, COLUMN_INFO, CONDITIONS, type TCell, type TObligationsTable } from "@/lib/catalogue/schema/obligations";
import { RELIABILITY_BADGE, VERIFIED_BADGE } from "@/lib/resolve/text";
import { taipeiTime } from "@/lib/time";

const LABEL_STYLE: Record<TReliability, string> = {
  P: "bg-emerald-100 text-emerald-900",
  O: "bg-sky-100 text-sky-900",
  S: "bg-amber-100 text-amber-900",
  U: "bg-rose-100 text-rose-900",
};

/** The value of one cell in a few words. */
export function cellSummary(cell: TCell): string {
  const condition = cell.condition ? `（${CONDITIONS[cell.condition].text}）` : "";
  return `${CELL_STATUS_LABEL[cell.status]}${condition}`;
}

export function ReliabilityLabel({ reliability }: { reliability: TReliability }) {
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${LABEL_STYLE[reliability]}`}>
      〔{reliability}〕{RELIABILITY_BADGE[reliability].label}
    </span>
  );
}

function CellView({ cell }: { cell: TCell }) {
  return (
    <div className="space-y-1">
      <p className="font-semibold">{cellSummary(cell)}</p>
      {cell.frequency && <p>{cell.frequency}</p>}
      <p className="flex flex-wrap gap-1">
        <ReliabilityLabel reliability={cell.reliability} />
        {cell.verification && <span className="rounded bg-emerald-700 px-1.5 py-0.5 text-xs font-semibold text-white">{VERIFIED_BADGE.label}</span>}
      </p>
      <p className="text-xs text-slate-600">
        {cell.citation.version} 年版．{cell.citation.item}
      </p>
      <details className="text-xs">
        <summary className="cursor-pointer text-brand-700">出處</summary>
        <p className="mt-1">{cell.source}</p>
        {cell.note && <p className="mt-1">附註：{cell.note}</p>}
        {cell.detail && <p className="mt-1">給承辦人的說明：{cell.detail}</p>}
        {cell.verification && (
          <p className="mt-1">
            核對：{cell.verification.document}
            {cell.verification.fileId && `（FileId ${cell.verification.fileId}）`}，{cell.verification.locator}；{cell.verification.verifiedByName}於{" "}
            {taipeiTime(cell.verification.verifiedAt)}
            {cell.verification.verbatim && <span className="mt-1 block">原文：「{cell.verification.verbatim}」</span>}
          </p>
        )}
      </details>
    </div>
  );
}

/** The ▲ table: every measure by the eight columns of 附表一～八, with labels, sources and verifications. */
export function ObligationsMatrix({ table }: { table: TObligationsTable }) {
  const settled = Object.entries(table.measures).filter(([, m]) => m.settled);
  const unsettled = Object.entries(table.measures).filter(([, m]) => !m.settled);
  return (
    <div className="space-y-6">
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-[80rem] border-collapse text-sm">
          <caption className="p-3 text-left font-semibold">應辦事項表（{table.version}）：各措施依機關類別及責任等級</caption>
          <thead>
            <tr className="bg-slate-100">
              <th scope="col" className="border border-slate-200 p-2 text-left">
                措施
              </th>
              {COLUMNS.map((column) => (
                <th key={column} scope="col" className="border border-slate-200 p-2 text-left">
                  {column}
                  <span className="block text-xs font-normal">
                    {COLUMN_INFO[column].annex}（{COLUMN_INFO[column].who}）
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {settled.map(([key, measure]) =>
              measure.settled ? (
                <tr key={key} className="align-top" data-measure={key}>
                  <th scope="row" className="border border-slate-200 p-2 text-left">
                    {measure.name}
                    <span className="block text-xs font-normal text-slate-600">{key}</span>
                  </th>
                  {COLUMNS.map((column) => (
                    <td key={column} className="border border-slate-200 p-2" data-column={column}>
                      <CellView cell={measure.columns[column]} />
                    </td>
                  ))}
                </tr>
              ) : null,
            )}
          </tbody>
        </table>
      </div>
      {unsettled.length > 0 && (
        <section aria-labelledby="unsettled" className="space-y-2">
          <h2 id="unsettled" className="text-lg font-semibold">
            不依責任等級判定之措施（一律由機關決定）
          </h2>
          <ul className="space-y-2">
            {unsettled.map(([key, measure]) =>
              measure.settled ? null : (
                <li key={key} className="rounded border border-slate-200 bg-white p-3 text-sm">
                  <p className="font-semibold">
                    {measure.name} <ReliabilityLabel reliability={measure.reliability} />
                  </p>
                  <p>{measure.reason}</p>
                  <p className="text-xs text-slate-600">出處：{measure.source}</p>
                </li>
              ),
            )}
          </ul>
        </section>
      )}
    </div>
  );
}
