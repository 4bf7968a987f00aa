import { Document, Packer, type Paragraph, type Table } from "docx";
import type { TExportModel } from "../model/types";
import { cleanLine } from "../text/sanitize";
import { pageFooter, pageHeader } from "./frame";
import { NUMBERING } from "./numbering";
import { stablePackage } from "./stable";
import { EAST_ASIAN_FONT, LATIN_FONT, PAGE, STYLES } from "./styles";

/** A one-section working record (資安驗收檢核表, the reviewed 自評表) in the documents' page frame, fonts and styles. */
export async function recordDocx(model: TExportModel, title: string, subject: string, children: (Paragraph | Table)[]): Promise<Buffer> {
  const doc = new Document({
    title: cleanLine(title),
    subject,
    creator: "SecReq 資服採購資安需求產生器",
    styles: STYLES,
    numbering: NUMBERING,
    theme: { fonts: { headings: { latin: LATIN_FONT, scripts: { Hant: EAST_ASIAN_FONT } }, body: { latin: LATIN_FONT, scripts: { Hant: EAST_ASIAN_FONT } } } },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { ...PAGE.margin, gutter: 0 } } },
        headers: { default: pageHeader(model) },
        footers: { default: pageFooter(model) },
        children,
      },
    ],
  });
  return stablePackage(await Packer.toBuffer(doc));
}
