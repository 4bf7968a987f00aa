import type { TDb } from "../db/client";
import { buildExportModel, clauseLibrary, exportInputFromChecklist, renderDocx, resolveParameters, exportFileName, asciiFileName, type TDocKind } from "../export";
import { loadChecklist } from "./load";
import { CaseError } from "./errors";
import type { TCaseRecord } from "./store";

/**
 * One of the case's documents. Only an approved revision exports as final; anything else carries 草稿.
 * Parameters: the clause library's defaults (agency and case overrides come with their editors).
 */
export async function exportCase(db: TDb, record: TCaseRecord, kind: TDocKind, now: Date = new Date()) {
  const { catalogue, checklist } = await loadChecklist(db, record);
  if (!checklist.ok) throw new CaseError("invalid", "案件資料尚未填寫完整，無法匯出文件");
  const params = resolveParameters(clauseLibrary(), {});
  if (!params.ok) throw new CaseError("invalid", "條款參數有誤", params.issues.map((i) => ({ path: i.path, message: i.message })));
  const approver = record.status === "approved" && record.approvedById ? await db.user.findUnique({ where: { id: record.approvedById }, select: { name: true } }) : null;
  const model = buildExportModel(
    exportInputFromChecklist({
      answers: record.answers,
      catalogue,
      checklist,
      parameters: params.parameters,
      approval: record.status === "approved" && record.approvedAt ? { approvedBy: approver?.name ?? "資安長", approvedAt: record.approvedAt } : null,
      generatedAt: now,
    }),
  );
  const bytes = await renderDocx(model, kind);
  return { bytes, fileName: exportFileName(model, kind), asciiName: asciiFileName(model, kind) };
}
