import { randomUUID } from "node:crypto";
import type { TDb } from "../../db/client";
import type { TTx } from "../../audit/tx";
import type { TActor } from "../../auth/roles";
import { DomainError, type TIssue } from "../../errors";
import { recordAudit } from "../../audit/record";
import { lockObligationRow } from "../../db/lock";
import { readStoredFile, storeFile } from "../../files/store";
import { canManageContracts, canSeeContracts } from "./access";
import { ZReview } from "./schemas";

export const EVIDENCE_OWNER = "obligation";

async function obligationFor(db: TDb | TTx, id: string, actor: TActor, manage: boolean, contractId?: string) {
  const row = await db.obligation.findUnique({ where: { id } });
  if (!row || row.agencyId !== actor.agencyId || !canSeeContracts(actor) || (contractId !== undefined && row.contractId !== contractId))
    throw new DomainError("not-found", "找不到這項履約義務。");
  if (manage && !canManageContracts(actor)) throw new DomainError("forbidden", "只有承辦人可以繳交或審查佐證。");
  return row;
}

/** Attaches a file to an obligation (→ 已繳交待審). Nothing is kept if any step fails. */
export async function submitEvidence(
  db: TDb,
  obligationId: string,
  upload: { name: string; bytes: Uint8Array; replaces?: string },
  actor: TActor,
  /** The contract the request names: an obligation of another contract reads as absent. */
  contractId?: string,
) {
  await obligationFor(db, obligationId, actor, true, contractId);
  return db.$transaction(async (tx) => {
    await lockObligationRow(db, tx, obligationId);
    const o = await obligationFor(tx, obligationId, actor, true);
    if (!o.active) throw new DomainError("conflict", "這項義務已因契約變更不再適用，無法再繳交。");
    if (o.review === "approved") throw new DomainError("conflict", "這項義務已核可，無需再繳交。");
    const file = await storeFile(tx, {
      agencyId: o.agencyId,
      ownerType: EVIDENCE_OWNER,
      ownerId: o.id,
      name: upload.name,
      bytes: upload.bytes,
      uploader: { id: actor.id, name: actor.name },
      ...(upload.replaces ? { replaces: upload.replaces } : {}),
    });
    await tx.obligation.update({ where: { id: o.id }, data: { review: "submitted", reviewComment: "", reviewedByName: "", reviewedAt: null } });
    await tx.obligationEvent.create({
      data: { id: randomUUID(), obligationId: o.id, action: "submit", fileId: file.id, byId: actor.id, byName: actor.name, at: file.uploadedAt },
    });
    await recordAudit(tx, {
      agencyId: o.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "obligation.evidence",
      targetType: "obligation",
      targetId: o.id,
      before: { review: o.review },
      after: {
        review: "submitted",
        file: { id: file.id, name: file.name, sha256: file.sha256, size: file.size, type: file.type },
        replaces: upload.replaces ?? null,
      },
    });
    return file;
  });
}

/** 核可 or 退回 (with a comment) an obligation whose evidence awaits review. */
export async function reviewObligation(db: TDb, obligationId: string, input: unknown, actor: TActor) {
  const r = ZReview.safeParse(input);
  if (!r.success) {
    const issues: TIssue[] = r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw new DomainError("invalid", issues[0]!.message, issues);
  }
  const { verdict, comment } = r.data;
  if (verdict === "return" && !comment) throw new DomainError("invalid", "退回時請說明原因", [{ path: "comment", message: "退回時請說明原因" }]);
  await obligationFor(db, obligationId, actor, true);
  await db.$transaction(async (tx) => {
    await lockObligationRow(db, tx, obligationId);
    const o = await obligationFor(tx, obligationId, actor, true);
    if (o.review !== "submitted") throw new DomainError("conflict", "這項義務目前沒有待審的佐證，請重新整理。", [], { current: { review: o.review } });
    const review = verdict === "approve" ? "approved" : "returned";
    const at = new Date();
    await tx.obligation.update({ where: { id: o.id }, data: { review, reviewComment: comment, reviewedByName: actor.name, reviewedAt: at } });
    await tx.obligationEvent.create({ data: { id: randomUUID(), obligationId: o.id, action: verdict, comment, byId: actor.id, byName: actor.name, at } });
    await recordAudit(tx, {
      agencyId: o.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: `obligation.${verdict}`,
      targetType: "obligation",
      targetId: o.id,
      before: { review: o.review },
      after: { review, comment },
      at,
    });
  });
}

/** One evidence file of a contract, with its bytes (another contract's or agency's reads as absent). */
export async function evidenceFile(db: TDb, contractId: string, fileId: string, actor: TActor) {
  const file = await readStoredFile(db, { agencyId: actor.agencyId, id: fileId });
  if (file.ownerType !== EVIDENCE_OWNER) throw new DomainError("not-found", "找不到這個檔案。");
  await obligationFor(db, file.ownerId, actor, false, contractId);
  return file;
}
