import type { TDb } from "../../db/client";
import type { TActor } from "../../auth/roles";
import { getCase } from "../../cases/store";
import { caseExportModel } from "../../cases/export-case";
import { renderReviewedAssessmentDocx, REVIEWED_ASSESSMENT_TITLE, type TAssessmentDoc } from "../../export/docx/self-assessment";
import { taipeiTime, taipeiToday } from "../../time";
import { DomainError } from "../../errors";
import { ASSESSMENT_STATUS_LABEL, VENDOR_ANSWER_LABEL } from "./rules";
import { agencyAssessment, asRecord } from "./store";
import { loadReview, type TReviewView } from "./review-view";
import { NONCONFORMITY_REASON_LABEL, type TNonconformityReason } from "./review";
import { NONCONFORMITY_STATUS_LABEL } from "./summary";

/** The reviewed self-assessment as the documents show it (the export and the 驗收 document's section). */

export const REVIEW_LABEL = { "": "待審", accepted: "接受", returned: "退回" } as const;

export function assessmentDoc(view: TReviewView): TAssessmentDoc {
  const a = view.assessment;
  return {
    vendorName: a.vendorName,
    status: ASSESSMENT_STATUS_LABEL[a.status],
    round: a.round,
    submittedOn: a.submittedAt ? taipeiTime(a.submittedAt, "datetime") : null,
    counts: { yes: view.summary.yes, no: view.summary.no, na: view.summary.na, returned: view.summary.returned, open: view.summary.open },
    rows: view.rows.map((r) => ({
      group: r.group,
      name: r.name,
      answer: r.answer ? VENDOR_ANSWER_LABEL[r.answer] : "（未填）",
      evidence: r.evidence,
      files: r.files.map((f) => ({ name: f.name, sha256: f.sha256 })),
      note: r.note,
      review: REVIEW_LABEL[r.review],
      reviewComment: r.reviewComment,
      nonconformities: r.nonconformities.map((n) => ({
        reason: NONCONFORMITY_REASON_LABEL[n.reason as TNonconformityReason] ?? n.reason,
        comment: n.comment,
        dueOn: n.dueOn,
        dueBasis: n.dueBasis,
        status: NONCONFORMITY_STATUS_LABEL[n.status],
        closure: n.closedAt ? `${taipeiTime(n.closedAt, "datetime")} ${n.closedByName ?? ""} 結案：${n.closeNote}` : "",
      })),
    })),
  };
}

/** The contract's self-assessments for the 驗收 document (the caller has authorized the contract). */
export async function contractAssessmentDocs(db: TDb, contract: { id: string; agencyId: string }, now: Date = new Date()): Promise<TAssessmentDoc[]> {
  const rows = await db.vendorAssessment.findMany({
    where: { contractId: contract.id, agencyId: contract.agencyId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const docs: TAssessmentDoc[] = [];
  for (const r of rows) docs.push(assessmentDoc(await loadReview(db, asRecord(r), now)));
  return docs;
}

const safe = (s: string) => s.replace(/[\\/:*?"<>|]/g, "_");

/** 廠商資安自評表審查結果 (DOCX) of one assessment, for the agency's officer and CISO. */
export async function reviewedAssessmentDocument(db: TDb, actor: TActor, assessmentId: string, now: Date = new Date()) {
  const a = await agencyAssessment(db, actor, assessmentId);
  const record = await getCase(db, a.caseId);
  if (!record) throw new DomainError("not-found", "找不到這份廠商自評");
  const view = await loadReview(db, a, now);
  const model = await caseExportModel(db, record, now);
  const bytes = await renderReviewedAssessmentDocx({
    model,
    contract: view.contract ? `${view.contract.contractNumber}（${view.contract.vendorName}）` : null,
    assessment: assessmentDoc(view),
    final: a.status === "accepted",
  });
  const date = taipeiToday(now).replace(/-/g, "");
  return {
    bytes,
    fileName: `${safe(record.title || "案件")}_${REVIEWED_ASSESSMENT_TITLE}_${safe(a.vendorName)}_${date}.docx`,
    asciiName: `secreq-vendor-assessment-${date}.docx`,
  };
}
