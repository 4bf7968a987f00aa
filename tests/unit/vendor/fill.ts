import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

/** What a vendor types into one row of the Word form. */
export interface TFill {
  answer?: "是" | "否" | "不適用";
  evidence?: string;
  note?: string;
}

const FIELD = { answer: "answer", evidence: "evidence", note: "note" } as const;
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Fills the tagged content controls as Word does on typing: the placeholder flag goes, the text replaces it. */
export function fillChecklist(bytes: Uint8Array, rows: Record<string, TFill>, edit: (xml: string) => string = (x) => x): Uint8Array {
  const files = unzipSync(bytes);
  let xml = strFromU8(files["word/document.xml"]!);
  for (const [id, fill] of Object.entries(rows))
    for (const [key, field] of Object.entries(FIELD)) {
      const value = fill[key as keyof TFill];
      if (value === undefined) continue;
      const tag = `<w:tag w:val="secreq:${field}:${id}"/>`;
      const at = xml.indexOf(tag);
      if (at < 0) throw new Error(`no control ${field} for ${id}`);
      const start = xml.lastIndexOf("<w:sdt>", at);
      const end = xml.indexOf("</w:sdt>", at) + "</w:sdt>".length;
      const sdt = xml.slice(start, end).replace("<w:showingPlcHdr/>", "");
      const runs = value
        .split("\n")
        .map((line, i) => `${i ? "<w:br/>" : ""}<w:t xml:space="preserve">${esc(line)}</w:t>`)
        .join("");
      const filled = sdt.replace(/<w:sdtContent>[\s\S]*<\/w:sdtContent>/, `<w:sdtContent><w:r>${runs}</w:r></w:sdtContent>`);
      xml = xml.slice(0, start) + filled + xml.slice(end);
    }
  files["word/document.xml"] = strToU8(edit(xml));
  return zipSync(files);
}
