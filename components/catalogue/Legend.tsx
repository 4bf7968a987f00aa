export function Legend({ legend }: { legend: Record<"●" | "◎" | "▲" | "-", string> }) {
  const entries = [
    ["●", legend["●"]],
    ["◎", legend["◎"]],
    ["▲", legend["▲"]],
    ["－", legend["-"]],
  ] as const;
  return (
    <section aria-labelledby="legend" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="legend" className="mb-2 font-semibold">
        圖示
      </h2>
      <dl className="grid gap-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-3">
        {entries.map(([mark, text]) => (
          <div key={mark} className="contents">
            <dt className="font-semibold">{mark}</dt>
            <dd className="mb-1 sm:mb-0">{text}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
