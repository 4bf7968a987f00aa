import { randomUUID } from "node:crypto";
import type { TDb } from "../db/client";
import { lockCaseRow } from "../db/lock";
import { recordAudit } from "../audit";
import type { TActor } from "../auth/roles";
import { WorkflowError } from "../workflow/errors";
import { nextRevision } from "../workflow/revise";
import { checkTransition, type TCaseStatus } from "../workflow/state";
import { compareCaseVersions } from "./compare-version";
import { CaseError } from "./errors";
import { caseProfile, pinnedCatalogue } from "./load";
import { getCase } from "./store";

export type TMoveResult = { caseId: string; newRevision: boolean; kept: string[]; dropped: string[]; needDecision: string[] };

/**
 * Moves a case to a newer published catalogue version, keeping every decision that still fits its item.
 * An approved case is locked, so the move makes revision n+1 (草稿) and the approved one stays as it was;
 * a 草稿 or 退回 case has no approved document yet and is moved in place (its history records it).
 * A case under review cannot move. The audit entry lists the decisions kept and dropped.
 */
export async function moveCaseToVersion(db: TDb, caseId: string, target: string, lockVersion: number, actor: TActor): Promise<TMoveResult> {
  return db.$transaction(async (tx) => {
    await lockCaseRow(db, tx, caseId);
    const row = await tx.case.findUnique({ where: { id: caseId } });
    if (!row || row.agencyId !== actor.agencyId) throw new CaseError("not-found", "找不到這個案件");
    if (row.lockVersion !== lockVersion) throw new CaseError("conflict", "此案件已被其他人修改，請重新載入後再比較版本。");
    const version = await tx.catalogueVersion.findUnique({ where: { id: target }, select: { status: true } });
    if (!version || version.status !== "published") throw new CaseError("invalid", `目錄版本 ${target} 不存在或尚未發布。`);
    if (target <= row.catalogueVersionId) throw new CaseError("invalid", `本案已使用目錄版本 ${row.catalogueVersionId}，只能移至較新的版本。`);

    const status = row.status as TCaseStatus;
    const record = (await getCase(tx, caseId))!;
    const comparison = compareCaseVersions(
      record,
      await pinnedCatalogue(tx, row.catalogueVersionId),
      await pinnedCatalogue(tx, target),
      (await caseProfile(tx, record)).profile,
    );
    if (!comparison.ok) throw new CaseError("invalid", comparison.message);
    const kept = comparison.keptDecisions.map((d) => d.itemId);
    const dropped = comparison.droppedDecisions.map((d) => d.itemId);
    const result = { kept, dropped, needDecision: comparison.needDecision.map((i) => i.id) };
    const audit = { from: row.catalogueVersionId, to: target, keptDecisions: kept, droppedDecisions: dropped };

    if (status === "approved") {
      const latest = await tx.case.aggregate({ where: { caseGroupId: row.caseGroupId }, _max: { revision: true } });
      let next;
      try {
        next = nextRevision({ ...row, status }, latest._max.revision ?? row.revision, actor);
      } catch (e) {
        if (e instanceof WorkflowError) throw new CaseError("invalid", e.message);
        throw e;
      }
      const id = randomUUID();
      await tx.case.create({
        data: {
          id,
          ...next,
          catalogueVersionId: target,
          title: row.title,
          answers: row.answers,
          lastSeenStatuses: row.lastSeenStatuses,
          clauseParameters: row.clauseParameters,
          agencySnapshot: row.agencySnapshot,
        },
      });
      const keep = new Set(kept);
      const decisions = record.decisions.filter((d) => keep.has(d.itemId));
      if (decisions.length) await tx.decision.createMany({ data: decisions.map((d) => ({ ...d, caseId: id })) });
      // 專案管理需求 exclusions go along; one of an item the new version no longer applies says nothing.
      const exclusions = await tx.pmExclusion.findMany({ where: { caseId } });
      if (exclusions.length) await tx.pmExclusion.createMany({ data: exclusions.map((e) => ({ ...e, caseId: id })) });
      await recordAudit(tx, {
        agencyId: actor.agencyId,
        actorId: actor.id,
        actorName: actor.name,
        action: "case.move-version",
        targetType: "case",
        targetId: id,
        before: { case: caseId, catalogueVersion: row.catalogueVersionId },
        after: { ...audit, revision: next.revision },
      });
      return { caseId: id, newRevision: true, ...result };
    }

    const edit = checkTransition({ ...row, status }, "edit", actor);
    if (!edit.ok) throw new CaseError("invalid", status === "submitted" ? "案件審查中，不能更換目錄版本；如需更換請由資安長退回。" : edit.error.message);
    if (dropped.length) await tx.decision.deleteMany({ where: { caseId, itemId: { in: dropped } } });
    await tx.case.update({ where: { id: caseId }, data: { catalogueVersionId: target, lockVersion: { increment: 1 } } });
    await recordAudit(tx, {
      agencyId: actor.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "case.move-version",
      targetType: "case",
      targetId: caseId,
      before: { catalogueVersion: row.catalogueVersionId },
      after: audit,
    });
    return { caseId, newRevision: false, ...result };
  });
}
