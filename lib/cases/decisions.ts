import { z } from "zod";
import { zLine, zText } from "../validation/text";
import type { TDb } from "../db/client";
import { lockCaseRow } from "../db/lock";
import type { TResolvedItem } from "../resolve/types";
import { CaseError } from "./errors";
import { recordAudit } from "../audit";
import type { TActor } from "../auth/roles";
import { checkTransition, type TCaseStatus } from "../workflow/state";
import { ConflictError, lastChange } from "./store";

/**
 * What the officer decides on an item: ◎ and needs-decision items are included or excluded with a
 * reason; a ▲ item the level requires is placed in this case or in another procurement
 * (一覽表: 經確認納入他案辦理者，本案免辦).
 */
export type TDecisionKind = "choice" | "placement";

export function decisionKind(item: Pick<TResolvedItem, "status" | "mark">): TDecisionKind | null {
  if (item.status === "optional" || item.status === "needs-decision") return "choice";
  if (item.status === "standard" && item.mark === "▲") return "placement";
  return null;
}

const CHOICES: Record<TDecisionKind, readonly string[]> = {
  // other-procurement only on a ▲ the level does not require (lib/cases/decide.ts ZOptionalTriangleDecision).
  choice: ["include", "exclude", "other-procurement"],
  placement: ["this-case", "other-procurement"],
};
export const decisionFits = (kind: TDecisionKind, choice: string) => CHOICES[kind].includes(choice);

export const ZChoiceDecision = z.object({
  choice: z.enum(["include", "exclude"], { error: () => "請選擇納入或不納入本案" }),
  reason: zText().trim().min(1, "請說明理由").max(500, "理由最多 500 字"),
  reference: z.string().max(0).optional().default(""),
});
export const ZPlacementDecision = z
  .object({
    choice: z.enum(["this-case", "other-procurement"], { error: () => "請選擇納入本案或於他案辦理" }),
    reason: zText().trim().max(500, "理由最多 500 字").default(""),
    reference: zLine().trim().max(200, "他案名稱或案號最多 200 字").default(""),
  })
  .superRefine((v, ctx) => {
    if (v.choice === "other-procurement" && !v.reference) ctx.addIssue({ code: "custom", path: ["reference"], message: "請填寫納入辦理之他案名稱或案號" });
  });
export type TDecisionInput = { choice: string; reason?: string; reference?: string };
/** A decision as a page showed it; null: none had been made. */
export type TDecisionBase = { choice: string; reason?: string; reference?: string } | null;

const comparable = (d: TDecisionBase) => (d ? JSON.stringify([d.choice, (d.reason ?? "").trim(), (d.reference ?? "").trim()]) : "null");

/**
 * Validates the decision against what the item asks for now and records who decided and when.
 * `base` is the decision as the officer's page had it (null: none yet): if the stored one differs,
 * someone else decided in between, and the save is refused with their decision (as for wizard steps).
 */
export async function saveDecision(
  db: TDb,
  caseId: string,
  item: Pick<TResolvedItem, "id" | "status" | "mark">,
  input: TDecisionInput,
  actor: TActor,
  now: Date = new Date(),
  base?: TDecisionBase,
) {
  const kind = decisionKind(item);
  if (!kind) throw new CaseError("not-applicable", "這一項目前不需要決定（標配或不適用）");
  const parsed = (kind === "choice" ? ZChoiceDecision : ZPlacementDecision).safeParse(input);
  if (!parsed.success)
    throw new CaseError(
      "invalid",
      "決定尚未完整",
      parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  const data = { choice: parsed.data.choice, reason: parsed.data.reason, reference: parsed.data.reference, decidedBy: actor.name, decidedAt: now };
  await db.$transaction(async (tx) => {
    await lockCaseRow(db, tx, caseId);
    const row = await tx.case.findUnique({ where: { id: caseId }, select: { agencyId: true, status: true, createdById: true } });
    if (!row || row.agencyId !== actor.agencyId) throw new CaseError("not-found", "找不到這個案件");
    const edit = checkTransition({ ...row, status: row.status as TCaseStatus }, "edit", actor);
    if (!edit.ok) throw new CaseError("invalid", edit.error.message);
    const before = await tx.decision.findUnique({ where: { caseId_itemId: { caseId, itemId: item.id } } });
    if (base !== undefined && comparable(base) !== comparable(before) && comparable(before) !== comparable(data))
      throw new ConflictError(
        before ? { choice: before.choice, reason: before.reason, reference: before.reference } : null,
        before?.decidedBy ?? (await lastChange(tx, caseId, "decision.save")).by,
        before?.decidedAt ?? new Date(),
        "這一項的決定",
      );
    await tx.decision.upsert({
      where: { caseId_itemId: { caseId, itemId: item.id } },
      create: { caseId, itemId: item.id, ...data, version: 1 },
      update: { ...data, origin: "manual", version: { increment: 1 } },
    });
    await tx.case.update({ where: { id: caseId }, data: { lockVersion: { increment: 1 } } });
    await recordAudit(tx, {
      agencyId: actor.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "decision.save",
      targetType: "case",
      targetId: caseId,
      before: before ? { itemId: item.id, choice: before.choice, reason: before.reason, reference: before.reference } : null,
      after: { itemId: item.id, choice: data.choice, reason: data.reason, reference: data.reference },
    });
  });
  return data;
}
