import type { TAuditRecord } from "./list";
import { formatTaipei } from "./time";

export const AUDIT_CSV_HEADER = ["時間", "使用者", "動作", "對象類型", "對象", "變更前", "變更後"] as const;

// A cell starting with one of these is a formula to a spreadsheet (OWASP CSV injection); fullwidth forms too,
// since zh-TW input methods type them and some spreadsheet versions convert them.
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/** One CSV cell: formulas neutralised with a leading apostrophe, then quoted when needed (RFC 4180). */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const json = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value));

/** The log as CSV for Excel in zh-TW: a UTF-8 BOM (so Excel reads UTF-8), CRLF lines, Taipei times. */
export function auditCsv(entries: readonly Pick<TAuditRecord, "at" | "actorName" | "action" | "targetType" | "targetId" | "before" | "after">[]): string {
  const lines = [
    AUDIT_CSV_HEADER.join(","),
    ...entries.map((e) =>
      [formatTaipei(e.at), e.actorName, e.action, e.targetType, e.targetId, json(e.before), json(e.after)].map(csvCell).join(","),
    ),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
