import { formatTaipei } from "../audit";

/** `稽核紀錄_<YYYYMMDD>.csv` on the Taipei calendar, with an ASCII stand-in for old clients. */
export function auditCsvFileName(now: Date): { name: string; fallback: string } {
  const day = formatTaipei(now).slice(0, 10).replaceAll("-", "");
  return { name: `稽核紀錄_${day}.csv`, fallback: `audit-log_${day}.csv` };
}

/**
 * `attachment; filename="<ASCII>"; filename*=UTF-8''<percent-encoded>` (RFC 6266 with RFC 5987/8187).
 * encodeURIComponent leaves ' ( ) * as they are, which attr-char excludes, so those are encoded too.
 */
export function attachmentDisposition(name: string, fallback: string): string {
  const ascii = fallback.replace(/[^A-Za-z0-9._-]/g, "_") || "download.csv";
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
