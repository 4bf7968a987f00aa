import { CarriageReturn, Paragraph, Tab, TextRun, type IParagraphOptions, type IRunOptions, type ParagraphChild } from "docx";
import { cleanText } from "../text/sanitize";
import { RUN_FONT } from "./styles";

type TRunStyle = Pick<IRunOptions, "bold" | "size" | "color" | "italics">;

/**
 * A run in the house fonts. Every string passes cleanText here, whatever the model did before.
 * `TAB` and `BREAK` in the parts become a tab and a line break inside the same run: one run per
 * paragraph keeps the XML (and the time to pack it) small.
 */
export const TAB: unique symbol = Symbol("tab");
export const BREAK: unique symbol = Symbol("line break");
export type TRunPart = string | typeof TAB | typeof BREAK;
export function run(text: string | readonly TRunPart[], style: TRunStyle = {}): TextRun {
  const parts = typeof text === "string" ? [text] : text;
  const children = parts.map((part) => (part === TAB ? new Tab() : part === BREAK ? new CarriageReturn() : cleanText(part)));
  // Fonts on every run (a pasted or restyled paragraph keeps them); the language comes from the
  // document defaults and styles, which every run inherits: one element less per run.
  return new TextRun({ children, font: RUN_FONT, ...style });
}

export function para(text: string, options: Omit<IParagraphOptions, "children" | "text"> & { run?: TRunStyle } = {}): Paragraph {
  const { run: style, ...rest } = options;
  return new Paragraph({ ...rest, children: [run(text, style)] });
}

/** Width of a label in twips: full-width characters one em, digits and Latin half, '.' a quarter. */
export function labelWidth(label: string, halfPoints: number): number {
  const em = halfPoints * 10;
  let width = 0;
  for (const ch of label) width += ch === "." ? em / 4 : (ch.codePointAt(0) ?? 0) >= 0x2e80 ? em : em / 2;
  return width;
}

/** A paragraph's place in a Word list: which list (`reference` + `instance`) and which level (ilvl). */
export interface TListAt {
  reference: string;
  instance: number;
  level: number;
}

export type TNumberedOptions = Omit<IParagraphOptions, "children" | "text" | "indent" | "tabStops" | "numbering"> & {
  bold?: boolean;
  size?: number;
  /** Runs after the text, e.g. a frequency in a smaller size. */
  after?: readonly ParagraphChild[];
};

/**
 * A paragraph numbered by Word (numPr): the label and the hanging indent come from numbering.xml, so
 * Word renumbers when a paragraph is deleted or inserted. `custom`: keep the heading or body style
 * (no ListParagraph).
 */
export function numbered(at: TListAt, text: string, options: TNumberedOptions = {}): Paragraph {
  const { bold, size, after = [], ...rest } = options;
  const style = { ...(bold ? { bold: true } : {}), ...(size ? { size } : {}) };
  return new Paragraph({
    ...rest,
    numbering: { reference: at.reference, instance: at.instance, level: at.level, custom: true },
    children: [run(text, style), ...after],
  });
}

/** A paragraph at a given indent, without a number. */
export function plain(left: number, children: readonly ParagraphChild[], options: Omit<IParagraphOptions, "children" | "text" | "indent"> = {}): Paragraph {
  return new Paragraph({ ...options, indent: { left }, children: [...children] });
}
