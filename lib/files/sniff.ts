import { fileTypeFromBuffer } from "file-type";
import { FileError } from "./errors";
import { MAX_FILE_BYTES } from "./limits";

/**
 * The allow-list (issue 16): each accepted extension and the type its content must be. Binary formats are
 * recognised from their magic bytes by `file-type` (it also looks inside a ZIP to tell DOCX, XLSX and ODT
 * apart); the text formats (TXT, JSON, XML, SPDX tag-value, CycloneDX) have no magic and are checked as
 * UTF-8 text of the right shape. The extension only says which of these the uploader means; the content
 * must agree, so a renamed executable is refused.
 */
type TKind = { mime: string; text?: "plain" | "json" | "xml" };
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const ODT = "application/vnd.oasis.opendocument.text";
const ALLOWED: Record<string, TKind> = {
  pdf: { mime: "application/pdf" },
  docx: { mime: DOCX },
  xlsx: { mime: XLSX },
  odt: { mime: ODT },
  png: { mime: "image/png" },
  jpg: { mime: "image/jpeg" },
  jpeg: { mime: "image/jpeg" },
  zip: { mime: "application/zip" },
  txt: { mime: "text/plain", text: "plain" },
  json: { mime: "application/json", text: "json" },
  xml: { mime: "application/xml", text: "xml" },
  // SPDX tag-value (.spdx) is text; SPDX/CycloneDX in JSON or XML end in .json / .xml (e.g. bom.cdx.json).
  spdx: { mime: "text/spdx", text: "plain" },
};

export const ALLOWED_EXTENSIONS = Object.keys(ALLOWED);
const LIST = "PDF、DOCX、XLSX、ODT、PNG、JPEG、ZIP、TXT、JSON、XML、SPDX／CycloneDX";

// Path separators, Windows-reserved characters, controls and bidi overrides: a name is one plain file name.
const BAD_NAME = /[/\\:*?"<>|\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** The name as stored: trimmed, NFC; refused if it could name a path or is unreadable. */
export function checkFileName(raw: string): string {
  const name = raw.normalize("NFC").trim();
  if (!name) throw new FileError("bad-name", "檔案名稱不可空白。");
  if (BAD_NAME.test(name) || name === "." || name === ".." || name.startsWith("."))
    throw new FileError("bad-name", '檔案名稱不可含路徑或特殊字元（/ \\ : * ? " < > |），也不可以「.」開頭。');
  if ([...name].length > 200) throw new FileError("bad-name", "檔案名稱最多 200 個字。");
  return name;
}

const extensionOf = (name: string) => {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
};

function isText(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Checks size, name and content; the sniffed MIME type to store. */
export async function sniffUpload(rawName: string, bytes: Uint8Array): Promise<{ name: string; type: string }> {
  const name = checkFileName(rawName);
  if (bytes.byteLength === 0) throw new FileError("empty", "檔案是空的（0 位元組），請選擇有內容的檔案。");
  if (bytes.byteLength > MAX_FILE_BYTES) throw new FileError("too-large", `檔案超過 ${MAX_FILE_BYTES / 1024 / 1024} MB 上限。`);
  const ext = extensionOf(name);
  const kind = ALLOWED[ext];
  if (!kind) throw new FileError("bad-type", `不接受這種檔案類型（.${ext || "無副檔名"}）；可上傳 ${LIST}。`);
  const found = await fileTypeFromBuffer(bytes);
  const mismatch = () => new FileError("bad-type", `檔案內容不是副檔名所稱的 .${ext} 格式${found ? `（看起來是 ${found.ext}）` : ""}，未儲存。`);
  if (!kind.text) {
    if (found?.mime !== kind.mime) throw mismatch();
    return { name, type: kind.mime };
  }
  // Text formats: file-type knows XML only; anything else it recognises is a binary in disguise.
  if (found && found.mime !== "application/xml") throw mismatch();
  const text = isText(bytes);
  if (text === null) throw mismatch();
  const body = text.replace(/^\uFEFF/, "").trimStart();
  if (kind.text === "json") {
    try {
      JSON.parse(body);
    } catch {
      throw new FileError("bad-type", "檔案不是有效的 JSON，未儲存。");
    }
  }
  if (kind.text === "xml" && !body.startsWith("<")) throw new FileError("bad-type", "檔案不是 XML，未儲存。");
  return { name, type: kind.text === "plain" || kind.mime === "application/json" ? `${kind.mime}; charset=utf-8` : kind.mime };
}
