import { DOC_TITLE, type TDocKind } from "./docx/render";
import type { TExportModel } from "./model/types";
import { cleanLine } from "./text/sanitize";

/** Characters no file system or browser download takes in a name, and the ones that start trouble. */
const UNSAFE = /[\\/:*?"<>|#%&{}$!'`@+=;,~^]/g;
/** Bytes of UTF-8 for the case name: with the rest of the name it stays under the usual 255-byte limit. */
const CASE_NAME_MAX_BYTES = 180;

/** `<案名>_資通安全需求規範_<YYYYMMDD>.docx` (案名 「本案」 when none was given). */
export function exportFileName(model: { meta: Pick<TExportModel["meta"], "caseName" | "fileDate"> }, kind: TDocKind): string {
  let name = cleanLine(model.meta.caseName)
    .replace(UNSAFE, "_")
    .replace(/^[.\s_]+|[.\s]+$/g, "");
  name = truncateUtf8(name, CASE_NAME_MAX_BYTES).trim();
  return `${name || "本案"}_${DOC_TITLE[kind]}_${model.meta.fileDate}.docx`;
}

/** An ASCII-only stand-in for clients that ignore `filename*` (e.g. `secreq-annex-20261125.docx`). */
export function asciiFileName(model: { meta: Pick<TExportModel["meta"], "fileDate"> }, kind: TDocKind): string {
  return `secreq-${kind}-${model.meta.fileDate}.docx`;
}

export { contentDisposition } from "../http/attachment";

/** Whole code points only, so a cut never leaves half a character. */
function truncateUtf8(value: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  let out = "";
  let bytes = 0;
  for (const ch of value) {
    bytes += encoder.encode(ch).length;
    if (bytes > maxBytes) break;
    out += ch;
  }
  return out;
}

export const DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
