import type { TWordDiff } from "@/lib/catalogue/diff";

/** A word-level diff: deletions struck through, additions underlined; both announced to screen readers. */
export function WordDiff({ diff }: { diff: TWordDiff }) {
  return (
    <span className="leading-relaxed">
      {diff.map((seg, i) =>
        seg.op === "same" ? (
          <span key={i}>{seg.text}</span>
        ) : seg.op === "del" ? (
          <del key={i} className="bg-red-100 text-red-900 decoration-red-900">
            <span className="sr-only">［刪除：</span>
            {seg.text}
            <span className="sr-only">］</span>
          </del>
        ) : (
          <ins key={i} className="bg-emerald-100 text-emerald-900 decoration-emerald-900">
            <span className="sr-only">［新增：</span>
            {seg.text}
            <span className="sr-only">］</span>
          </ins>
        ),
      )}
    </span>
  );
}
