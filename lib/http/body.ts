import { decodeUtf8, MAX_INPUT_BYTES, parseJsonInput, tooLarge } from "../api/json";

const SUBJECT = "請求內容";

/**
 * Reads the body as UTF-8 text, stopping at `limit` bytes: a declared or streamed excess is bad input
 * (400), never a 413 or a memory spike. Plain Web Request, so the route and tests share it.
 */
export async function readBodyText(request: Request, limit: number = MAX_INPUT_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(SUBJECT, limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(SUBJECT, limit);
    }
    chunks.push(value);
  }
  return decodeUtf8(chunks.length === 1 ? chunks[0]! : concat(chunks, size), SUBJECT);
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The body as a JSON value; empty, oversized, non-UTF-8 or malformed → BadInputError (400). */
export async function readJsonBody(request: Request, limit?: number): Promise<unknown> {
  return parseJsonInput(await readBodyText(request, limit), SUBJECT);
}
