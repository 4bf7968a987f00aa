import type { TDb } from "../db/client";
import { buildExportModel, exportInputFromChecklist, renderDocx, exportFileName, asciiFileName, type TDocKind } from "../export";
import { supplementFor } from "../catalogue/bundled";
import { loadChecklist } from "./load";
import { CaseError } from "./errors";
import { issuesOf, loadClauseParameters } from "./set-clause-parameters";
import type { TCaseRecord } from "./store";

/**
 * One of the case's documents. Only an approved revision exports as final; anything else carries 草稿.
 * Parameters: the clause library's defaults ← the agency's defaults ← the case's own values.
 */
export async function exportCase(db: TDb, record: TCaseRecord, kind: TDocKind, now: Date = new Date()) {
  const { catalogue, checklist, profile } = await loadChecklist(db, record);
  if (!checklist.ok || !profile) throw new CaseError("conflict", "案件資料尚未填寫完整，無法匯出文件");
  const { resolved: params } = await loadClauseParameters(db, record.id);
  if (!params.ok) throw new CaseError("conflict", "條款參數有誤，請修正後再匯出", issuesOf(params.issues));
  const approver =
    record.status === "approved" && record.approvedById ? await db.user.findUnique({ where: { id: record.approvedById }, select: { name: true } }) : null;
  const model = buildExportModel(
    exportInputFromChecklist({
      answers: record.answers,
      profile,
      catalogue,
      checklist,
      parameters: params.parameters,
      approval: record.status === "approved" && record.approvedAt ? { approvedBy: approver?.name ?? "資安長", approvedAt: record.approvedAt } : null,
      generatedAt: now,
      supplement: supplementFor(catalogue),
    }),
  );
  // The checklist names its case and revision, so a vendor's filled copy reads back to the right one.
  const bytes = await renderDocx(model, kind, { form: { caseId: record.id, revision: record.revision } });
  return { bytes, fileName: exportFileName(model, kind), asciiName: asciiFileName(model, kind) };
}
