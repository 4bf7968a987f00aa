import { cleanLine } from "../export/text/sanitize";

/**
 * `attachment; filename="<ASCII>"; filename*=UTF-8''<percent-encoded>` (RFC 6266 with RFC 5987/8187):
 * the UTF-8 name for every current browser, the ASCII one for the rest. The ASCII name is reduced to
 * token-safe characters so that it never needs quoting rules; the UTF-8 one encodes every byte that
 * is not an RFC 5987 attr-char (encodeURIComponent leaves ' ( ) * unencoded, which attr-char excludes).
 * The UTF-8 name is one clean line (a header never carries a line break).
 */
export function contentDisposition(fileName: string, fallback: string, type: "attachment" | "inline" = "attachment"): string {
  const dot = fallback.lastIndexOf(".");
  const ascii = fallback.replace(/[^A-Za-z0-9._-]/g, "_") || `download${dot >= 0 ? fallback.slice(dot) : ""}`;
  const encoded = encodeURIComponent(cleanLine(fileName)).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The one download answer: the bytes, their type, the file name (UTF-8 and an ASCII stand-in), never cached. */
export function attachment(body: string | Uint8Array, file: { name: string; fallback: string; type: string }): Response {
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "content-type": file.type,
      "content-disposition": contentDisposition(file.name, file.fallback),
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
