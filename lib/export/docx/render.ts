import { Document, Packer, type Paragraph, type Table, type TableOfContents } from "docx";
import type { TExportModel } from "../model/types";
import { cleanLine } from "../text/sanitize";
import { annexBody, ANNEX_TITLE } from "./annex";
import { checklistBody, checklistRows, CHECKLIST_TITLE } from "./checklist";
import { fillableXml, formProperties, type TFormIdentity } from "./form";
import { clausesBody, CLAUSES_TITLE } from "./contract";
import { pageFooter, pageHeader } from "./frame";
import { risksBody, RISKS_TITLE } from "./risks";
import { Lists, NUMBERING } from "./numbering";
import { stablePackage } from "./stable";
import { EAST_ASIAN_FONT, LATIN_FONT, PAGE, STYLES } from "./styles";

/**
 * The case's documents. `risks` is for the agency's own file (not for bidders). A new kind added here is
 * offered for download, frozen at approval and stored with the rest without further code.
 */
export const DOC_KINDS = ["annex", "clauses", "checklist", "risks"] as const;
export type TDocKind = (typeof DOC_KINDS)[number];

export const DOC_TITLE: Record<TDocKind, string> = { annex: ANNEX_TITLE, clauses: CLAUSES_TITLE, checklist: CHECKLIST_TITLE, risks: RISKS_TITLE };

/** Documents for the agency's own use only: the page says so beside the link. */
export const INTERNAL_DOCS: ReadonlySet<TDocKind> = new Set(["risks"]);

/**
 * Names the renderer that wrote a stored document; raise it when the output of the same model changes,
 * so a stored document tells which renderer made it.
 */
export const RENDERER_VERSION = "docx-2026.12.2-qa";

const BODY: Record<TDocKind, (model: TExportModel, lists: Lists) => (Paragraph | Table | TableOfContents)[]> = {
  annex: annexBody,
  clauses: clausesBody,
  checklist: checklistBody,
  risks: risksBody,
};

export interface TRenderOptions {
  /** The checklist's identity (case, revision, contract) the vendor's filled copy is read back against. */
  form?: TFormIdentity;
}

/** The `docx` Document of one of the documents (exported for tests and the benchmark). */
export function exportDocument(model: TExportModel, kind: TDocKind, options: TRenderOptions = {}): Document {
  const title = DOC_TITLE[kind];
  return new Document({
    customProperties:
      kind === "checklist"
        ? formProperties(
            options.form ?? { caseId: null, revision: null },
            checklistRows(model).flatMap((g) => g.rows),
          )
        : undefined,
    title: cleanLine(`${model.meta.caseName} ${title}`),
    subject: title,
    creator: "SecReq 資服採購資安需求產生器",
    description: cleanLine(
      `${model.meta.agencyName}｜${model.meta.caseName}｜一覽表版本 ${model.meta.catalogueVersion}｜${model.status === "final" ? "定稿" : "草稿"}`,
    ),
    styles: STYLES,
    numbering: NUMBERING,
    // Word offers to update the fields (the table of contents) when it opens the document.
    features: { updateFields: true },
    // Text typed into the document later (in Word's theme fonts) matches the rest.
    theme: { fonts: { headings: { latin: LATIN_FONT, scripts: { Hant: EAST_ASIAN_FONT } }, body: { latin: LATIN_FONT, scripts: { Hant: EAST_ASIAN_FONT } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...PAGE.margin, gutter: 0 },
          },
        },
        headers: { default: pageHeader(model) },
        footers: { default: pageFooter(model) },
        children: BODY[kind](model, new Lists()),
      },
    ],
  });
}

/** One of the documents as DOCX bytes. */
export async function renderDocx(model: TExportModel, kind: TDocKind, options: TRenderOptions = {}): Promise<Buffer> {
  const bytes = await Packer.toBuffer(exportDocument(model, kind, options));
  if (kind !== "checklist") return stablePackage(bytes);
  const rows = checklistRows(model).flatMap((g) => g.rows);
  return stablePackage(bytes, (xml) => fillableXml(xml, rows));
}
