import { AlignmentType, Paragraph, TableOfContents } from "docx";
import { run } from "./text";

/**
 * 目錄: a TOC field over Heading 1–3. It is written with an entry per heading (so it is not empty before
 * an update) and dirty, so Word offers to update it (numbers and pages) on opening; LibreOffice updates
 * it with 工具 › 更新 › 全部更新. The body's first heading starts a new page after it.
 */
export function tableOfContents(): (Paragraph | TableOfContents)[] {
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, pageBreakBefore: true, spacing: { after: 120 }, children: [run("目　錄", { bold: true })] }),
    new TableOfContents("目錄", { hyperlink: true, headingStyleRange: "1-3" }),
  ];
}
