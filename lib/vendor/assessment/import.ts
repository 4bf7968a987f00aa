import { z } from "zod";
import type { TDb } from "../../db/client";
import { hasRole, type TActor } from "../../auth/roles";
import { recordAudit } from "../../audit/record";
import { DomainError, type TIssue } from "../../errors";
import { getCase } from "../../cases/store";
import { readStoredFile, sha256Hex, sniffUpload, storeFile } from "../../files";
import { ChecklistReadError, readFilledChecklist, type TFilledChecklist } from "../read-checklist";
import { assessmentRows, type TAssessmentRow } from "./rows";
import { IMPORT_KIND_LABEL, vendorMayEdit, type TAnswerFields, type TAnswerReview, type TImportKind } from "./rules";
import { claimAssessment, VENDOR_IMPORT_OWNER, writeAnswers, type TAssessmentRecord, type TStaleAnswer } from "./store";

/**
 * The Word round trip's way back: a filled 廠商資安自評表 uploaded by the vendor (or by the case's officer
 * on its behalf) is stored, read (read-checklist.ts) and compared row by row with what is online. The
 * preview writes nothing but the file; apply re-reads the stored file (never the client's copy of the
 * answers) and writes the rows the user took, each at the version the preview showed.
 */

export type TImportRow = {
  rowId: string;
  name: string;
  group: string;
  kind: TImportKind;
  online: TAnswerFields & { version: number; updatedByName: string };
  word: TAnswerFields;
  /** Why a locked row cannot be applied. */
  lockedReason?: string;
};

export type TImportPreview = {
  fileId: string;
  fileName: string;
  sha256: string;
  status: TAssessmentRecord["status"];
  rows: TImportRow[];
  counts: Record<TImportKind, number>;
};

/** The rows the user takes from Word, each at the version the preview showed (0: nothing stored then). */
export const ZImportTakes = z.array(z.object({ rowId: z.string().min(1).max(200), version: z.number().int().min(0).max(1_000_000) })).max(5000, "項目過多");
export type TImportTake = z.output<typeof ZImportTakes>[number];

export type TImportResult = {
  /** Rows taken from Word and now stored as Word has them. */
  written: number;
  stale: (TStaleAnswer & { name: string; word: TAnswerFields })[];
  locked: { rowId: string; name: string }[];
  sha256: string;
};

const EMPTY = { answer: "" as const, evidence: "", note: "" };
const isEmpty = (a: TAnswerFields) => !a.answer && !a.evidence && !a.note;
const same = (a: TAnswerFields, b: TAnswerFields) => a.answer === b.answer && a.evidence === b.evidence && a.note === b.note;
const fileIssues = (issues: readonly TIssue[]) => issues.map((i) => ({ path: "file", message: i.message }));

/** The vendor on its own assessment, or an officer of the assessment's agency (on the vendor's behalf). */
function importer(actor: TActor, a: TAssessmentRecord): { id: string; name: string; onBehalf: boolean } {
  if (hasRole(actor, "vendor") && actor.id === a.vendorUserId) return { id: actor.id, name: actor.name, onBehalf: false };
  if (hasRole(actor, "officer") && actor.agencyId === a.agencyId) return { id: actor.id, name: `${actor.name}（代廠商上傳）`, onBehalf: true };
  if (hasRole(actor, "vendor") || actor.agencyId !== a.agencyId) throw new DomainError("not-found", "找不到這份廠商自評");
  throw new DomainError("forbidden", "只有廠商代表或本案承辦人可以上傳填妥之自評表");
}

/** Reads the Word copy and checks it is this assessment's form: case, revision, contract and exactly its rows. */
async function readForAssessment(db: TDb, a: TAssessmentRecord, bytes: Uint8Array): Promise<{ filled: TFilledChecklist; rows: TAssessmentRow[] }> {
  let filled: TFilledChecklist;
  try {
    filled = readFilledChecklist(bytes);
  } catch (e) {
    if (e instanceof ChecklistReadError)
      throw new DomainError("invalid", e.message, e.issues.length ? fileIssues(e.issues) : [{ path: "file", message: e.message }]);
    throw e;
  }
  const refuse = (message: string) => new DomainError("invalid", message, [{ path: "file", message }]);
  if (filled.caseId !== a.caseId) throw refuse("此檔案是另一個案件之自評表，請下載本案之自評表填寫");
  if (filled.revision !== a.revision) throw refuse(`此檔案是第 ${filled.revision ?? "？"} 版之自評表，本案為第 ${a.revision} 版；請重新下載本表填寫`);
  if (filled.contractId && filled.contractId !== a.contractId) throw refuse("此檔案屬於另一份契約之自評表，請下載本契約之自評表填寫");
  const record = await getCase(db, a.caseId);
  if (!record) throw new DomainError("not-found", "找不到這份廠商自評");
  const rows = await assessmentRows(db, record);
  const ids = filled.answers.map((x) => x.id);
  if (ids.length !== rows.length || rows.some((r, i) => r.id !== ids[i]))
    throw refuse("此檔案之自評項目與本案目前之自評表不同（可能由較舊之版本匯出），請重新下載本表填寫");
  return { filled, rows };
}

async function classify(db: TDb, a: TAssessmentRecord, filled: TFilledChecklist, rows: TAssessmentRow[]): Promise<TImportRow[]> {
  const stored = new Map((await db.vendorAnswer.findMany({ where: { assessmentId: a.id } })).map((s) => [s.rowId, s]));
  const word = new Map(filled.answers.map((x) => [x.id, { answer: x.answer ?? "", evidence: x.evidence, note: x.note } satisfies TAnswerFields]));
  return rows.map((r) => {
    const s = stored.get(r.id);
    const online = s
      ? { answer: s.answer as TAnswerFields["answer"], evidence: s.evidence, note: s.note, version: s.version, updatedByName: s.updatedByName }
      : { ...EMPTY, version: 0, updatedByName: "" };
    const w = word.get(r.id) ?? EMPTY;
    const base = { rowId: r.id, name: r.name, group: r.group, online, word: w };
    if (same(online, w)) return { ...base, kind: "unchanged" as const };
    if (isEmpty(w)) return { ...base, kind: "blank" as const };
    if (!vendorMayEdit(a.status, (s?.review ?? "") as TAnswerReview))
      return {
        ...base,
        kind: "locked" as const,
        lockedReason:
          a.status === "returned" ? "機關已接受此項，無法修改" : a.status === "accepted" ? "機關已全部接受，無法修改" : "自評表已送出，機關審查完成前無法修改",
      };
    return { ...base, kind: isEmpty(online) ? ("new" as const) : ("conflict" as const) };
  });
}

const countKinds = (rows: TImportRow[]) =>
  Object.fromEntries((Object.keys(IMPORT_KIND_LABEL) as TImportKind[]).map((k) => [k, rows.filter((r) => r.kind === k).length])) as Record<TImportKind, number>;

/** The stored upload of this assessment, or not-found (another assessment's file reads as absent). */
async function importFile(db: TDb, a: TAssessmentRecord, fileId: string) {
  const file = await readStoredFile(db, { agencyId: a.agencyId, id: fileId }).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === "not-found") return null;
    throw e;
  });
  if (!file || file.ownerType !== VENDOR_IMPORT_OWNER || file.ownerId !== a.id) throw new DomainError("not-found", "找不到上傳之自評表檔案，請重新上傳");
  return file;
}

/**
 * Stores an uploaded Word copy (only DOCX, lib/files limits) and previews it; a refused copy is not
 * stored and comes back with every reason at the file field. The same bytes uploaded again reuse the stored file.
 */
export async function previewImport(db: TDb, actor: TActor, a: TAssessmentRecord, upload: { name: string; bytes: Uint8Array }): Promise<TImportPreview> {
  const by = importer(actor, a);
  const { type } = await sniffUpload(upload.name, upload.bytes).catch((e: unknown) => {
    throw e instanceof DomainError ? new DomainError("invalid", e.message, [{ path: "file", message: e.message }]) : e;
  });
  if (type !== "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    throw new DomainError("invalid", "請上傳 Word（.docx）檔：本系統匯出之廠商資安自評表", [{ path: "file", message: "請上傳 Word（.docx）檔" }]);
  const { filled, rows } = await readForAssessment(db, a, upload.bytes);
  const sha256 = sha256Hex(upload.bytes);
  const existing = await db.storedFile.findFirst({
    where: { agencyId: a.agencyId, ownerType: VENDOR_IMPORT_OWNER, ownerId: a.id, sha256 },
    select: { id: true, name: true },
  });
  const file =
    existing ??
    (await db.$transaction((tx) =>
      storeFile(tx, { agencyId: a.agencyId, ownerType: VENDOR_IMPORT_OWNER, ownerId: a.id, name: upload.name, bytes: upload.bytes, uploader: by }),
    ));
  const classified = await classify(db, a, filled, rows);
  return { fileId: file.id, fileName: file.name, sha256, status: a.status, rows: classified, counts: countKinds(classified) };
}

/** The preview of a file uploaded earlier (the preview page after the upload's redirect). */
export async function importPreview(db: TDb, actor: TActor, a: TAssessmentRecord, fileId: string): Promise<TImportPreview> {
  importer(actor, a);
  const file = await importFile(db, a, fileId);
  const { filled, rows } = await readForAssessment(db, a, file.content);
  const classified = await classify(db, a, filled, rows);
  return { fileId: file.id, fileName: file.name, sha256: file.sha256, status: a.status, rows: classified, counts: countKinds(classified) };
}

/**
 * Writes the rows taken from Word (新填 rows and the conflicts where the user chose Word), in one
 * transaction with one audit entry. Each row is written only at the version the preview showed: one
 * changed online since comes back in `stale` with both sides, and a row locked since is not written.
 */
export async function applyImport(db: TDb, actor: TActor, a: TAssessmentRecord, fileId: string, take: readonly TImportTake[]): Promise<TImportResult> {
  const by = importer(actor, a);
  const file = await importFile(db, a, fileId);
  const { filled, rows } = await readForAssessment(db, a, file.content);
  const word = new Map(filled.answers.map((x) => [x.id, { answer: x.answer ?? "", evidence: x.evidence, note: x.note } satisfies TAnswerFields]));
  const names = new Map(rows.map((r) => [r.id, r.name]));
  const wanted = [...new Map(take.map((t) => [t.rowId, t])).values()];
  for (const t of wanted)
    if (!names.has(t.rowId)) throw new DomainError("invalid", `項目「${t.rowId}」不在本表之項目中`, [{ path: t.rowId, message: "不在本表之項目中" }]);

  return db.$transaction(async (tx) => {
    const current = await tx.vendorAssessment.findUniqueOrThrow({ where: { id: a.id }, select: { lockVersion: true } });
    const claimed = await claimAssessment(tx, { id: a.id, lockVersion: current.lockVersion });
    if (claimed.status !== "draft" && claimed.status !== "returned")
      throw new DomainError("conflict", "自評表已送出，機關審查完成前無法匯入", [{ path: "file", message: "自評表已送出，機關審查完成前無法匯入" }]);
    const reviews = new Map(
      (await tx.vendorAnswer.findMany({ where: { assessmentId: a.id }, select: { rowId: true, review: true } })).map((s) => [
        s.rowId,
        s.review as TAnswerReview,
      ]),
    );
    const locked = wanted.filter((t) => !vendorMayEdit(claimed.status, reviews.get(t.rowId) ?? ""));
    const writable = wanted.filter((t) => vendorMayEdit(claimed.status, reviews.get(t.rowId) ?? ""));
    const changes = writable.map((t) => ({ rowId: t.rowId, version: t.version, ...word.get(t.rowId)! }));
    const { written, stale } = await writeAnswers(tx, claimed, changes, by, "import", new Set(names.keys()));
    const result: TImportResult = {
      written: written.length,
      stale: stale.map((s) => ({ ...s, name: names.get(s.rowId) ?? s.rowId, word: word.get(s.rowId)! })),
      locked: locked.map((t) => ({ rowId: t.rowId, name: names.get(t.rowId) ?? t.rowId })),
      sha256: file.sha256,
    };
    await recordAudit(tx, {
      agencyId: a.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "vendor.assessment-import",
      targetType: "case",
      targetId: a.caseId,
      after: {
        assessmentId: a.id,
        fileId: file.id,
        fileName: file.name,
        sha256: file.sha256,
        onBehalf: by.onBehalf,
        taken: wanted.length,
        written: written.length,
        stale: stale.length,
        locked: locked.length,
      },
    });
    return result;
  });
}
