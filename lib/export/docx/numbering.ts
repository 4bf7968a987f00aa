import { AlignmentType, LevelFormat, LevelSuffix, type ILevelsOptions, type INumberingOptions } from "docx";
import { CHAR, SIZE } from "./styles";

/**
 * Word list numbering (numbering.xml) for the outline 一、 （一） 1. （1）, so that deleting or inserting
 * a clause in Word renumbers the rest — the edit every agency makes. The numbers are never typed text.
 *
 * Two multi-level lists:
 * - `outline` (annex, appendices): level 0 一、 … level 3 （1）;
 * - `articles` (contract): level 0 第一條, then the outline one level down (款 一、, 目 （一）, 1., （1））.
 * Each level's indent is fixed here: its label starts where the level above puts its text. 、 and ）
 * end a label themselves (no gap, as typed in 公文); 「1.」 is followed by a tab to the text.
 */
export type TListRef = "outline" | "articles" | "checklistGroups" | "checklistItems" | "instructions" | "cellItems";

/** The outline levels 一、 （一） 1. （1） (0–3); `articles` puts them one level down. */
export type TLevel = 0 | 1 | 2 | 3;

const LEVEL: Record<TLevel, { format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: (n: string) => string; suffix: "nothing" | "tab"; width: number }> =
  {
    0: { format: LevelFormat.TAIWANESE_COUNTING_THOUSAND, text: (n) => `${n}、`, suffix: "nothing", width: 2 * CHAR },
    1: { format: LevelFormat.TAIWANESE_COUNTING_THOUSAND, text: (n) => `（${n}）`, suffix: "nothing", width: 3 * CHAR },
    2: { format: LevelFormat.DECIMAL, text: (n) => `${n}.`, suffix: "tab", width: 2 * CHAR },
    3: { format: LevelFormat.DECIMAL, text: (n) => `（${n}）`, suffix: "nothing", width: Math.round(2.5 * CHAR) },
  };

/** Where the outline's labels start (`label`) and its text starts (`text`), per list, in twips. */
export interface TIndent {
  label: number;
  text: number;
}

function chain(first: number, levels: readonly TLevel[], firstSize: number): TIndent[] {
  const out: TIndent[] = [];
  let at = first;
  levels.forEach((level, i) => {
    // Level 0 of the annex is a Heading 1, a size larger: its label is wider.
    const width = i === 0 ? Math.round((LEVEL[level].width * firstSize) / SIZE.body) : LEVEL[level].width;
    out.push({ label: at, text: at + width });
    at += width;
  });
  return out;
}

/** outline: ilvl = level; the annex's level 0 is Heading 1 (14 pt). */
const OUTLINE = chain(0, [0, 1, 2, 3], SIZE.heading);
/** articles: ilvl 0 is 第一條 (a Heading 1 at the margin), ilvl 1–4 the outline from the margin. */
const ARTICLES = [{ label: 0, text: 0 }, ...chain(0, [0, 1, 2, 3], SIZE.body)];

/** The ilvl of an outline level in a list. */
export const ilvl = (ref: "outline" | "articles", level: TLevel) => (ref === "articles" ? level + 1 : level);

/** Where a paragraph of `level` in `ref` starts its label and its text (for plain paragraphs beside it). */
export function indentOf(ref: "outline" | "articles", level: TLevel): TIndent {
  return (ref === "articles" ? ARTICLES : OUTLINE)[ilvl(ref, level)]!;
}

function level(ilvlIndex: number, outline: TLevel, at: TIndent): ILevelsOptions {
  const l = LEVEL[outline];
  return {
    level: ilvlIndex,
    format: l.format,
    text: l.text(`%${ilvlIndex + 1}`),
    alignment: AlignmentType.LEFT,
    suffix: l.suffix === "tab" ? LevelSuffix.TAB : LevelSuffix.NOTHING,
    style: { paragraph: { indent: { left: at.text, hanging: at.text - at.label } } },
  };
}

/** The numbering definitions every document carries (unused ones cost a few hundred bytes). */
export const NUMBERING: INumberingOptions = {
  config: [
    { reference: "outline", levels: ([0, 1, 2, 3] as const).map((l) => level(l, l, OUTLINE[l]!)) },
    {
      reference: "articles",
      levels: [
        {
          level: 0,
          format: LevelFormat.TAIWANESE_COUNTING_THOUSAND,
          text: "第%1條　",
          alignment: AlignmentType.LEFT,
          suffix: LevelSuffix.NOTHING,
          style: { paragraph: { indent: { left: 0, hanging: 0 } } },
        },
        ...([0, 1, 2, 3] as const).map((l) => level(l + 1, l, ARTICLES[l + 1]!)),
      ],
    },
    // The self-assessment's group rows (一、共通性需求) and its item numbers (1. 2. … through the table).
    { reference: "checklistGroups", levels: [{ ...level(0, 0, { label: 0, text: 0 }) }] },
    {
      reference: "checklistItems",
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: "%1.",
          alignment: AlignmentType.LEFT,
          suffix: LevelSuffix.SPACE,
          style: { paragraph: { indent: { left: 0, hanging: 0 } } },
        },
      ],
    },
    { reference: "instructions", levels: [level(0, 0, { label: 0, text: 2 * CHAR })] },
    // A clause paragraph's sub-items inside a table cell: （1） （2）, a new list in every cell.
    { reference: "cellItems", levels: [level(0, 3, { label: 0, text: Math.round(2.5 * 220) })] },
  ],
};

/**
 * Hands out list instances: one per document for the outline (so the whole document renumbers as one),
 * a new one where a list must start again at 1 (an appendix after the numbered sections, each cell).
 */
export class Lists {
  private next = 1;
  /** A new list of `ref`, numbered from 1 at every level. */
  fresh(): number {
    return this.next++;
  }
}
