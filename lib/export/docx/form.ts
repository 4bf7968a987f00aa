import { createHash } from "node:crypto";

/**
 * 廠商資安自評表 as a fillable Word form. `docx` writes only check-box content controls, so the row
 * builder leaves a marker run where a control goes and `fillableXml` wraps it in an inline content
 * control (w:sdt) tagged `secreq:<field>:<row id>` — inline, because LibreOffice keeps inline controls
 * through a save and Word accepts them anywhere in a cell. The document's identity (case, revision,
 * contract) and the manifest of rows (id and a digest of the requirement text) are custom document
 * properties, which Word and LibreOffice both keep; the reader (lib/vendor/read-checklist.ts) refuses
 * a copy whose rows were edited, deleted or added.
 */

export const FORM_FIELDS = ["answer", "evidence", "note"] as const;
export type TFormField = (typeof FORM_FIELDS)[number];

export const FORM_VERSION = "secreq-checklist/1";
export const PROP = {
  form: "SecReq.form",
  caseId: "SecReq.caseId",
  revision: "SecReq.revision",
  contractId: "SecReq.contractId",
  rows: "SecReq.rows",
  /** SecReq.manifest.1, .2, …: `id=digest` joined by `;`, each value under Word's 255 characters. */
  manifest: "SecReq.manifest.",
} as const;
const PROPERTY_MAX = 250;

export const ANSWER_CHOICES = [
  { value: "yes", label: "是" },
  { value: "no", label: "否" },
  { value: "na", label: "不適用" },
] as const;
export type TAnswer = (typeof ANSWER_CHOICES)[number]["value"];
/** What the 符合 cell shows until a choice is made (and what a printed form shows to tick by hand). */
export const ANSWER_PLACEHOLDER = ["□是", "□否", "□不適用"] as const;

/** Who the form is for; null ids for a form made without a case (the CLI's drafts). */
export interface TFormIdentity {
  caseId: string | null;
  revision: number | null;
  contractId?: string | null;
}

export interface TFormRow {
  id: string;
  /** The requirement cell's text as written (the digest is over it). */
  requirement: string;
}

/** A digest of a requirement's text that survives re-layout: whitespace removed, NFC. */
export function requirementDigest(text: string): string {
  const norm = text.normalize("NFC").replace(/\s+/g, "");
  return createHash("sha256").update(norm).digest("hex").slice(0, 12);
}

export const controlTag = (field: TFormField, id: string) => `secreq:${field}:${id}`;
export function parseTag(tag: string): { field: TFormField; id: string } | null {
  const m = /^secreq:(answer|evidence|note):(.+)$/.exec(tag);
  return m ? { field: m[1] as TFormField, id: m[2]! } : null;
}

// A marker the renderer cannot produce from catalogue text (ASCII, no spaces), replaced in the XML.
const MARKER = /@@SECREQSDT-(answer|evidence|note)-(\d+)@@/;
export const marker = (field: TFormField, row: number) => `@@SECREQSDT-${field}-${row}@@`;

/** The custom properties a fillable checklist carries. */
export function formProperties(identity: TFormIdentity, rows: readonly TFormRow[]): { name: string; value: string }[] {
  const props: { name: string; value: string }[] = [
    { name: PROP.form, value: FORM_VERSION },
    { name: PROP.caseId, value: identity.caseId ?? "" },
    { name: PROP.revision, value: identity.revision == null ? "" : String(identity.revision) },
    { name: PROP.contractId, value: identity.contractId ?? "" },
    { name: PROP.rows, value: String(rows.length) },
  ];
  let chunk = "";
  let n = 0;
  const flush = () => {
    if (chunk) props.push({ name: `${PROP.manifest}${++n}`, value: chunk });
    chunk = "";
  };
  for (const row of rows) {
    const entry = `${row.id}=${requirementDigest(row.requirement)}`;
    if (chunk && chunk.length + 1 + entry.length > PROPERTY_MAX) flush();
    chunk = chunk ? `${chunk};${entry}` : entry;
  }
  flush();
  return props;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const ALIAS: Record<TFormField, string> = { answer: "符合", evidence: "佐證資料", note: "說明" };

/**
 * Every marker run of document.xml → an inline content control: 符合 a drop-down list showing
 * □是□否□不適用 until chosen, 佐證資料 and 說明 rich text, empty until typed.
 */
export function fillableXml(xml: string, rows: readonly TFormRow[]): string {
  const RUN = /<w:r>(<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<\/w:rPr>)?<w:t(?: [^>]*)?>@@SECREQSDT-(answer|evidence|note)-(\d+)@@<\/w:t><\/w:r>/g;
  const out = xml.replace(RUN, (_m, rPr: string | undefined, field: TFormField, index: string) => {
    const row = rows[Number(index)];
    if (!row) throw new Error(`form marker for a missing row ${index}`);
    const props = rPr ?? "";
    const tag = `<w:alias w:val="${ALIAS[field]}"/><w:tag w:val="${esc(controlTag(field, row.id))}"/>`;
    if (field === "answer") {
      const items = ANSWER_CHOICES.map((c) => `<w:listItem w:displayText="${c.label}" w:value="${c.value}"/>`).join("");
      const shown = ANSWER_PLACEHOLDER.map((t, i) => `${i ? "<w:br/>" : ""}<w:t>${t}</w:t>`).join("");
      return `<w:sdt><w:sdtPr>${props}${tag}<w:showingPlcHdr/><w:dropDownList>${items}</w:dropDownList></w:sdtPr><w:sdtContent><w:r>${props}${shown}</w:r></w:sdtContent></w:sdt>`;
    }
    return `<w:sdt><w:sdtPr>${props}${tag}<w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r>${props}<w:t xml:space="preserve">　</w:t></w:r></w:sdtContent></w:sdt>`;
  });
  if (MARKER.test(out)) throw new Error("form marker left in the document");
  return out;
}
