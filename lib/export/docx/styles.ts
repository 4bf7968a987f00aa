import { AlignmentType, LineRuleType, type IRunStylePropertiesOptions, type IStylesOptions } from "docx";

/**
 * House style of the three documents: what a Taiwanese agency expects to open in Word.
 * 標楷體 for East Asian text, Times New Roman for Latin text and digits; language zh-TW for East Asian
 * text (spell-checking, line breaking) — set in the document defaults and again on every run, because
 * Word and LibreOffice both let a run's own fonts win over pasted-in or theme styles.
 */
export const EAST_ASIAN_FONT = "標楷體";
export const LATIN_FONT = "Times New Roman";

export const RUN_FONT = {
  ascii: LATIN_FONT,
  hAnsi: LATIN_FONT,
  cs: LATIN_FONT,
  eastAsia: EAST_ASIAN_FONT,
  // Ambiguous-width characters (quotes, ellipses, 「」) take the East Asian font.
  hint: "eastAsia",
} as const;
export const RUN_LANGUAGE = { value: "en-US", eastAsia: "zh-TW" } as const;

/** Half-points, as `docx` takes them. */
export const SIZE = { title: 36, heading: 28, body: 24, table: 22, small: 18 } as const;

/** A4 in twips, with 2.54 cm top/bottom and 2.2 cm left/right margins. */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: 1440, bottom: 1440, left: 1247, right: 1247, header: 709, footer: 709 },
} as const;
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

/** One full-width character at body size, in twips: the unit of every indent. */
export const CHAR = 240;

const baseRun: IRunStylePropertiesOptions = { font: RUN_FONT, language: RUN_LANGUAGE, color: "000000" };

/** Paragraph styles for table text and notes, so each cell paragraph does not repeat its formatting. */
export const STYLE_ID = { table: "TableText", note: "NoteText" } as const;

export const STYLES: IStylesOptions = {
  paragraphStyles: [
    {
      id: STYLE_ID.table,
      name: "Table Text",
      basedOn: "Normal",
      quickFormat: true,
      run: { size: SIZE.table },
      paragraph: { spacing: { after: 0, line: 280, lineRule: LineRuleType.EXACT }, alignment: AlignmentType.LEFT },
    },
    {
      id: STYLE_ID.note,
      name: "Note Text",
      basedOn: "Normal",
      quickFormat: true,
      run: { size: SIZE.small, color: "404040" },
      paragraph: { spacing: { after: 60 } },
    },
    // 目錄 entries (they replace docx's own TOC 1–3, by name): an exact line and little space after, so a
    // table of contents of some 25 headings stays on its page (docx's 5 pt after and the body's auto line
    // pushed the field's closing paragraph onto a page of its own, left blank before the first heading).
    ...[1, 2, 3].map((level) => ({
      id: `TOC${level}`,
      name: `toc ${level}`,
      basedOn: "Normal",
      next: "Normal",
      uiPriority: 39,
      semiHidden: true,
      unhideWhenUsed: true,
      paragraph: { spacing: { after: 40, line: 320, lineRule: LineRuleType.EXACT }, indent: level > 1 ? { left: (level - 1) * CHAR } : undefined },
    })),
  ],
  default: {
    document: {
      run: { ...baseRun, size: SIZE.body },
      // Left-aligned: justified CJK spreads a line that breaks before a long Latin term (e.g. "(Secure Software…") letter by letter.
      paragraph: { spacing: { after: 60, line: 300, lineRule: LineRuleType.AUTO }, alignment: AlignmentType.LEFT },
    },
    title: {
      run: { ...baseRun, size: SIZE.title, bold: true },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120 } },
    },
    heading1: {
      run: { ...baseRun, size: SIZE.heading, bold: true },
      paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true, alignment: AlignmentType.LEFT },
    },
    heading2: {
      run: { ...baseRun, size: SIZE.body, bold: true },
      paragraph: { spacing: { before: 120, after: 60 }, keepNext: true, keepLines: true, alignment: AlignmentType.LEFT },
    },
    heading3: {
      run: { ...baseRun, size: SIZE.body, bold: true },
      paragraph: { spacing: { before: 60, after: 60 }, keepNext: true, keepLines: true, alignment: AlignmentType.LEFT },
    },
  },
};
