import type { TAuditRecord } from "./list";
import { formatTaipei } from "./time";
import { actionLabel, targetLabel } from "./labels";
import { fieldChanges, fieldChangesText } from "./field-changes";

// 動作 is the label the screen shows, 動作代碼 the recorded code; 變更 the field changes, 變更前/後 the raw snapshots.
export const AUDIT_CSV_HEADER = ["時間", "使用者", "動作", "動作代碼", "對象類型", "對象", "對象名稱", "變更", "變更前", "變更後"] as const;

// A cell starting with one of these is a formula to a spreadsheet (OWASP CSV injection); fullwidth forms too,
// since zh-TW input methods type them and some spreadsheet versions convert them.
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

// Control characters (C0 but line breaks, DEL, C1) and the bidi controls that reorder what a reader sees
// (Trojan Source): gone before the formula check, so they cannot hide a formula behind them either.
const INVISIBLE = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** One CSV cell: control and bidi characters removed, formulas neutralised with a leading apostrophe, then quoted when needed (RFC 4180). */
export function csvCell(raw: string): string {
  const value = raw.replace(INVISIBLE, "");
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const json = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value));

/**
 * The log as CSV for Excel in zh-TW: a UTF-8 BOM (so Excel reads UTF-8), CRLF lines, Taipei times.
 * `names` gives the target's name by id (a case's name, a user's), where known.
 */
export function auditCsv(
  entries: readonly Pick<TAuditRecord, "at" | "actorName" | "action" | "targetType" | "targetId" | "before" | "after">[],
  names: ReadonlyMap<string, string> = new Map(),
): string {
  const lines = [
    AUDIT_CSV_HEADER.join(","),
    ...entries.map((e) =>
      [
        formatTaipei(e.at),
        e.actorName,
        actionLabel(e.action),
        e.action,
        targetLabel(e.targetType),
        e.targetId,
        names.get(e.targetId) ?? "",
        fieldChangesText(fieldChanges(e.before, e.after)),
        json(e.before),
        json(e.after),
      ]
        .map(csvCell)
        .join(","),
    ),
  ];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
