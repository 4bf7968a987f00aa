import { DomainError } from "../errors";
import { isSameOrigin } from "../http/security-headers";
import { FileError } from "./errors";
import { MAX_FILE_BYTES, UPLOAD_BODY_LIMIT_BYTES } from "./limits";

/**
 * Reads a same-origin multipart upload from a Web Request, stopping at UPLOAD_BODY_LIMIT_BYTES (a declared or streamed
 * excess is refused before the form is parsed): the text fields and the one file field `file`.
 */
export async function readUploadForm(request: Request): Promise<{ fields: Record<string, string>; file: { name: string; bytes: Uint8Array } }> {
  // The proxy's origin check does not run under /api/ (limits.ts); a cross-site form post stops here.
  if (!isSameOrigin(request.headers)) throw new DomainError("forbidden", "不接受來自其他網站的請求。");
  const tooLarge = () => new FileError("too-large", `檔案超過 ${MAX_FILE_BYTES / 1024 / 1024} MB 上限。`);
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > UPLOAD_BODY_LIMIT_BYTES) throw tooLarge();
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) throw new FileError("missing", "請選擇要上傳的檔案。");
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > UPLOAD_BODY_LIMIT_BYTES) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(value);
    }
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": type } }).formData();
  } catch {
    throw new FileError("missing", "上傳的資料格式有誤，請重新選擇檔案。");
  }
  const fields: Record<string, string> = {};
  let file: File | null = null;
  for (const [k, v] of form.entries()) {
    if (typeof v === "string") fields[k] = v;
    else if (k === "file" && !file) file = v;
  }
  if (!file) throw new FileError("missing", "請選擇要上傳的檔案。");
  return { fields, file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } };
}
