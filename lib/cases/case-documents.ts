import { createHash } from "node:crypto";
import type { TDb } from "../db/client";
import { lockCaseRow } from "../db/lock";
import { recordAudit, type TTx } from "../audit";
import type { TActor } from "../auth/roles";
import { asciiFileName, DOC_KINDS, DOC_TITLE, INTERNAL_DOCS, exportFileName, renderDocx, RENDERER_VERSION, type TDocKind } from "../export";
import { compactDate } from "../export/text/format";
import { CaseError } from "./errors";
import { caseExportModel, exportCase } from "./export-case";
import { getCase, type TCaseRecord } from "./store";
import { version as APP_VERSION } from "../../package.json";

/** Rendering every document inside one transaction (an approval, a freeze) takes longer than Prisma's 5 s default on a busy machine. */
export const DOCUMENT_TX = { timeout: 60_000, maxWait: 30_000 };

/** What the page shows of a stored document (the bytes stay in the database until downloaded). */
export type TStoredDocument = { kind: TDocKind; sha256: string; size: number; createdAt: Date; rendererVersion: string };

export const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * Renders and stores each document of an approved revision that is not stored yet, from one model dated
 * at the approval. Inside the caller's transaction, after the case row lock: at approval (with the
 * approval) and at the first download of a revision approved before documents were stored (or of a kind
 * added since). Idempotent: kinds already stored are never rendered again (the table refuses updates).
 */
export async function freezeDocuments(tx: TTx, caseId: string): Promise<TStoredDocument[]> {
  const record = await getCase(tx, caseId);
  if (!record || record.status !== "approved" || !record.approvedAt) throw new CaseError("invalid", "只有已核准的版次才能保存定稿文件");
  const stored = new Set((await tx.caseDocument.findMany({ where: { caseId }, select: { kind: true } })).map((d) => d.kind));
  const missing = DOC_KINDS.filter((k) => !stored.has(k));
  if (!missing.length) return [];
  const model = await caseExportModel(tx, record, record.approvedAt);
  const rendererVersion = `${RENDERER_VERSION} secreq-${APP_VERSION}`;
  const rows = [];
  for (const kind of missing) {
    const bytes = await renderDocx(model, kind, { form: { caseId: record.id, revision: record.revision } });
    rows.push({ caseId, kind, bytes: new Uint8Array(bytes), sha256: sha256Hex(bytes), size: bytes.length, rendererVersion });
  }
  const createdAt = new Date();
  await tx.caseDocument.createMany({ data: rows.map((r) => ({ ...r, createdAt })) });
  return rows.map(({ kind, sha256, size }) => ({ kind, sha256, size, createdAt, rendererVersion }));
}

/** The stored documents of a revision (none for a draft), without their bytes. */
export async function storedDocuments(db: TDb, caseId: string): Promise<TStoredDocument[]> {
  const rows = await db.caseDocument.findMany({
    where: { caseId },
    select: { kind: true, sha256: true, size: true, createdAt: true, rendererVersion: true },
  });
  return rows.map((r) => ({ ...r, kind: r.kind as TDocKind }));
}

/**
 * A document to download. An approved revision: the bytes stored at approval, never rendered again; one
 * approved before documents were stored is frozen now, once (under the case row lock, so two instances
 * downloading at once store one set; the second finds it), with the renderer of today, and audited.
 * Anything else: rendered on demand as a draft.
 */
export async function caseDocument(db: TDb, record: TCaseRecord, kind: TDocKind, actor: TActor) {
  if (record.status !== "approved" || !record.approvedAt) return { ...(await exportCase(db, record, kind)), sha256: null };
  const find = () => db.caseDocument.findUnique({ where: { caseId_kind: { caseId: record.id, kind } } });
  let stored = await find();
  if (!stored) {
    await db.$transaction(async (tx) => {
      await lockCaseRow(db, tx, record.id);
      const frozen = await freezeDocuments(tx, record.id);
      if (frozen.length)
        await recordAudit(tx, {
          agencyId: record.agencyId,
          actorId: actor.id,
          actorName: actor.name,
          action: "case.documents-freeze",
          targetType: "case",
          targetId: record.id,
          after: { documents: frozen.map(({ kind: k, sha256, size, rendererVersion }) => ({ kind: k, sha256, size, rendererVersion })) },
        });
    }, DOCUMENT_TX);
    stored = await find();
    if (!stored) throw new CaseError("not-found", "找不到這份文件");
  }
  const bytes = Buffer.from(stored.bytes);
  const meta = { caseName: record.title, fileDate: compactDate(record.approvedAt) };
  return { bytes, fileName: exportFileName({ meta }, kind), asciiName: asciiFileName({ meta }, kind), sha256: stored.sha256 };
}

/** The download links of a revision: every document kind, and the stored hash once it is frozen. */
export async function documentLinks(db: TDb, record: Pick<TCaseRecord, "id" | "status">) {
  const stored = record.status === "approved" ? await storedDocuments(db, record.id) : [];
  return DOC_KINDS.map((kind) => ({
    kind,
    title: DOC_TITLE[kind],
    internal: INTERNAL_DOCS.has(kind),
    sha256: stored.find((d) => d.kind === kind)?.sha256 ?? null,
  }));
}
