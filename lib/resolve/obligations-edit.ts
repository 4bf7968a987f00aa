import { z } from "zod";
import { DomainError, type TIssue } from "../errors";
import { ZReliability } from "../catalogue/schema/primitives";
import {
  ANNEX_VERSIONS,
  CELL_STATUSES,
  COLUMN_INFO,
  ZColumn,
  ZConditionKey,
  ZMeasureKey,
  cellIssues,
  type TCell,
  type TObligationsFile,
  type TObligationsTable,
} from "../catalogue/schema/obligations";
import { obligationMatrix } from "./obligation-matrix";

/**
 * One cell of the ▲ table as the 目錄管理者 edits it in a draft: its value and, when it has been read in
 * the official attachment, the verification (who and when are the server's, never the form's).
 */

const optional = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((s) => (s === "" ? null : s))
    .nullable()
    .default(null);

export const ZCellEditInput = z.strictObject({
  measure: ZMeasureKey,
  column: ZColumn,
  status: z.enum(CELL_STATUSES, { error: () => "請選擇應辦與否" }),
  condition: ZConditionKey.nullable().default(null),
  frequency: optional(300, "頻率／期限最多 300 字"),
  item: z.string().trim().min(1, "請填寫附表項目名稱").max(200, "附表項目名稱最多 200 字"),
  version: z.enum(ANNEX_VERSIONS, { error: () => "附表版本須為 108、110 或 115" }),
  reliability: ZReliability,
  source: z.string().trim().min(1, "請填寫出處").max(500, "出處最多 500 字"),
  note: optional(1000, "附註最多 1000 字"),
  detail: optional(500, "給承辦人的說明最多 500 字"),
  verification: z
    .strictObject({
      document: z.string().trim().min(1, "請填寫核對之官方文件（如「分級辦法附表三（115-01-07）」）").max(200, "文件名稱最多 200 字"),
      fileId: optional(12, "FileId 最多 12 位數字").pipe(
        z
          .string()
          .regex(/^\d{6,12}$/, "FileId 須為 6～12 位數字")
          .nullable(),
      ),
      locator: z.string().trim().min(1, "請填寫頁次或項次").max(200, "頁次或項次最多 200 字"),
      verbatim: optional(2000, "原文最多 2000 字"),
    })
    .nullable()
    .default(null),
});
export type TCellEditInput = z.input<typeof ZCellEditInput>;
export type TCellEdit = z.output<typeof ZCellEditInput>;

export type TCellEditActor = { id: string; name: string };

export class CellEditError extends DomainError {
  constructor(message: string, issues: TIssue[]) {
    super("invalid", message, issues);
    this.name = "CellEditError";
  }
}

/**
 * The table with one cell replaced (a format-1 table becomes the eight-column one first). A verified cell
 * rests on the official text: its label is [P] and its source the document.
 */
export function applyCellEdit(
  file: TObligationsFile,
  edit: TCellEdit,
  actor: TCellEditActor,
  now: Date,
): { table: TObligationsTable; before: TCell; after: TCell } {
  const table = structuredClone(obligationMatrix(file));
  const measure = table.measures[edit.measure];
  if (!measure || !measure.settled)
    throw new CellEditError(`應辦事項表沒有可逐格編輯的措施「${edit.measure}」`, [{ path: "measure", message: "此措施不依責任等級分格" }]);
  const before = measure.columns[edit.column];
  const verified = edit.verification;
  const after: TCell = {
    status: edit.status,
    condition: edit.status === "conditional" ? edit.condition : null,
    frequency: edit.status === "required" || edit.status === "conditional" ? edit.frequency : null,
    citation: { annex: COLUMN_INFO[edit.column].annex, item: edit.item, version: edit.version },
    reliability: verified ? "P" : edit.reliability,
    source: verified ? `官方附表核對：${verified.document}${verified.fileId ? `（FileId ${verified.fileId}）` : ""}，${verified.locator}` : edit.source,
    note: edit.note,
    detail: edit.detail,
    verification: verified ? { ...verified, verifiedById: actor.id, verifiedByName: actor.name, verifiedAt: now.toISOString() } : null,
  };
  const issues = cellIssues(edit.column, after).map((i) => ({ path: i.path.join("."), message: i.message }));
  if (edit.status === "conditional" && !edit.condition) issues.push({ path: "condition", message: "有條件應辦須選擇條件" });
  if (issues.length) throw new CellEditError("內容有誤，未能儲存；請依欄位說明修正。", dedupe(issues));
  measure.columns[edit.column] = after;
  return { table, before, after };
}

function dedupe(issues: { path: string; message: string }[]) {
  const seen = new Set<string>();
  return issues.filter((i) => (seen.has(i.path) ? false : (seen.add(i.path), true)));
}
