import { CarriageReturn, Paragraph, Tab, TextRun, type IParagraphOptions, type IRunOptions, type ParagraphChild } from "docx";
import { cleanText } from "../text/sanitize";
import { RUN_FONT, SIZE } from "./styles";

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

/**
 * Where a numbered list puts its labels (`start`) and its text (`start + width`), in twips. The width
 * fits the list's widest label (「（十二）」 is wider than 「（一）」) plus a small gap, so the tab after
 * a label always lands on the hanging indent: a label exactly as wide as the indent would push the
 * text to the next default tab stop.
 */
export interface TSlot {
  start: number;
  width: number;
}
const GAP = 60;

/** Width of a label in twips: full-width characters one em, digits and Latin half, '.' a quarter. */
export function labelWidth(label: string, halfPoints: number): number {
  const em = halfPoints * 10;
  let width = 0;
  for (const ch of label) width += ch === "." ? em / 4 : (ch.codePointAt(0) ?? 0) >= 0x2e80 ? em : em / 2;
  return width;
}

export function slotFor(start: number, labels: readonly string[], minWidth: number, halfPoints: number = SIZE.body): TSlot {
  const widest = labels.reduce((max, l) => Math.max(max, labelWidth(l, halfPoints)), 0);
  return { start, width: Math.max(minWidth, Math.ceil(widest + GAP)) };
}

export const textOf = (slot: TSlot) => slot.start + slot.width;

export type TNumberedOptions = Omit<IParagraphOptions, "children" | "text" | "indent" | "tabStops"> & {
  bold?: boolean;
  size?: number;
  /** Runs after the text, e.g. a frequency in a smaller size. */
  after?: readonly ParagraphChild[];
};

/** 「label ⇥ text」 with a hanging indent, so wrapped lines align under the text. */
export function numbered(slot: TSlot, label: string, text: string, options: TNumberedOptions = {}): Paragraph {
  const { bold, size, after = [], ...rest } = options;
  const style = { ...(bold ? { bold: true } : {}), ...(size ? { size } : {}) };
  return new Paragraph({
    ...rest,
    // The hanging indent is the tab's stop (Word and LibreOffice both treat it as one): no w:tabs needed.
    indent: { left: textOf(slot), hanging: slot.width },
    children: [run([label, TAB, text], style), ...after],
  });
}

/** A paragraph at a given indent, without a number. */
export function plain(left: number, children: readonly ParagraphChild[], options: Omit<IParagraphOptions, "children" | "text" | "indent"> = {}): Paragraph {
  return new Paragraph({ ...options, indent: { left }, children: [...children] });
}
