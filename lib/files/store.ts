import { createHash, randomUUID } from "node:crypto";
import type { TDb } from "../db/client";
import type { TTx } from "../audit/tx";
import { DomainError } from "../errors";
import { sniffUpload } from "./sniff";

/** What a list shows of a stored file (never the bytes). */
export type TStoredFileMeta = {
  id: string;
  agencyId: string;
  ownerType: string;
  ownerId: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  uploadedById: string;
  uploadedByName: string;
  uploadedAt: Date;
  replacedById: string | null;
};

const META = {
  id: true,
  agencyId: true,
  ownerType: true,
  ownerId: true,
  name: true,
  type: true,
  size: true,
  sha256: true,
  uploadedById: true,
  uploadedByName: true,
  uploadedAt: true,
  replacedById: true,
} as const;

export const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export type TNewFile = {
  agencyId: string;
  ownerType: string;
  ownerId: string;
  name: string;
  bytes: Uint8Array;
  uploader: { id: string; name: string };
  /** A file of the same owner this one replaces: it stays, marked as replaced. */
  replaces?: string;
};

/**
 * Checks the upload (sniffUpload: name, size, type) before anything is written, then stores it inside the
 * caller's transaction, so the file, what it belongs to and the audit entry commit together or not at all.
 */
export async function storeFile(tx: TTx, file: TNewFile): Promise<TStoredFileMeta> {
  const { name, type } = await sniffUpload(file.name, file.bytes);
  const id = randomUUID();
  if (file.replaces) {
    const old = await tx.storedFile.findUnique({ where: { id: file.replaces }, select: META });
    if (!old || old.agencyId !== file.agencyId || old.ownerType !== file.ownerType || old.ownerId !== file.ownerId)
      throw new DomainError("not-found", "找不到要取代的檔案。");
    if (old.replacedById) throw new DomainError("conflict", "這個檔案已被其他檔案取代，請重新整理後再試。");
  }
  const row = await tx.storedFile.create({
    data: {
      id,
      agencyId: file.agencyId,
      ownerType: file.ownerType,
      ownerId: file.ownerId,
      name,
      type,
      size: file.bytes.byteLength,
      sha256: sha256Hex(file.bytes),
      content: new Uint8Array(file.bytes),
      uploadedById: file.uploader.id,
      uploadedByName: file.uploader.name,
    },
    select: META,
  });
  if (file.replaces) await tx.storedFile.update({ where: { id: file.replaces }, data: { replacedById: id } });
  return row;
}

/** Every file of these owners in the agency, oldest first (replaced ones too: the history). */
export async function listFiles(db: TDb | TTx, q: { agencyId: string; ownerType: string; ownerIds: string[] }): Promise<TStoredFileMeta[]> {
  if (!q.ownerIds.length) return [];
  return db.storedFile.findMany({
    where: { agencyId: q.agencyId, ownerType: q.ownerType, ownerId: { in: q.ownerIds } },
    select: META,
    orderBy: [{ uploadedAt: "asc" }, { id: "asc" }],
  });
}

/** One file with its bytes, only within the agency (another agency's id reads as not found). */
export async function readStoredFile(db: TDb, q: { agencyId: string; id: string }): Promise<TStoredFileMeta & { content: Uint8Array }> {
  const row = await db.storedFile.findUnique({ where: { id: q.id }, select: { ...META, content: true } });
  if (!row || row.agencyId !== q.agencyId) throw new DomainError("not-found", "找不到這個檔案。");
  return row;
}
