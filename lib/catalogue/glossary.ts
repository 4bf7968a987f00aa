import { bundledGlossary } from "./bundled";
import type { TGlossaryFile, TGlossaryTerm } from "./schema";

/** One glossary term found in a text: where, and the words as written there. */
export interface TTermHit {
  term: TGlossaryTerm;
  index: number;
  match: string;
}

/** A text cut into plain runs and glossary terms, for a page to render each term with its explanation. */
export type TTextSegment = { text: string; term: TGlossaryTerm | null };

const LATIN = /[A-Za-z0-9]/;

/**
 * Every glossary term (or alias) in `text`, left to right, never overlapping (at one place the longest
 * wins). A Latin term matches only as a whole word ("SOC", not the SOC in "ASSOCIATE").
 */
export function termsIn(text: string, glossary: TGlossaryFile = bundledGlossary()): TTermHit[] {
  const words = glossary.terms.flatMap((term) => [term.term, ...term.aliases].map((word) => ({ word, term }))).sort((a, b) => b.word.length - a.word.length);
  const hits: TTermHit[] = [];
  const taken = new Array<boolean>(text.length).fill(false);
  const seen = new Set<TGlossaryTerm>();
  for (const { word, term } of words) {
    // One explanation per term and text.
    if (seen.has(term)) continue;
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
      const end = at + word.length;
      if (LATIN.test(word[0]!) && at > 0 && LATIN.test(text[at - 1]!)) continue;
      if (LATIN.test(word.at(-1)!) && end < text.length && LATIN.test(text[end]!)) continue;
      if (taken.slice(at, end).some(Boolean)) continue;
      taken.fill(true, at, end);
      hits.push({ term, index: at, match: word });
      seen.add(term);
      break;
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

/** `text` as plain runs and terms (termsIn), in order; joined, the runs give back the text. */
export function glossarySegments(text: string, glossary?: TGlossaryFile): TTextSegment[] {
  const out: TTextSegment[] = [];
  let at = 0;
  for (const hit of termsIn(text, glossary)) {
    if (hit.index > at) out.push({ text: text.slice(at, hit.index), term: null });
    out.push({ text: hit.match, term: hit.term });
    at = hit.index + hit.match.length;
  }
  if (at < text.length) out.push({ text: text.slice(at), term: null });
  return out;
}
