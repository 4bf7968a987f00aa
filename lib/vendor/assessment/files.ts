import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { TDb } from "../../db/client";
import type { TTx } from "../../audit/tx";
import { hasRole, type TActor } from "../../auth/roles";
import { recordAudit } from "../../audit/record";
import { DomainError } from "../../errors";
import { readStoredFile, storeFile, type TStoredFileMeta } from "../../files/store";
import { zText } from "../../validation/text";
import { vendorCase } from "../access";
import { assessmentWithRows, holdEditable, parseOrThrow } from "./answers";
import { EVIDENCE_MAX, vendorMayEdit, type TAnswerReview } from "./rules";
import { agencyAssessment, VENDOR_FILE_OWNER, writeAnswers, type TAssessmentRecord } from "./store";

/**
 * The vendor's evidence files: one StoredFile per upload (owner: the assessment; the same limits, sniffing and
 * audit as contract evidence), linked to one or more answers by VendorAnswerFile. Detaching only marks the link.
 */

const ZRowIds = z.array(z.string().min(1).max(200)).min(1, "請選擇至少一個項目").max(500, "一次最多 500 項");
const NOT_FOUND = "找不到這個檔案。";

/** The answer rows for these row ids, created empty (version 0, so an open form is not made stale) where missing. */
async function answersFor(tx: TTx, a: TAssessmentRecord, rowIds: readonly string[], valid: ReadonlySet<string>, by: string) {
  const out: { id: string; rowId: string }[] = [];
  const stored = await tx.vendorAnswer.findMany({ where: { assessmentId: a.id, rowId: { in: [...rowIds] } } });
  for (const rowId of rowIds) {
    if (!valid.has(rowId)) throw new DomainError("invalid", `項目「${rowId}」不在本表之項目中`, [{ path: rowId, message: "不在本表之項目中" }]);
    const s = stored.find((x) => x.rowId === rowId);
    if (!vendorMayEdit(a.status, (s?.review ?? "") as TAnswerReview))
      throw new DomainError("conflict", a.status === "returned" ? "機關已接受此項，無法修改" : "自評表已送出，機關審查完成前無法修改", [
        { path: rowId, message: "此項目前無法修改" },
      ]);
    out.push(s ?? (await tx.vendorAnswer.create({ data: { id: randomUUID(), assessmentId: a.id, rowId, version: 0, updatedByName: by } })));
  }
  return out;
}

async function link(tx: TTx, answers: readonly { id: string }[], fileId: string) {
  for (const ans of answers) {
    const existing = await tx.vendorAnswerFile.findUnique({ where: { answerId_fileId: { answerId: ans.id, fileId } } });
    if (!existing) await tx.vendorAnswerFile.create({ data: { answerId: ans.id, fileId } });
    else if (existing.detachedAt)
      await tx.vendorAnswerFile.update({ where: { answerId_fileId: { answerId: ans.id, fileId } }, data: { detachedAt: null, attachedAt: new Date() } });
  }
}

const fileAudit = (f: TStoredFileMeta) => ({ id: f.id, name: f.name, sha256: f.sha256, size: f.size, type: f.type });

/** Stores one file and links it to every named row the vendor may still edit. Nothing is kept if any step fails. */
export async function attachEvidence(db: TDb, actor: TActor, caseId: string, upload: { name: string; bytes: Uint8Array }, rowIdsInput: unknown) {
  const rowIds = [...new Set(parseOrThrow(ZRowIds, rowIdsInput))];
  const { a, rowIds: valid } = await assessmentWithRows(db, actor, caseId);
  return db.$transaction(async (tx) => {
    const held = await holdEditable(db, tx, a);
    const answers = await answersFor(tx, held, rowIds, valid, actor.name);
    const file = await storeFile(tx, {
      agencyId: a.agencyId,
      ownerType: VENDOR_FILE_OWNER,
      ownerId: a.id,
      name: upload.name,
      bytes: upload.bytes,
      uploader: actor,
    });
    await link(tx, answers, file.id);
    await recordAudit(tx, {
      agencyId: a.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "vendor.assessment-file",
      targetType: "case",
      targetId: caseId,
      after: { assessmentId: a.id, rows: rowIds, file: fileAudit(file) },
    });
    return file;
  });
}

const ZDetach = z.object({ rowId: z.string().min(1).max(200), fileId: z.uuid({ error: NOT_FOUND }) });

/** Takes a file off one row (detachedAt); the file itself is never deleted. */
export async function detachEvidence(db: TDb, actor: TActor, caseId: string, input: unknown) {
  const { rowId, fileId } = parseOrThrow(ZDetach, input);
  const { a, rowIds: valid } = await assessmentWithRows(db, actor, caseId);
  await db.$transaction(async (tx) => {
    const held = await holdEditable(db, tx, a);
    const [answer] = await answersFor(tx, held, [rowId], valid, actor.name);
    const done = await tx.vendorAnswerFile.updateMany({ where: { answerId: answer!.id, fileId, detachedAt: null }, data: { detachedAt: new Date() } });
    if (done.count !== 1) throw new DomainError("not-found", NOT_FOUND);
    const file = await tx.storedFile.findUniqueOrThrow({ where: { id: fileId }, select: { id: true, name: true, sha256: true } });
    await recordAudit(tx, {
      agencyId: a.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "vendor.assessment-file-detach",
      targetType: "case",
      targetId: caseId,
      after: { assessmentId: a.id, row: rowId, file },
    });
  });
  return {};
}

const ZBulkYes = z.object({
  rowIds: ZRowIds,
  evidence: zText().max(EVIDENCE_MAX, `「佐證資料」最多 ${EVIDENCE_MAX} 字`).optional(),
  fileId: z.uuid({ error: NOT_FOUND }).optional(),
});

/**
 * Marks several rows 是 at once, optionally with the same 佐證資料 text and the same evidence file (an earlier
 * upload of this assessment, or `upload`, stored once here): one transaction, one audit entry. A row's 說明
 * is kept; its 佐證資料 is replaced only when a text is given.
 */
export async function bulkYes(db: TDb, actor: TActor, caseId: string, input: unknown, upload?: { name: string; bytes: Uint8Array }) {
  const { rowIds: ids, evidence, fileId } = parseOrThrow(ZBulkYes, input);
  const rowIds = [...new Set(ids)];
  const { a, rowIds: valid } = await assessmentWithRows(db, actor, caseId);
  return db.$transaction(async (tx) => {
    const held = await holdEditable(db, tx, a);
    const answers = await answersFor(tx, held, rowIds, valid, actor.name);
    const stored = await tx.vendorAnswer.findMany({ where: { id: { in: answers.map((x) => x.id) } } });
    const { written } = await writeAnswers(
      tx,
      held,
      stored.map((s) => ({ rowId: s.rowId, answer: "yes" as const, evidence: evidence?.trim() ? evidence : s.evidence, note: s.note })),
      actor,
      "save",
      valid,
    );
    let file: TStoredFileMeta | null = null;
    if (upload)
      file = await storeFile(tx, {
        agencyId: a.agencyId,
        ownerType: VENDOR_FILE_OWNER,
        ownerId: a.id,
        name: upload.name,
        bytes: upload.bytes,
        uploader: actor,
      });
    else if (fileId) {
      const f = await tx.storedFile.findUnique({ where: { id: fileId } });
      if (!f || f.ownerType !== VENDOR_FILE_OWNER || f.ownerId !== a.id)
        throw new DomainError("not-found", NOT_FOUND, [{ path: "fileId", message: NOT_FOUND }]);
      file = f;
    }
    if (file) await link(tx, answers, file.id);
    await recordAudit(tx, {
      agencyId: a.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "vendor.assessment-bulk-yes",
      targetType: "case",
      targetId: caseId,
      after: { assessmentId: a.id, rows: rowIds, evidence: evidence ?? null, file: file ? fileAudit(file) : null },
    });
    return { written, file: file ? { id: file.id, name: file.name } : null };
  });
}

/**
 * One evidence file of an assessment the actor may reach: the vendor its own (of a case it is still invited
 * to), the agency's officer or CISO their agency's. Anything else reads as not-found.
 */
export async function assessmentFile(db: TDb, actor: TActor, fileId: string, caseId?: string) {
  const meta = await db.storedFile.findUnique({ where: { id: fileId }, select: { ownerType: true, ownerId: true, agencyId: true } });
  if (!meta || meta.ownerType !== VENDOR_FILE_OWNER) throw new DomainError("not-found", NOT_FOUND);
  if (hasRole(actor, "vendor")) {
    const a = await db.vendorAssessment.findUnique({ where: { id: meta.ownerId } });
    if (!a || a.vendorUserId !== actor.id || (caseId !== undefined && a.caseId !== caseId)) throw new DomainError("not-found", NOT_FOUND);
    await vendorCase(db, actor, a.caseId);
  } else {
    const a = await agencyAssessment(db, actor, meta.ownerId).catch(() => null);
    if (!a || (caseId !== undefined && a.caseId !== caseId)) throw new DomainError("not-found", NOT_FOUND);
  }
  return readStoredFile(db, { agencyId: meta.agencyId, id: fileId });
}
