import { z } from "zod";
import type { TDb } from "../../db/client";
import type { TTx } from "../../audit/tx";
import type { TActor } from "../../auth/roles";
import { recordAudit } from "../../audit/record";
import { lockCaseRow } from "../../db/lock";
import { DomainError, type TIssue } from "../../errors";
import { getCase } from "../../cases/store";
import { assessmentRows } from "./rows";
import { answerIssues, ZAnswerChange, type TAnswerChange } from "./rules";
import { vendorAssessment, writeAnswers, type TAssessmentRecord, type TStaleAnswer, type TWrittenAnswer } from "./store";

const ZChanges = z.array(ZAnswerChange).min(1, "沒有要儲存的內容").max(500, "一次最多儲存 500 項");

export function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issues: TIssue[] = r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  throw new DomainError("invalid", issues[0]?.message ?? "輸入有誤", issues);
}

/** The vendor's assessment with the ids of its current rows (the rows as exported for the case's revision). */
export async function assessmentWithRows(db: TDb, actor: TActor, caseId: string) {
  const a = await vendorAssessment(db, actor, caseId);
  const record = await getCase(db, caseId);
  if (!record) throw new DomainError("not-found", "找不到此案件，或您未受邀填寫");
  const rows = await assessmentRows(db, record);
  return { a, rows, rowIds: new Set(rows.map((r) => r.id)) };
}

/**
 * Inside a write: the case's row lock, then a conditional touch of the assessment that holds its row until
 * commit (a submit at the same time waits, and a write after a submit finds it locked).
 */
export async function holdEditable(db: TDb, tx: TTx, a: TAssessmentRecord): Promise<TAssessmentRecord> {
  await lockCaseRow(db, tx, a.caseId);
  const held = await tx.vendorAssessment.updateMany({ where: { id: a.id, status: { in: ["draft", "returned"] } }, data: { updatedAt: new Date() } });
  if (held.count !== 1) throw new DomainError("conflict", "自評表已送出，機關審查完成前無法修改");
  const now = await tx.vendorAssessment.findUniqueOrThrow({ where: { id: a.id } });
  return { ...a, status: now.status as TAssessmentRecord["status"], round: now.round, lockVersion: now.lockVersion };
}

export type TSaveResult = { written: TWrittenAnswer[]; stale: TStaleAnswer[]; warnings: TIssue[] };

/**
 * Saves rows as typed (one transaction, one audit entry). A row saved over a newer version is not written
 * and comes back in `stale` with what is stored. The 說明 rule is only a warning here (path `<rowId>.<field>`);
 * submit refuses it.
 */
export async function saveAnswers(db: TDb, actor: TActor, caseId: string, input: unknown): Promise<TSaveResult> {
  const changes: TAnswerChange[] = parseOrThrow(ZChanges, input);
  const { a, rowIds } = await assessmentWithRows(db, actor, caseId);
  const result = await db.$transaction(async (tx) => {
    const held = await holdEditable(db, tx, a);
    const r = await writeAnswers(tx, held, changes, actor, "save", rowIds);
    await recordAudit(tx, {
      agencyId: a.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "vendor.assessment-save",
      targetType: "case",
      targetId: caseId,
      after: { assessmentId: a.id, rows: r.written.map((w) => w.rowId), stale: r.stale.map((s) => s.rowId) },
    });
    return r;
  });
  const warnings = changes.flatMap((c) =>
    answerIssues(c)
      .filter((i) => i.path === "note")
      .map((i) => ({ path: `${c.rowId}.${i.path}`, message: i.message })),
  );
  return { ...result, warnings };
}
