import type { TPmItem } from "../project/PmExclusionsPanel";

/** For the CISO: the 專案管理需求 items the officer left out of the case, with the reasons (the documents drop them). */
export function PmExclusionsSummary({ items }: { items: readonly TPmItem[] }) {
  const excluded = items.filter((i) => i.excluded);
  if (!excluded.length) return null;
  return (
    <section aria-labelledby="pm-excluded-title" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 id="pm-excluded-title" className="font-semibold">
        不列入本案的專案管理需求（{excluded.length} 項）
      </h2>
      <ul className="list-disc space-y-1 pl-6">
        {excluded.map((i) => (
          <li key={i.id}>
            {i.no}. {i.title}．理由：{i.excluded!.reason}（{i.excluded!.decidedBy}）
          </li>
        ))}
      </ul>
    </section>
  );
}
