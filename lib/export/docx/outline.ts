import { HeadingLevel, type Paragraph } from "docx";
import type { TClauseBlock, TExemptLine, TRequirementGroup, TRequirementLine } from "../model/types";
import { zhNumber } from "../text/format";
import { CHAR, SIZE, STYLE_ID } from "./styles";
import { numbered, plain, run, slotFor, textOf, type TSlot } from "./text";

/**
 * Outline levels 一、 （一） 1. （1）, written as explicit label text (not Word list numbering): the
 * numbers are what the self-assessment and cross-references quote, and read the same in every viewer.
 */
export type TLevel = 0 | 1 | 2 | 3;

export function label(level: TLevel, n: number): string {
  switch (level) {
    case 0:
      return `${zhNumber(n)}、`;
    case 1:
      return `（${zhNumber(n)}）`;
    case 2:
      return `${n}.`;
    case 3:
      return `（${n}）`;
  }
}

/** Minimum label widths in characters, so short lists keep the usual look. */
const MIN_CHARS: Record<TLevel, number> = { 0: 2, 1: 3, 2: 2, 3: 3 };

/** The slot of a list of `count` items at `level`, starting at `start`. */
export function listSlot(level: TLevel, start: number, count: number, halfPoints: number = SIZE.body): TSlot {
  const labels = Array.from({ length: Math.max(count, 1) }, (_, i) => label(level, i + 1));
  return slotFor(start, labels, MIN_CHARS[level] * CHAR * (halfPoints / SIZE.body), halfPoints);
}

/** Word heading depth (1–3); deeper lists are bold text without a heading style. */
export type THeadingDepth = 1 | 2 | 3 | 4;
const HEADING: Record<THeadingDepth, (typeof HeadingLevel)[keyof typeof HeadingLevel] | undefined> = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: undefined,
};
const deeper = (depth: THeadingDepth) => Math.min(depth + 1, 4) as THeadingDepth;

/** The text size of a heading depth (Heading 1 is larger), for fitting its labels. */
export const headingSize = (depth: THeadingDepth) => (depth === 1 ? SIZE.heading : SIZE.body);

/**
 * A numbered heading: the label style follows the outline `level` (一、 （一） 1.), the Word heading
 * style follows the document's `depth`, so the navigation pane nests as the document does (a contract's
 * article is Heading 1, its 一、 Heading 2). The style makes it bold.
 */
export function headingAt(slot: TSlot, level: TLevel, n: number, title: string, depth: THeadingDepth): Paragraph {
  const heading = HEADING[depth];
  return numbered(slot, label(level, n), title, heading ? { heading } : { bold: true });
}

/**
 * A clause's paragraphs from `left`: numbered at `level` when there are several, plain when one;
 * sub-items a level down; then its legal basis, if it cites law.
 */
export function clauseBody(clause: TClauseBlock, left: number, level: TLevel): Paragraph[] {
  const out: Paragraph[] = [];
  const single = clause.paragraphs.length === 1;
  const slot = listSlot(level, left, clause.paragraphs.length);
  clause.paragraphs.forEach((p, i) => {
    out.push(single ? plain(left, [run(p.text)]) : numbered(slot, label(level, i + 1), p.text));
    if (!p.items.length) return;
    const itemLevel = (single ? level : Math.min(level + 1, 3)) as TLevel;
    const itemSlot = listSlot(itemLevel, single ? left : textOf(slot), p.items.length);
    p.items.forEach((item, j) => out.push(numbered(itemSlot, label(itemLevel, j + 1), item)));
  });
  if (clause.basis.length) out.push(plain(left, [run(`法規依據：${clause.basis.join("；")}`)], { style: STYLE_ID.note }));
  return out;
}

/** A requirement line with its frequency (for ▲ items) in a smaller size. */
export function requirementAt(slot: TSlot, level: TLevel, n: number, item: TRequirementLine): Paragraph {
  return numbered(slot, label(level, n), item.text, {
    after: item.frequency ? [run(`（辦理頻率或範圍：${item.frequency}）`, { size: SIZE.table, color: "404040" })] : [],
  });
}

/** Clauses as numbered headings at `level` from `start`, each with its body one level down. */
export function clauseList(clauses: readonly TClauseBlock[], start: number, level: TLevel, depth: THeadingDepth): Paragraph[] {
  const slot = listSlot(level, start, clauses.length, headingSize(depth));
  return clauses.flatMap((clause, i) => [headingAt(slot, level, i + 1, clause.title, depth), ...clauseBody(clause, textOf(slot), Math.min(level + 1, 3) as TLevel)]);
}

/** 二、技術需求's body: service types at `level`, their categories and items below. */
export function requirementList(groups: readonly TRequirementGroup[], start: number, level: 0 | 1, depth: THeadingDepth): Paragraph[] {
  const out: Paragraph[] = [];
  const typeSlot = listSlot(level, start, groups.length, headingSize(depth));
  groups.forEach((group, i) => {
    out.push(headingAt(typeSlot, level, i + 1, group.name, depth));
    const categorySlot = listSlot((level + 1) as TLevel, textOf(typeSlot), group.categories.length, headingSize(deeper(depth)));
    group.categories.forEach((category, j) => {
      out.push(headingAt(categorySlot, (level + 1) as TLevel, j + 1, category.name, deeper(depth)));
      const itemSlot = listSlot((level + 2) as TLevel, textOf(categorySlot), category.items.length);
      category.items.forEach((item, k) => out.push(requirementAt(itemSlot, (level + 2) as TLevel, k + 1, item)));
    });
  });
  return out;
}

/** 本案免辦: each required ▲ item with the procurement it was placed in. */
export function exemptList(lines: readonly TExemptLine[], start: number, level: TLevel): Paragraph[] {
  const slot = listSlot(level, start, lines.length);
  return lines.map((line, i) =>
    numbered(slot, label(level, i + 1), `${line.serviceTypeName}／${line.category}：${line.text}`, {
      after: [run(`（納入辦理之他案：${line.reference}${line.reason ? `；理由：${line.reason}` : ""}）`, { bold: true })],
    }),
  );
}
