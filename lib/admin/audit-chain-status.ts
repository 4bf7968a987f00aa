import type { TDb } from "../db/client";
import { verifyChain } from "../audit/chain";
import { assertAdmin, type TAdminActor } from "./actor";

export type TAuditChainStatus = { ok: boolean; count: number; message: string | null; checkedAt: Date };

/** Verifications are reused this long: the whole chain is read, and the log page is opened often. */
export const CHAIN_CHECK_TTL_MS = 60_000;

const globalForChain = globalThis as unknown as { secreqChainChecks?: WeakMap<object, Promise<TAuditChainStatus>> };
const checks = (globalForChain.secreqChainChecks ??= new WeakMap());

async function check(db: TDb): Promise<TAuditChainStatus> {
  const r = await verifyChain(db);
  return { ok: r.ok, count: r.count, message: r.break?.message ?? null, checkedAt: new Date() };
}

/**
 * The audit chain's state for the log page: one chain over every agency, so a break anywhere is shown
 * to every agency's admin (the message names an entry by its place, id and time, nothing of its content).
 */
export async function auditChainStatus(db: TDb, actor: TAdminActor, now: Date = new Date()): Promise<TAuditChainStatus> {
  await assertAdmin(db, actor);
  let pending = checks.get(db);
  const last = pending ? await pending.catch(() => null) : null;
  if (!pending || !last || now.getTime() - last.checkedAt.getTime() >= CHAIN_CHECK_TTL_MS) {
    pending = check(db);
    checks.set(db, pending);
  }
  return pending;
}
