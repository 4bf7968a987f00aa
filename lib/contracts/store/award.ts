import { randomUUID } from "node:crypto";
import type { TDb } from "../../db/client";
import type { TActor } from "../../auth/roles";
import { DomainError, type TIssue } from "../../errors";
import { recordAudit } from "../../audit/record";
import { lockCaseRow } from "../../db/lock";
import { getCase, type TCaseRecord } from "../../cases/store";
import { caseContractModel } from "../../cases/export-case";
import { scheduleObligations } from "../schedule";
import { ContractError } from "../types";
import { canManageContracts } from "./access";
import { obligationRows } from "./materialize";
import { ZAward } from "./schemas";

const ENGINE_PATH: Record<string, string> = { award: "award", start: "start", end: "end" };

/** The contract's obligations for an approved revision; the engine's refusals name the form's fields. */
export async function scheduleFor(db: TDb, record: TCaseRecord, dates: { award: string; start: string; end: string; acceptance: string[] }) {
  const { model, supplement } = await caseContractModel(db, record);
  try {
    const obligations = scheduleObligations({ model, supplement, ...dates });
    return { obligations, parameters: Object.fromEntries(model.parameters.map((p) => [p.key, p.value])) };
  } catch (e) {
    if (e instanceof ContractError)
      throw new DomainError(
        "invalid",
        e.message,
        e.issues.map((i) => ({ path: ENGINE_PATH[i.path] ?? i.path.replace(/^acceptance\.(\d+)$/, "milestones.$1.dueOn"), message: i.message })),
      );
    throw e;
  }
}

export function parseAward(input: unknown) {
  const r = ZAward.safeParse(input);
  if (!r.success) {
    const issues: TIssue[] = r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw new DomainError("invalid", issues[0]!.message, issues);
  }
  return r.data;
}

/**
 * 決標建立契約: an approved revision becomes a contract with its vendor, dates, milestones and the
 * obligations the engine schedules. One contract per case; audited in the same transaction.
 */
export async function awardContract(db: TDb, caseId: string, input: unknown, actor: TActor): Promise<string> {
  if (!canManageContracts(actor)) throw new DomainError("forbidden", "只有承辦人可以建立契約。");
  const award = parseAward(input);
  const record = await getCase(db, caseId);
  if (!record || record.agencyId !== actor.agencyId) throw new DomainError("not-found", "找不到這個案件。");
  if (record.status !== "approved") throw new DomainError("conflict", "只有資安長核定的版本可以決標建立契約。");
  const acceptance = award.milestones.map((m) => m.dueOn);
  const { obligations, parameters } = await scheduleFor(db, record, { award: award.award, start: award.start, end: award.end, acceptance });
  const id = randomUUID();
  await db.$transaction(async (tx) => {
    await lockCaseRow(db, tx, caseId);
    const existing = await tx.contract.findFirst({ where: { caseGroupId: record.caseGroupId }, select: { id: true, contractNumber: true } });
    if (existing)
      throw new DomainError("conflict", `這個案件已建立契約（${existing.contractNumber}）；契約變更請在契約頁面改用新核定的版本。`, [], { current: existing });
    await tx.contract.create({
      data: {
        id,
        agencyId: record.agencyId,
        caseGroupId: record.caseGroupId,
        caseId,
        vendorName: award.vendorName,
        vendorTaxId: award.vendorTaxId,
        contractNumber: award.contractNumber,
        awardedOn: award.award,
        signedOn: award.signed,
        startOn: award.start,
        endOn: award.end,
        parameters: JSON.stringify(parameters),
        createdById: actor.id,
        createdByName: actor.name,
      },
    });
    if (award.milestones.length)
      await tx.contractMilestone.createMany({
        data: award.milestones.map((m, position) => ({ id: randomUUID(), contractId: id, position, name: m.name, dueOn: m.dueOn })),
      });
    const rows = obligationRows(id, record.agencyId, obligations);
    if (rows.length) await tx.obligation.createMany({ data: rows });
    await recordAudit(tx, {
      agencyId: record.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "contract.award",
      targetType: "contract",
      targetId: id,
      after: { caseId, revision: record.revision, ...award, obligations: rows.length },
    });
  });
  return id;
}

/** What the award page shows: the approved revision, and the contract if the case already has one. */
export async function awardView(db: TDb, caseId: string, actor: TActor) {
  const record = await getCase(db, caseId);
  if (!record || record.agencyId !== actor.agencyId) return null;
  const existing = await db.contract.findFirst({ where: { caseGroupId: record.caseGroupId }, select: { id: true, contractNumber: true } });
  return { record: { id: record.id, title: record.title, revision: record.revision, status: record.status }, existing };
}
