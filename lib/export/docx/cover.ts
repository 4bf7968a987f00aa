import { AlignmentType, HeadingLevel, Paragraph, type Table } from "docx";
import type { TExportModel } from "../model/types";
import { CHAR, SIZE, TEXT_WIDTH } from "./styles";
import { cell, cellText, fixedTable } from "./table";
import { para, run } from "./text";

const LABEL_WIDTH = 10 * CHAR;

/** Title lines (agency, case, document) and the case facts; 草稿 spelled out on a draft's cover. */
export function coverBlock(model: TExportModel, documentTitle: string, preamble: string | null): (Paragraph | Table)[] {
  const m = model.meta;
  const title: Paragraph[] = [
    para(m.agencyName, { alignment: AlignmentType.CENTER, run: { size: SIZE.heading, bold: true }, spacing: { after: 60 } }),
    para(m.caseName, { alignment: AlignmentType.CENTER, run: { size: SIZE.heading, bold: true }, spacing: { after: 60 } }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [run(documentTitle)] }),
  ];
  if (model.status === "draft")
    title.push(para("【草稿】未經核定，僅供檢視", { alignment: AlignmentType.CENTER, run: { bold: true, color: "C00000" }, spacing: { after: 120 } }));
  const facts = fixedTable(
    [LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH],
    null,
    model.cover.map((row) => ({
      cells: [cell([cellText(row.label, { bold: true })], LABEL_WIDTH, { shade: true }), cell([cellText(row.value)], TEXT_WIDTH - LABEL_WIDTH)],
    })),
  );
  const out: (Paragraph | Table)[] = [...title, facts];
  if (preamble) out.push(para(preamble, { spacing: { before: 160, after: 120 } }));
  return out;
}
