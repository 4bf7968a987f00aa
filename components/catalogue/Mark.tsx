import type { TMark } from "@/lib/catalogue/schema";

const LABEL: Record<TMark, string> = { "●": "標配", "◎": "選配", "▲": "依責任等級", "-": "不適用" };
const STYLE: Record<TMark, string> = {
  "●": "text-emerald-800",
  "◎": "text-sky-800",
  "▲": "text-amber-800",
  "-": "text-slate-500",
};

/** A mark as the source prints it, with its meaning for screen readers and small screens. */
export function Mark({ mark }: { mark: TMark }) {
  return (
    <span className={`whitespace-nowrap ${STYLE[mark]}`}>
      <span aria-hidden="true" className="text-lg leading-none">
        {mark === "-" ? "－" : mark}
      </span>
      <span className="sr-only">{LABEL[mark]}</span>
    </span>
  );
}
