import type { TDb } from "../db/client";
import type { TTx } from "../audit";
import { buildExportModel, exportInputFromChecklist, renderDocx, exportFileName, asciiFileName, type TDocKind, type TExportModel } from "../export";
import { supplementFor } from "../catalogue/bundled";
import { latestReviews, type TReviewVerdict } from "../workflow/reviews";
import { loadChecklist } from "./load";
import { CaseError } from "./errors";
import { issuesOf, loadClauseParameters } from "./set-clause-parameters";
import type { TCaseRecord } from "./store";

/**
 * The case's document model. Only an approved revision exports as final; anything else carries 草稿.
 * Parameters: the clause library's defaults ← the agency's defaults ← the case's own values.
 */
async function modelAndCatalogue(db: TDb | TTx, record: TCaseRecord, now: Date) {
  const { catalogue, checklist, profile } = await loadChecklist(db, record);
  if (!checklist.ok || !profile) throw new CaseError("conflict", "案件資料尚未填寫完整，無法匯出文件");
  const { resolved: params } = await loadClauseParameters(db, record.id);
  if (!params.ok) throw new CaseError("conflict", "條款參數有誤，請修正後再匯出", issuesOf(params.issues));
  const approver =
    record.status === "approved" && record.approvedById ? await db.user.findUnique({ where: { id: record.approvedById }, select: { name: true } }) : null;
  const reviews = await db.review.findMany({ where: { caseId: record.id } });
  const latest = latestReviews(reviews.map((r) => ({ ...r, verdict: r.verdict as TReviewVerdict })));
  const acceptedRisks = [...latest.values()]
    .filter((r) => r.verdict === "accept-risk")
    .map((r) => ({ itemId: r.itemId, acceptedBy: r.reviewerName, acceptedAt: r.at, comment: r.comment, reviewBy: r.riskReviewBy }));
  const projectExclusions = await db.pmExclusion.findMany({ where: { caseId: record.id }, select: { itemId: true, reason: true } });
  const model = buildExportModel({
    ...exportInputFromChecklist({
      answers: record.answers,
      profile,
      catalogue,
      checklist,
      parameters: params.parameters,
      approval: record.status === "approved" && record.approvedAt ? { approvedBy: approver?.name ?? "資安長", approvedAt: record.approvedAt } : null,
      generatedAt: now,
      supplement: supplementFor(catalogue),
    }),
    acceptedRisks,
    projectExclusions,
  });
  return { model, catalogue };
}

export async function caseExportModel(db: TDb | TTx, record: TCaseRecord, now: Date = new Date()): Promise<TExportModel> {
  return (await modelAndCatalogue(db, record, now)).model;
}

/** The document model of a revision with what its contract is scheduled from (the supplement's hints, the clause library). */
export async function caseContractModel(db: TDb | TTx, record: TCaseRecord, now: Date = new Date()) {
  const { model, catalogue } = await modelAndCatalogue(db, record, now);
  return { model, supplement: supplementFor(catalogue), library: catalogue.clauses };
}

/** One of the case's documents, rendered now from the stored case (drafts; and freezing an approval). */
export async function exportCase(db: TDb | TTx, record: TCaseRecord, kind: TDocKind, now: Date = new Date()) {
  const model = await caseExportModel(db, record, now);
  // The checklist names its case and revision, so a vendor's filled copy reads back to the right one.
  const bytes = await renderDocx(model, kind, { form: { caseId: record.id, revision: record.revision } });
  return { bytes, fileName: exportFileName(model, kind), asciiName: asciiFileName(model, kind) };
}
