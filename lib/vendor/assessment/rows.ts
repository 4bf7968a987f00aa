import type { TDb } from "../../db/client";
import type { TTx } from "../../audit/tx";
import type { TCaseRecord } from "../../cases/store";
import { caseExportModel } from "../../cases/export-case";
import { checklistRows, type TChecklistRow } from "../../export/docx/checklist";

export type TAssessmentRow = Pick<TChecklistRow, "id" | "name" | "text" | "items" | "priced"> & { group: string };

/**
 * The rows a vendor answers: the 廠商資安自評表's rows as exported for this revision (the same ids tag the
 * Word form's controls), by group in document order.
 */
export async function assessmentRows(db: TDb | TTx, record: TCaseRecord): Promise<TAssessmentRow[]> {
  const model = await caseExportModel(db, record);
  return checklistRows(model).flatMap((g) => g.rows.map((r) => ({ id: r.id, name: r.name, text: r.text, items: r.items, priced: r.priced, group: g.title })));
}
