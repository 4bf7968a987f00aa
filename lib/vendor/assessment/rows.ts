import type { TDb } from "../../db/client";
import type { TTx } from "../../audit/tx";
import type { TCaseRecord } from "../../cases/store";
import { caseExportModel } from "../../cases/export-case";
import { checklistRows, type TChecklistRow } from "../../export/docx/checklist";

export type TAssessmentRow = Pick<TChecklistRow, "id" | "name" | "text" | "items" | "priced"> & { group: string };

// An approved revision never changes, so its rows are built once per process (every autosave asks for
// them); a small bound keeps memory flat. Anything not approved is built each time.
const CACHE_MAX = 200;
const cache = new Map<string, Promise<TAssessmentRow[]>>();

async function build(db: TDb | TTx, record: TCaseRecord): Promise<TAssessmentRow[]> {
  const model = await caseExportModel(db, record);
  return checklistRows(model).flatMap((g) => g.rows.map((r) => ({ id: r.id, name: r.name, text: r.text, items: r.items, priced: r.priced, group: g.title })));
}

/**
 * The rows a vendor answers: the 廠商資安自評表's rows as exported for this revision (the same ids tag the
 * Word form's controls), by group in document order.
 */
export function assessmentRows(db: TDb | TTx, record: TCaseRecord): Promise<TAssessmentRow[]> {
  if (record.status !== "approved") return build(db, record);
  const hit = cache.get(record.id);
  if (hit) return hit;
  const rows = build(db, record);
  rows.catch(() => cache.delete(record.id));
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(record.id, rows);
  return rows;
}
