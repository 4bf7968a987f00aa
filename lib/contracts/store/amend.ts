import type { TDb } from "../../db/client";
import type { TActor } from "../../auth/roles";
import { DomainError } from "../../errors";
import { recordAudit } from "../../audit/record";
import { getCase } from "../../cases/store";
import { contractFor } from "./access";
import { scheduleFor } from "./award";
import { obligationRows } from "./materialize";

/**
 * 契約變更: the contract moves, explicitly, to a later approved revision of its case. Obligations are
 * recomputed: those still scheduled (same key and date) stay with their evidence and review; new ones are
 * added; those no longer scheduled are kept inactive with their evidence. Audited; stale lockVersion refused.
 */
export async function amendContract(db: TDb, contractId: string, input: { caseId: string; lockVersion: number }, actor: TActor) {
  const contract = await contractFor(db, contractId, actor, true);
  const record = await getCase(db, input.caseId);
  if (!record || record.agencyId !== actor.agencyId || record.caseGroupId !== contract.caseGroupId)
    throw new DomainError("invalid", "只能改用同一案件的版本。", [{ path: "caseId", message: "只能改用同一案件的版本" }]);
  if (record.status !== "approved") throw new DomainError("conflict", "契約變更只能改用資安長已核定的版本。");
  const current = await getCase(db, contract.caseId);
  if (current && record.revision <= current.revision) throw new DomainError("conflict", "契約變更須改用較新的核定版本。");
  const milestones = await db.contractMilestone.findMany({ where: { contractId }, orderBy: { position: "asc" } });
  const { obligations, parameters } = await scheduleFor(db, record, {
    award: contract.awardedOn,
    start: contract.startOn,
    end: contract.endOn,
    acceptance: milestones.map((m) => m.dueOn),
  });
  const fresh = obligationRows(contractId, contract.agencyId, obligations);
  return db.$transaction(async (tx) => {
    const moved = await tx.contract.updateMany({
      where: { id: contractId, lockVersion: input.lockVersion },
      data: { caseId: record.id, parameters: JSON.stringify(parameters), lockVersion: { increment: 1 } },
    });
    if (moved.count !== 1) {
      const now = await tx.contract.findUnique({ where: { id: contractId }, select: { caseId: true, lockVersion: true } });
      throw new DomainError("conflict", "契約已被其他人變更，請重新整理後再試。", [], { current: now });
    }
    const existing = await tx.obligation.findMany({ where: { contractId }, select: { id: true, key: true, active: true } });
    const byKey = new Map(existing.map((o) => [o.key, o]));
    const keep = new Set(fresh.map((o) => o.key));
    const added = fresh.filter((o) => !byKey.has(o.key));
    if (added.length) await tx.obligation.createMany({ data: added });
    const dropped = existing.filter((o) => o.active && !keep.has(o.key)).map((o) => o.id);
    const revived = existing.filter((o) => !o.active && keep.has(o.key)).map((o) => o.id);
    if (dropped.length) await tx.obligation.updateMany({ where: { id: { in: dropped } }, data: { active: false } });
    if (revived.length) await tx.obligation.updateMany({ where: { id: { in: revived } }, data: { active: true } });
    await recordAudit(tx, {
      agencyId: contract.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "contract.amend",
      targetType: "contract",
      targetId: contractId,
      before: { caseId: contract.caseId, revision: current?.revision },
      after: { caseId: record.id, revision: record.revision, added: added.length, dropped: dropped.length, kept: fresh.length - added.length },
    });
    return { added: added.length, dropped: dropped.length };
  });
}
