import type { TServiceTypeKey } from "../../catalogue/schema";
import type { TCaseFact } from "../../catalogue/schema/obligations";
import { fillParameters, type TParameterValues } from "../clauses/parameters";
import type { TClause, TClauseLibrary, TSource, TWhen } from "../../catalogue/schema/clauses";
import { cleanText } from "../text/sanitize";
import type { TClauseBlock } from "./types";

export interface TClauseContext {
  facts: Readonly<Record<TCaseFact, boolean>>;
  serviceTypes: readonly TServiceTypeKey[];
  flags: { thirdPartyTesting: boolean; otherProcurement: boolean };
  values: TParameterValues;
  /** Extra paragraphs a clause gets from the case (e.g. why third-party testing applies). */
  notes: Readonly<Record<string, string>>;
}

export function applies(when: TWhen | undefined, ctx: TClauseContext): boolean {
  if (!when) return true;
  if (!when.facts.every((fact) => ctx.facts[fact])) return false;
  if (!when.flags.every((flag) => ctx.flags[flag])) return false;
  return when.serviceTypes.length === 0 || when.serviceTypes.some((type) => ctx.serviceTypes.includes(type));
}

/** 「資通安全管理法施行細則（115-01-05 修正）」+「第7條第1項第5款」→「資通安全管理法施行細則第7條第1項第5款」. */
export function citation(source: TSource): string {
  return `${source.document.replace(/（[^（）]*）$/, "")}${source.section}`;
}

/** The clauses of one section that apply to the case, parameters filled, in library order. */
export function clauseBlocks(library: TClauseLibrary, section: TClause["section"], ctx: TClauseContext): TClauseBlock[] {
  return library.clauses
    .filter((clause) => clause.section === section && applies(clause.when, ctx))
    .map((clause) => {
      const paragraphs = clause.paragraphs
        .filter((p) => applies(p.when, ctx))
        .map((p) => ({
          text: cleanText(fillParameters(p.text, ctx.values)),
          items: p.items.map((item) => cleanText(fillParameters(item, ctx.values))),
        }));
      const note = ctx.notes[clause.id];
      if (note) paragraphs.push({ text: cleanText(note), items: [] });
      return {
        id: clause.id,
        title: clause.title,
        paragraphs,
        basis: clause.sources.filter((s) => s.cite).map(citation),
      };
    })
    .filter((block) => block.paragraphs.length > 0);
}
