import { AlignmentType, HeightRule, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, WidthType } from "docx";
import { SIZE, STYLE_ID } from "./styles";
import { labelWidth, run, type TListAt, type TRunPart } from "./text";

/**
 * Cell paragraphs in the Table Text style: a size smaller, left-aligned (justified CJK in narrow cells
 * spreads badly), with an exact line height (LibreOffice sizes an "auto" line from the document's 12 pt
 * default rather than the style's 11 pt, and the table grows by a sixth). A `label` (「1. 」) hangs, so
 * wrapped lines start under the text, not under the number.
 */
export function cellText(
  text: string | readonly TRunPart[],
  options: { bold?: boolean; align?: "center"; label?: string; size?: number; indent?: number; numbering?: TListAt } = {},
): Paragraph {
  const hang = options.label ? Math.ceil(labelWidth(options.label, SIZE.table)) : 0;
  const left = (options.indent ?? 0) + hang;
  const parts = typeof text === "string" ? [text] : text;
  return new Paragraph({
    style: STYLE_ID.table,
    alignment: options.align === "center" ? AlignmentType.CENTER : undefined,
    indent: left ? { left, hanging: hang } : undefined,
    numbering: options.numbering ? { ...options.numbering, custom: true } : undefined,
    children: [run(options.label ? [options.label, ...parts] : parts, { bold: options.bold, size: options.size })],
  });
}

/** An empty cell paragraph (space for the bidder to write in). */
export const blank = () => new Paragraph({});

export function cell(children: readonly Paragraph[], width: number, options: { shade?: boolean; span?: number } = {}): TableCell {
  return new TableCell({
    children: [...children],
    width: { size: width, type: WidthType.DXA },
    columnSpan: options.span,
    shading: options.shade ? { type: ShadingType.CLEAR, color: "auto", fill: "E7E6E6" } : undefined,
  });
}

export interface TRow {
  cells: TableCell[];
  /** Keep with the next row (group titles), so a title never ends a page alone. */
  keepNext?: boolean;
  /** Minimum height in twips (space to write in). */
  minHeight?: number;
}

/**
 * A table with set column widths (fixed layout, so Word does not re-flow it from the content), cell
 * margins set once for the table, a header row repeated on every page and kept with the first row,
 * and no row split across pages.
 */
export function fixedTable(widths: readonly number[], header: readonly (string | readonly string[])[] | null, rows: readonly TRow[]): Table {
  const all: TableRow[] = [];
  if (header)
    all.push(
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        keepNext: true,
        children: header.map((h, i) =>
          // [title, note]: the note in a smaller size, so 「是／否／不適用」 fits a narrow column.
          cell(
            typeof h === "string"
              ? [cellText(h, { bold: true, align: "center" })]
              : h.map((line, j) => cellText(line, { bold: j === 0, align: "center", size: j === 0 ? undefined : SIZE.small })),
            widths[i]!,
            { shade: true },
          ),
        ),
      }),
    );
  for (const row of rows)
    all.push(
      new TableRow({
        cantSplit: true,
        keepNext: row.keepNext,
        height: row.minHeight ? { value: row.minHeight, rule: HeightRule.ATLEAST } : undefined,
        children: row.cells,
      }),
    );
  return new Table({
    rows: all,
    columnWidths: [...widths],
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}
