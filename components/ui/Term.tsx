"use client";

import { useId, useState, type ReactNode } from "react";
import type { TGlossaryTerm } from "@/lib/catalogue/schema";
import type { TTextSegment } from "@/lib/catalogue/glossary";
import { RELIABILITY_BADGE } from "@/lib/resolve/text";

/**
 * A glossary term in running text: a button that shows its explanation, source and reliability on hover
 * and on keyboard focus (role=tooltip, tied by aria-describedby so a screen reader reads it with the
 * term); Escape hides it. Styled by classes only (the CSP allows no inline styles).
 */
export function Term({ term, children }: { term: Pick<TGlossaryTerm, "term" | "explanation" | "source" | "reliability">; children: ReactNode }) {
  const id = useId();
  const [dismissed, setDismissed] = useState(false);
  return (
    <span className="group relative inline-block" onMouseLeave={() => setDismissed(false)}>
      <button
        type="button"
        aria-describedby={id}
        onKeyDown={(e) => {
          if (e.key === "Escape") setDismissed(true);
        }}
        onBlur={() => setDismissed(false)}
        className="cursor-help underline decoration-dotted underline-offset-2 focus-visible:outline-2 focus-visible:outline-brand-700"
      >
        {children}
      </button>
      <span
        role="tooltip"
        id={id}
        className={`${dismissed ? "hidden" : "hidden group-focus-within:block group-hover:block"} absolute top-full left-0 z-20 mt-1 w-72 rounded border border-slate-300 bg-white p-2 text-left text-sm font-normal text-slate-900 shadow-lg`}
      >
        <span className="font-semibold">{term.term}</span>：{term.explanation}
        <span className="mt-1 block text-xs text-slate-600">
          出處：{term.source}（〔{term.reliability}〕{RELIABILITY_BADGE[term.reliability].label}）
        </span>
      </span>
    </span>
  );
}

/** A text cut by glossarySegments (lib/catalogue/glossary.ts): each term with its explanation. */
export function GlossaryText({ segments }: { segments: readonly TTextSegment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.term ? (
          <Term key={i} term={s.term}>
            {s.text}
          </Term>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  );
}
