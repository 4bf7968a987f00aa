import { createHash } from "node:crypto";
import type { TDb } from "../db/client";
import { canonicalJson } from "./json";
import { formatTaipei } from "./time";
import type { TTx } from "./tx";
import type { TAuditRecord } from "./list";

/**
 * The audit trail as one hash chain over every agency (SECURITY.md says why one, not one per agency):
 * entry n stores seq = n and hash = SHA-256(hash of entry n-1 ‖ "\n" ‖ canonical entry n). The head row
 * (AuditChainHead, id 1) holds the last seq and hash; appending updates it in the entry's transaction, and
 * its row lock makes instances on PostgreSQL append one after the other (SQLite has one writer anyway).
 */
export const GENESIS_HASH = "0".repeat(64);

/**
 * How far an entry's time may be behind its predecessor's: a transaction stamps its change, then may wait
 * for the chain behind another one. More than this is a backdated entry.
 */
export const AUDIT_CLOCK_SKEW_MS = 5 * 60_000;

/** What the hash covers: the entry as stored (snapshots as their JSON text) and its place in the chain. */
export type TChainedFields = Omit<TAuditRecord, "before" | "after"> & { seq: number; before: string | null; after: string | null };

export function entryHash(prevHash: string, e: TChainedFields): string {
  const canonical = canonicalJson({
    seq: e.seq,
    id: e.id,
    agencyId: e.agencyId,
    actorId: e.actorId,
    actorName: e.actorName,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    before: e.before,
    after: e.after,
    at: e.at.toISOString(),
  });
  return createHash("sha256").update(prevHash).update("\n").update(canonical).digest("hex");
}

export type TChainHead = { seq: number; hash: string };

/**
 * Takes the head row's lock for the rest of the transaction and returns the head as last committed
 * (a no-op UPDATE: PostgreSQL waits for the row and re-reads it; SQLite starts writing).
 */
async function lockHead(tx: TTx): Promise<TChainHead> {
  const rows = await tx.$queryRaw<{ seq: number | bigint; hash: string }[]>`UPDATE "AuditChainHead" SET "seq" = "seq" WHERE "id" = 1 RETURNING "seq", "hash"`;
  if (rows[0]) return { seq: Number(rows[0].seq), hash: rows[0].hash };
  // No head (a restore of a backup from before the chain): start it after the last chained entry, if any.
  const last = await tx.auditEntry.findFirst({ where: { seq: { not: null } }, orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const head = { seq: last?.seq ?? 0, hash: last?.hash ?? GENESIS_HASH };
  await tx.auditChainHead.create({ data: { id: 1, ...head } });
  return head;
}

/** Chains, in time order, the entries written before the chain existed; only while the chain is empty. */
async function carryForwardLocked(tx: TTx, head: TChainHead): Promise<TChainHead> {
  if (head.seq !== 0) return head;
  const legacy = await tx.auditEntry.findMany({ where: { seq: null }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  let { seq, hash } = head;
  for (const e of legacy) {
    seq += 1;
    hash = entryHash(hash, { ...e, seq });
    // The append-only trigger lets an unchained entry get its seq and hash once, nothing else.
    await tx.auditEntry.update({ where: { id: e.id }, data: { seq, hash } });
  }
  if (legacy.length) await tx.auditChainHead.update({ where: { id: 1 }, data: { seq, hash } });
  return { seq, hash };
}

/** At start-up: chains the entries from before the chain migration; returns how many it chained. */
export async function carryForward(db: TDb): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const before = await lockHead(tx);
      return (await carryForwardLocked(tx, before)).seq - before.seq;
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}

/** Appends one entry to the chain inside the caller's transaction. */
export async function appendToChain(tx: TTx, e: Omit<TChainedFields, "seq">): Promise<{ id: string; at: Date; seq: number }> {
  const head = await carryForwardLocked(tx, await lockHead(tx));
  const seq = head.seq + 1;
  const hash = entryHash(head.hash, { ...e, seq });
  await tx.auditEntry.create({ data: { ...e, seq, hash } });
  await tx.auditChainHead.update({ where: { id: 1 }, data: { seq, hash } });
  return { id: e.id, at: e.at, seq };
}

export type TChainBreak = {
  kind: "edited" | "missing" | "unchained" | "backdated" | "head";
  seq: number | null;
  id: string | null;
  at: Date | null;
  /** One zh-TW line naming the entry. */
  message: string;
};
export type TChainReport = { ok: boolean; count: number; head: TChainHead & { at: Date | null }; break: TChainBreak | null };

const BATCH = 2000;
const where = (e: { seq: number | null; id: string; at: Date }) => `第 ${e.seq ?? "?"} 筆（id ${e.id}，${formatTaipei(e.at)}）`;

/** Walks the whole chain; the first break found, if any. Reads only, so it can run beside the app. */
export async function verifyChain(db: TDb | TTx): Promise<TChainReport> {
  const headRow = await db.auditChainHead.findUnique({ where: { id: 1 } });
  let prev: { seq: number; hash: string; at: Date | null } = { seq: 0, hash: GENESIS_HASH, at: null };
  let count = 0;
  const done = (b: TChainBreak | null): TChainReport => ({
    ok: !b,
    count,
    head: { seq: headRow?.seq ?? prev.seq, hash: headRow?.hash ?? prev.hash, at: prev.at },
    break: b,
  });
  for (;;) {
    const rows = await db.auditEntry.findMany({ where: { seq: { gt: prev.seq } }, orderBy: { seq: "asc" }, take: BATCH });
    for (const r of rows) {
      const seq = r.seq!;
      if (seq !== prev.seq + 1) {
        const gap = seq - prev.seq - 1;
        return done({
          kind: "missing",
          seq,
          id: r.id,
          at: r.at,
          message: `稽核紀錄鏈中斷：${where(r)}之前缺少 ${gap} 筆紀錄（第 ${prev.seq + 1} 筆${gap > 1 ? `至第 ${seq - 1} 筆` : ""}已被刪除）`,
        });
      }
      if (r.hash !== entryHash(prev.hash, { ...r, seq }))
        return done({ kind: "edited", seq, id: r.id, at: r.at, message: `稽核紀錄鏈中斷：${where(r)}的內容與雜湊不符，已被修改或偽造` });
      if (prev.at && r.at.getTime() < prev.at.getTime() - AUDIT_CLOCK_SKEW_MS)
        return done({ kind: "backdated", seq, id: r.id, at: r.at, message: `稽核紀錄鏈中斷：${where(r)}的時間早於前一筆，為回溯補登的紀錄` });
      prev = { seq, hash: r.hash!, at: r.at };
      count += 1;
    }
    if (rows.length < BATCH) break;
  }
  const stray = await db.auditEntry.findFirst({ where: { seq: null }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  if (stray)
    return done({ kind: "unchained", seq: null, id: stray.id, at: stray.at, message: `稽核紀錄鏈中斷：${where(stray)}不在鏈上，是繞過系統寫入的紀錄` });
  if (!headRow) return done({ kind: "head", seq: null, id: null, at: null, message: "稽核紀錄鏈中斷：鏈頭（AuditChainHead）已被刪除" });
  if (headRow.seq !== prev.seq || headRow.hash !== prev.hash)
    return done({
      kind: "head",
      seq: headRow.seq,
      id: null,
      at: null,
      message:
        headRow.seq > prev.seq
          ? `稽核紀錄鏈中斷：鏈尾的第 ${prev.seq + 1} 筆${headRow.seq > prev.seq + 1 ? `至第 ${headRow.seq} 筆` : ""}紀錄已被刪除`
          : `稽核紀錄鏈中斷：鏈頭（第 ${headRow.seq} 筆）與最後一筆紀錄（第 ${prev.seq} 筆）不符`,
    });
  return done(null);
}
