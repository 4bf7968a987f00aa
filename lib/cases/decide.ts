import { z } from "zod";
import { zLine, zText } from "../validation/text";
import type { TDb } from "../db/client";
import type { TTx } from "../audit/tx";
import { lockCaseRow } from "../db/lock";
import { recordAudit } from "../audit";
import type { TActor } from "../auth/roles";
import { checkTransition, type TCaseStatus } from "../workflow/state";
import { CaseError } from "./errors";
import { ConflictError } from "./store";
import type { TChecklist } from "./checklist";
import { ZChoiceDecision, ZPlacementDecision, type TDecisionInput } from "./decisions";
import { decisionRows, isOpenRow, type TDecisionRow } from "./decision-rows";

type TOkChecklist = Extract<TChecklist, { ok: true }>;
/** The version of each item's decision the page started from (null: none yet). */
export type TBases = Record<string, number | null>;
export type TOrigin = "manual" | "recommendation";
type TWrite = { itemId: string; kind: "choice" | "placement"; triangle: boolean; input: TDecisionInput; origin: TOrigin };

/**
 * A ▲ the level does not require: 本案辦理 / 另案辦理 (with the contract) / 不辦理 (with a reason) — the same
 * choices as every ▲ row (issue 13: one vocabulary for ▲).
 */
export const ZOptionalTriangleDecision = z
  .object({
    choice: z.enum(["include", "other-procurement", "exclude"], { error: () => "請選擇本案辦理、另案辦理或不辦理" }),
    reason: zText().trim().max(500, "理由最多 500 字").default(""),
    reference: zLine().trim().max(200, "他案名稱或案號最多 200 字").default(""),
  })
  .superRefine((v, ctx) => {
    if (v.choice === "other-procurement" && !v.reference) ctx.addIssue({ code: "custom", path: ["reference"], message: "請填寫納入辦理之他案名稱或案號" });
    if (v.choice !== "other-procurement" && v.reference) ctx.addIssue({ code: "custom", path: ["reference"], message: "只有另案辦理需填寫他案名稱或案號" });
    if (v.choice === "exclude" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "請說明理由" });
  });

function parse(w: TWrite) {
  const schema = w.kind === "placement" ? ZPlacementDecision : w.triangle ? ZOptionalTriangleDecision : ZChoiceDecision;
  const parsed = schema.safeParse(w.input);
  if (!parsed.success)
    throw new CaseError(
      "invalid",
      "決定尚未完整",
      parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  return parsed.data;
}

async function editableCase(db: TDb, tx: TTx, caseId: string, actor: TActor) {
  await lockCaseRow(db, tx, caseId);
  const row = await tx.case.findUnique({ where: { id: caseId }, select: { agencyId: true, status: true, createdById: true } });
  if (!row || row.agencyId !== actor.agencyId) throw new CaseError("not-found", "找不到這個案件");
  const edit = checkTransition({ ...row, status: row.status as TCaseStatus }, "edit", actor);
  if (!edit.ok) throw new CaseError("invalid", edit.error.message);
}

/**
 * Writes decisions on many items in one transaction with ONE audit entry listing every item. Every item
 * carries the version its page started from; if any stored version differs, nothing is written and the
 * save is refused with the other person's decisions (detail.current: { itemId: decision | null }).
 */
async function writeDecisions(db: TDb, caseId: string, writes: TWrite[], bases: TBases, actor: TActor, action: string, now: Date) {
  if (writes.length === 0) throw new CaseError("invalid", "沒有可決定的項目");
  const data = writes.map((w) => ({ ...w, parsed: parse(w) }));
  return db.$transaction(async (tx) => {
    await editableCase(db, tx, caseId, actor);
    const stored = await tx.decision.findMany({ where: { caseId, itemId: { in: writes.map((w) => w.itemId) } } });
    const byId = new Map(stored.map((d) => [d.itemId, d]));
    const stale = writes.filter((w) => (byId.get(w.itemId)?.version ?? null) !== (bases[w.itemId] ?? null));
    if (stale.length) {
      const first = byId.get(stale[0]!.itemId);
      const current = Object.fromEntries(
        stale.map((w) => {
          const d = byId.get(w.itemId);
          return [w.itemId, d ? { choice: d.choice, reason: d.reason, reference: d.reference, decidedBy: d.decidedBy, version: d.version } : null];
        }),
      );
      throw new ConflictError(current, first?.decidedBy ?? "其他使用者", first?.decidedAt ?? now, "這一項的決定");
    }
    for (const w of data) {
      const values = {
        choice: w.parsed.choice,
        reason: w.parsed.reason,
        reference: w.parsed.reference,
        decidedBy: actor.name,
        decidedAt: now,
        origin: w.origin,
      };
      await tx.decision.upsert({
        where: { caseId_itemId: { caseId, itemId: w.itemId } },
        create: { caseId, itemId: w.itemId, ...values, version: 1 },
        update: { ...values, version: { increment: 1 } },
      });
    }
    await tx.case.update({ where: { id: caseId }, data: { lockVersion: { increment: 1 } } });
    await recordAudit(tx, {
      agencyId: actor.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action,
      targetType: "case",
      targetId: caseId,
      before: stored.length ? stored.map((d) => ({ itemId: d.itemId, choice: d.choice, reason: d.reason, reference: d.reference })) : null,
      after: data.map((w) => ({ itemId: w.itemId, choice: w.parsed.choice, reason: w.parsed.reason, reference: w.parsed.reference, origin: w.origin })),
      at: now,
    });
    const after = await tx.decision.findMany({ where: { caseId, itemId: { in: writes.map((w) => w.itemId) } } });
    return Object.fromEntries(after.map((d) => [d.itemId, d.version])) as Record<string, number>;
  });
}

async function rowsOf(db: TDb, caseId: string, checklist: TOkChecklist) {
  const [splits, stored] = await Promise.all([
    db.decisionSplit.findMany({ where: { caseId } }),
    db.decision.findMany({ where: { caseId }, select: { itemId: true, version: true } }),
  ]);
  return decisionRows(checklist, splits, new Map(stored.map((d) => [d.itemId, d.version])));
}

function rowOf(rows: TDecisionRow[], key: string) {
  const row = rows.find((r) => r.key === key);
  if (!row || !row.kind) throw new CaseError("not-applicable", "這一項目前不需要決定（標配或不適用）");
  return row;
}

/**
 * One decision on requirement rows: every decidable copy of each row gets it (a split row: only the
 * copies named in `itemIds`). `bases` carries the version of each item as the page had it.
 */
export async function decideRows(
  db: TDb,
  caseId: string,
  checklist: TOkChecklist,
  target: { keys: string[]; itemIds?: string[] },
  input: TDecisionInput,
  bases: TBases,
  actor: TActor,
  now: Date = new Date(),
) {
  const rows = await rowsOf(db, caseId, checklist);
  const writes: TWrite[] = [];
  for (const key of target.keys) {
    const row = rowOf(rows, key);
    const ids = target.itemIds ? row.decidable.filter((id) => target.itemIds!.includes(id)) : row.decidable;
    for (const itemId of ids) writes.push({ itemId, kind: row.kind!, triangle: row.mark === "▲", input, origin: "manual" });
  }
  const kinds = new Set(writes.map((w) => w.kind));
  if (kinds.size > 1) throw new CaseError("invalid", "選取的列須同為「納入／不納入」或同為「本案／另案辦理」的決定");
  return writeDecisions(db, caseId, writes, bases, actor, target.keys.length > 1 ? "decision.bulk" : "decision.save", now);
}

/** 「全部採用建議」: every open row that has a recommendation gets it, its reason recorded, origin recommendation. */
export async function adoptRecommendations(db: TDb, caseId: string, checklist: TOkChecklist, bases: TBases, actor: TActor, now: Date = new Date()) {
  const rows = (await rowsOf(db, caseId, checklist)).filter((r) => r.kind && r.recommendation && isOpenRow(r) && r.state !== "split");
  const writes: TWrite[] = [];
  for (const row of rows) {
    const rec = row.recommendation!;
    const input = { choice: rec.decision, reason: rec.reason, reference: rec.reference ?? "" };
    for (const itemId of row.decidable) writes.push({ itemId, kind: row.kind!, triangle: row.mark === "▲", input, origin: "recommendation" });
  }
  // Nothing to adopt is no error: the page says so.
  if (writes.length === 0) return {} as Record<string, number>;
  return writeDecisions(db, caseId, writes, bases, actor, "decision.bulk", now);
}

export const ZSplitReason = zText().trim().min(1, "請說明為何各服務類型需要不同的決定").max(500, "理由最多 500 字");

/** Decide a row per service type from now on; the reason is kept and audited. */
export async function splitRow(db: TDb, caseId: string, checklist: TOkChecklist, key: string, reason: unknown, actor: TActor, now: Date = new Date()) {
  const parsed = z.object({ reason: ZSplitReason }).safeParse({ reason });
  if (!parsed.success) throw new CaseError("invalid", "尚未說明理由", [{ path: "reason", message: parsed.error.issues[0]!.message }]);
  const row = rowOf(await rowsOf(db, caseId, checklist), key);
  if (row.decidable.length < 2) throw new CaseError("invalid", "這一項只來自一個服務類型，無須分開決定");
  await db.$transaction(async (tx) => {
    await editableCase(db, tx, caseId, actor);
    const data = { reason: parsed.data.reason, splitBy: actor.name, splitAt: now };
    await tx.decisionSplit.upsert({ where: { caseId_key: { caseId, key } }, create: { caseId, key, ...data }, update: data });
    await recordAudit(tx, {
      agencyId: actor.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "decision.split",
      targetType: "case",
      targetId: caseId,
      after: { key, itemIds: row.decidable, reason: parsed.data.reason },
      at: now,
    });
  });
}

/** Back to one decision for the row: the split is removed (the copies' decisions stay until the next save). */
export async function mergeRow(db: TDb, caseId: string, key: string, actor: TActor, now: Date = new Date()) {
  await db.$transaction(async (tx) => {
    await editableCase(db, tx, caseId, actor);
    const split = await tx.decisionSplit.findUnique({ where: { caseId_key: { caseId, key } } });
    if (!split) throw new CaseError("invalid", "這一列沒有分開決定");
    await tx.decisionSplit.delete({ where: { caseId_key: { caseId, key } } });
    await recordAudit(tx, {
      agencyId: actor.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "decision.merge",
      targetType: "case",
      targetId: caseId,
      before: { key, reason: split.reason },
      at: now,
    });
  });
}
