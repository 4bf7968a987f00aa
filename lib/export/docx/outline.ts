import { HeadingLevel, type Paragraph } from "docx";
import type { TClauseBlock, TExemptLine, TProjectLine, TRequirementGroup, TRequirementLine } from "../model/types";
import { ilvl, indentOf, type TLevel } from "./numbering";
import { SIZE, STYLE_ID } from "./styles";
import { numbered, plain, run, type TListAt } from "./text";

export type { TLevel } from "./numbering";

/**
 * Outline levels 一、 （一） 1. （1） as Word list numbering (numbering.ts). A `TList` is one list of
 * the document: `outline` (annex) or `articles` (contract, where 一、 sits under 第一條), and its instance.
 */
export interface TList {
  ref: "outline" | "articles";
  instance: number;
}

export const at = (list: TList, level: TLevel): TListAt => ({ reference: list.ref, instance: list.instance, level: ilvl(list.ref, level) });

/** Where unnumbered text under a paragraph of `level` starts: that paragraph's text. */
export const textAt = (list: TList, level: TLevel) => indentOf(list.ref, level).text;
/** Where a paragraph of `level` starts its label (an unnumbered paragraph in its place starts there). */
export const labelAt = (list: TList, level: TLevel) => indentOf(list.ref, level).label;

/** Word heading depth (1–3); deeper lists are bold text without a heading style. */
export type THeadingDepth = 1 | 2 | 3 | 4;
const HEADING: Record<THeadingDepth, (typeof HeadingLevel)[keyof typeof HeadingLevel] | undefined> = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: undefined,
};
export const deeper = (depth: THeadingDepth) => Math.min(depth + 1, 4) as THeadingDepth;
const down = (level: TLevel) => Math.min(level + 1, 3) as TLevel;

/**
 * A numbered heading: the number follows the outline `level` (一、 （一） 1.), the Word heading style
 * follows the document's `depth`, so the navigation pane nests as the document does (a contract's
 * article is Heading 1, its 一、 Heading 2). The style makes it bold.
 */
export function headingAt(list: TList, level: TLevel, title: string, depth: THeadingDepth, pageBreakBefore = false): Paragraph {
  const heading = HEADING[depth];
  return numbered(at(list, level), title, { ...(heading ? { heading } : { bold: true }), ...(pageBreakBefore ? { pageBreakBefore } : {}) });
}

/**
 * A clause's paragraphs at `level`: numbered when there are several, plain when one; sub-items a
 * level down; then its legal basis, if it cites law.
 */
export function clauseBody(clause: TClauseBlock, list: TList, level: TLevel): Paragraph[] {
  const out: Paragraph[] = [];
  const single = clause.paragraphs.length === 1;
  const left = labelAt(list, level);
  clause.paragraphs.forEach((p) => {
    out.push(single ? plain(left, [run(p.text)]) : numbered(at(list, level), p.text));
    const itemLevel = single ? level : down(level);
    for (const item of p.items) out.push(numbered(at(list, itemLevel), item));
  });
  if (clause.basis.length) out.push(plain(left, [run(`法規依據：${clause.basis.join("；")}`)], { style: STYLE_ID.note }));
  return out;
}

/** A requirement line with its frequency (for ▲ items) and the types it comes from, in a smaller size. */
export function requirementAt(list: TList, level: TLevel, item: TRequirementLine): Paragraph {
  const notes = lineNotes(item);
  return numbered(at(list, level), item.text, {
    after: notes.length ? [run(`（${notes.join("；")}）`, { size: SIZE.table, color: "404040" })] : [],
  });
}

/** What follows a requirement in parentheses: its frequency, its types, a note. */
export function lineNotes(item: TRequirementLine): string[] {
  return [...(item.frequency ? [`辦理頻率或範圍：${item.frequency}`] : []), ...(item.types ? [item.types] : []), ...(item.note ? [item.note] : [])];
}

/** Clauses as numbered headings at `level`, each with its body one level down. */
export function clauseList(clauses: readonly TClauseBlock[], list: TList, level: TLevel, depth: THeadingDepth): Paragraph[] {
  return clauses.flatMap((clause) => [headingAt(list, level, clause.title, depth), ...clauseBody(clause, list, down(level))]);
}

/** 技術需求's body: categories at `level` (the contract's requirements, listed once), their items below. */
export function requirementList(groups: readonly TRequirementGroup[], list: TList, level: TLevel, depth: THeadingDepth): Paragraph[] {
  const out: Paragraph[] = [];
  for (const group of groups) {
    out.push(headingAt(list, level, group.types ? `${group.name}（${group.types}）` : group.name, depth));
    for (const item of group.items) out.push(requirementAt(list, down(level), item));
  }
  return out;
}

/** 本案免辦: each required ▲ item with the procurement it was placed in. */
export function exemptList(lines: readonly TExemptLine[], list: TList, level: TLevel): Paragraph[] {
  return lines.map((line) =>
    numbered(at(list, level), `${line.category}：${line.text}`, {
      after: [run(`（${line.types ? `${line.types}；` : ""}納入辦理之他案：${line.reference}${line.reason ? `；理由：${line.reason}` : ""}）`, { bold: true })],
    }),
  );
}

/**
 * 專案管理需求: one numbered line per applicable item of 003's table; an item a clause already says
 * refers to that clause by title (「見本規範「專案工作計畫」」) instead of saying it again.
 */
export function projectList(items: readonly TProjectLine[], list: TList, level: TLevel, doc: "annex" | "clauses"): Paragraph[] {
  const where = doc === "annex" ? "本規範" : "本條款";
  return items.map((item) =>
    numbered(at(list, level), item.text ? `${item.title}：${item.text}` : `${item.title}：依${where}${item.see.map((t) => `「${t}」`).join("、")}辦理。`),
  );
}
