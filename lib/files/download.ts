import { attachment } from "../http/attachment";
import type { TStoredFileMeta } from "./store";

/** A stored file as a download: always an attachment with nosniff, under its uploaded name. */
export function fileDownload(file: TStoredFileMeta & { content: Uint8Array }): Response {
  const dot = file.name.lastIndexOf(".");
  const ext = dot > 0 ? file.name.slice(dot).replace(/[^A-Za-z0-9.]/g, "") : "";
  return attachment(file.content, { name: file.name, fallback: `file-${file.sha256.slice(0, 12)}${ext}`, type: file.type });
}
