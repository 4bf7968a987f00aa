import { z } from "zod";
import { zText } from "../validation/text";
import type { TDb } from "../db/client";
import type { TTx } from "../audit";
import { lockCaseRow } from "../db/lock";
import { recordAudit } from "../audit";
import type { TActor } from "../auth/roles";
import type { TServiceTypeKey } from "../catalogue/schema";
import { supplementFor } from "../catalogue/bundled";
import { applicableProjectItems, projectItemId } from "../export";
import { checkTransition, type TCaseStatus } from "../workflow/state";
import { CaseError } from "./errors";
import { pinnedCatalogue } from "./load";
import { ConflictError, lastChange, type TCaseRecord } from "./store";

/**
 * The officer leaves one 專案管理需求 item (003) out of the case, with a reason, as for a ◎ item; or puts
 * it back. The documents drop an excluded item; the internal record 資安風險接受紀錄 lists it with the reason.
 */
export const ZPmExclusionInput = z
  .object({
    itemId: z.string().trim().min(1, "請指定項目").max(20),
    exclude: z.boolean({ error: () => "請選擇列入或不列入本案" }),
    reason: zText().trim().max(500, "理由最多 500 字").default(""),
  })
  .superRefine((v, ctx) => {
    if (v.exclude && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "請說明不列入本案的理由" });
  });

/** The exclusion as the officer's page had it (null: the item was listed). */
export type TPmExclusionBase = { reason: string } | null;

/** One applicable item as the review step and the CISO's page show it. */
export type TPmItemView = { id: string; no: number; title: string; excluded: { reason: string; decidedBy: string; decidedAt: Date } | null };

async function applicable(db: TDb | TTx, record: Pick<TCaseRecord, "catalogueVersionId" | "answers">) {
  const supplement = supplementFor(await pinnedCatalogue(db, record.catalogueVersionId));
  return supplement ? applicableProjectItems(supplement, record.answers.case.serviceTypes as TServiceTypeKey[]) : [];
}

/** The 專案管理需求 items that apply to the case, each with the officer's exclusion if any. */
export async function pmItemsView(db: TDb, record: TCaseRecord): Promise<TPmItemView[]> {
  const items = await applicable(db, record);
  const rows = await db.pmExclusion.findMany({ where: { caseId: record.id } });
  const byId = new Map(rows.map((r) => [r.itemId, r]));
  return items.map((item) => {
    const id = projectItemId(item.no);
    const row = byId.get(id);
    return { id, no: item.no, title: item.title, excluded: row ? { reason: row.reason, decidedBy: row.decidedBy, decidedAt: row.decidedAt } : null };
  });
}

/** Saves the officer's choice on one item (row lock, state check, stale-save check, audit, one transaction). */
export async function setPmExclusion(db: TDb, caseId: string, input: unknown, actor: TActor, base?: TPmExclusionBase, now: Date = new Date()) {
  const parsed = ZPmExclusionInput.safeParse(input);
  if (!parsed.success)
    throw new CaseError(
      "invalid",
      "專案管理需求的決定尚未完整",
      parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  const { itemId, exclude, reason } = parsed.data;
  return db.$transaction(async (tx) => {
    await lockCaseRow(db, tx, caseId);
    const row = await tx.case.findUnique({ where: { id: caseId } });
    if (!row || row.agencyId !== actor.agencyId) throw new CaseError("not-found", "找不到這個案件");
    const edit = checkTransition({ ...row, status: row.status as TCaseStatus }, "edit", actor);
    if (!edit.ok) throw new CaseError("invalid", edit.error.message);
    const items = await applicable(tx, { catalogueVersionId: row.catalogueVersionId, answers: JSON.parse(row.answers) as TCaseRecord["answers"] });
    if (!items.some((i) => projectItemId(i.no) === itemId))
      throw new CaseError("invalid", "專案管理需求的決定尚未完整", [{ path: "itemId", message: "這一項不是本案適用的專案管理需求" }]);
    const before = await tx.pmExclusion.findUnique({ where: { caseId_itemId: { caseId, itemId } } });
    const was = before ? JSON.stringify(before.reason) : "null";
    const wants = exclude ? JSON.stringify(reason) : "null";
    if (base !== undefined && (base ? JSON.stringify(base.reason.trim()) : "null") !== was && was !== wants)
      throw new ConflictError(
        before ? { reason: before.reason } : null,
        before?.decidedBy ?? (await lastChange(tx, caseId, "case.pm-exclusion")).by,
        before?.decidedAt ?? new Date(),
        "這一項專案管理需求",
      );
    if (exclude) {
      const data = { reason, decidedBy: actor.name, decidedAt: now };
      await tx.pmExclusion.upsert({ where: { caseId_itemId: { caseId, itemId } }, create: { caseId, itemId, ...data }, update: data });
    } else if (before) await tx.pmExclusion.delete({ where: { caseId_itemId: { caseId, itemId } } });
    await tx.case.update({ where: { id: caseId }, data: { lockVersion: { increment: 1 } } });
    await recordAudit(tx, {
      agencyId: actor.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "case.pm-exclusion",
      targetType: "case",
      targetId: caseId,
      before: before ? { itemId, excluded: true, reason: before.reason } : { itemId, excluded: false },
      after: exclude ? { itemId, excluded: true, reason } : { itemId, excluded: false },
      at: now,
    });
    return exclude ? { reason, decidedBy: actor.name, decidedAt: now } : null;
  });
}
