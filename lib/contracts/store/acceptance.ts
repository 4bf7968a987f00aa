import type { TDb } from "../../db/client";
import type { TActor } from "../../auth/roles";
import { DomainError } from "../../errors";
import { getCase } from "../../cases/store";
import { caseContractModel } from "../../cases/export-case";
import { ACCEPTANCE_TITLE, renderAcceptanceDocx } from "../../export";
import { taipeiTime, taipeiToday } from "../../time";
import { contractView } from "./view";
import { OBLIGATION_STATUS_LABEL } from "./status";
import { contractAssessmentDocs } from "../../vendor/assessment/export";

/** The 資安驗收檢核表 of one milestone (DOCX): obligations due by its date; draft until the CISO signs it off. */
export async function acceptanceDocument(db: TDb, contractId: string, milestoneId: string, actor: TActor, now: Date = new Date()) {
  const view = await contractView(db, contractId, actor, now);
  const m = view.milestones.find((x) => x.id === milestoneId);
  if (!m) throw new DomainError("not-found", "找不到這個驗收階段。");
  const record = await getCase(db, view.contract.caseId);
  if (!record) throw new DomainError("not-found", "找不到契約的案件。");
  const { model } = await caseContractModel(db, record, now);
  const rows = view.obligations
    .filter((o) => o.active && o.dueOn !== null && o.dueOn <= m.dueOn)
    .map((o) => ({
      title: o.title,
      owner: o.owner === "agency" ? "機關" : "廠商",
      dueOn: o.dueOn!,
      status: OBLIGATION_STATUS_LABEL[o.status],
      files: o.files.filter((f) => !f.replacedById).map((f) => ({ name: f.name, sha256: f.sha256 })),
      reviewer: o.reviewedByName,
    }));
  const bytes = await renderAcceptanceDocx({
    model,
    contract: view.contract,
    milestone: {
      name: m.name,
      dueOn: m.dueOn,
      signedOffBy: m.signedOffByName,
      signedOffOn: m.signedOffAt ? taipeiTime(m.signedOffAt, "datetime") : null,
    },
    rows,
    final: m.signedOffAt !== null,
    assessments: await contractAssessmentDocs(db, view.contract, now),
  });
  const date = taipeiToday(now).replace(/-/g, "");
  return {
    bytes,
    fileName: `${view.contract.contractNumber.replace(/[\\/:*?"<>|]/g, "_")}_${ACCEPTANCE_TITLE}_${m.name.replace(/[\\/:*?"<>|]/g, "_")}_${date}.docx`,
    asciiName: `secreq-acceptance-${date}.docx`,
  };
}
