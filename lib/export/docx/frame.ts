import { AlignmentType, BorderStyle, Footer, Header, PageNumber, Paragraph, Tab, TabStopType, TextRun } from "docx";
import { TextWatermark } from "docx/watermarks";
import type { TExportModel } from "../model/types";
import { cleanText } from "../text/sanitize";
import { EAST_ASIAN_FONT, RUN_FONT, SIZE, TEXT_WIDTH } from "./styles";
import { run } from "./text";

/** Long case names would wrap the header over several lines; the cover carries the full name. */
const HEADER_NAME_MAX = 36;
const shorten = (s: string, max: number) =>
  Array.from(s).length > max
    ? `${Array.from(s)
        .slice(0, max - 1)
        .join("")}…`
    : s;

/**
 * Header: agency and case (and 案號) on the left, 草稿 on the right of a draft. A draft also carries a
 * true Word watermark (the VML WordArt that Word's Design › Watermark writes), which Word can remove
 * like its own; the header text stays visible where a viewer does not draw VML.
 */
export function pageHeader(model: TExportModel): Header {
  const m = model.meta;
  const left = `${m.agencyName}　${shorten(m.caseName, HEADER_NAME_MAX)}${m.caseNumber ? `（案號：${shorten(m.caseNumber, 30)}）` : ""}`;
  const children = [
    run(left, { size: SIZE.small }),
    ...(model.status === "draft" ? [new TextRun({ children: [new Tab()] }), run("草稿", { size: SIZE.small, bold: true, color: "C00000" })] : []),
  ];
  const header = new Paragraph({
    children,
    tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
    border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: "808080", space: 2 } },
    spacing: { after: 0 },
    alignment: AlignmentType.LEFT,
  });
  const paragraphs = [header];
  if (model.status === "draft")
    paragraphs.push(
      new Paragraph({
        spacing: { after: 0 },
        children: [new TextWatermark({ text: "草稿", font: EAST_ASIAN_FONT, color: "D9D9D9", opacity: 0.5 })],
      }),
    );
  return new Header({ children: paragraphs });
}

/** Footer: 第 X 頁，共 Y 頁 (PAGE / NUMPAGES fields), then the catalogue version and generation date. */
export function pageFooter(model: TExportModel): Footer {
  const m = model.meta;
  const fieldRun = (children: (string | (typeof PageNumber)[keyof typeof PageNumber])[]) =>
    new TextRun({ children: children.map((c) => (typeof c === "string" ? cleanText(c) : c)), font: RUN_FONT, size: SIZE.small });
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 0 },
        children: [fieldRun(["第 ", PageNumber.CURRENT, " 頁，共 ", PageNumber.TOTAL_PAGES, " 頁"])],
      }),
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 0 },
        children: [
          run(`一覽表版本 ${m.catalogueVersion}　產製日期 ${m.generatedOnShort}${model.status === "draft" ? "　草稿" : ""}`, {
            size: SIZE.small,
            color: "404040",
          }),
        ],
      }),
    ],
  });
}
