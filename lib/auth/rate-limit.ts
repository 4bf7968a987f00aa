import { randomUUID } from "node:crypto";
import type { TDb } from "../db/client";

export type TLimit = { window: number; max: number };

/**
 * One atomic step of a fixed-window limit in the RateLimit table, the one better-auth keeps its own
 * per-address limits in (so every instance sees it): a conditional UPDATE either counts the request
 * or restarts an expired window; true when the request may go on.
 */
export async function consumeLimit(db: TDb, key: string, limit: TLimit, now = Date.now()): Promise<boolean> {
  const start = BigInt(now - limit.window * 1000);
  for (let attempt = 0; attempt < 3; attempt++) {
    if ((await db.rateLimit.updateMany({ where: { key, lastRequest: { gt: start }, count: { lt: limit.max } }, data: { count: { increment: 1 } } })).count)
      return true;
    if ((await db.rateLimit.updateMany({ where: { key, lastRequest: { lte: start } }, data: { count: 1, lastRequest: BigInt(now) } })).count) return true;
    if (await db.rateLimit.findUnique({ where: { key }, select: { id: true } })) {
      if (attempt > 0) return false;
      continue; // the row may have appeared after the updates (a parallel first request): count once more
    }
    const created = await db.rateLimit.create({ data: { id: randomUUID(), key, count: 1, lastRequest: BigInt(now) } }).then(
      () => true,
      () => false, // a parallel request created it first: count against that row
    );
    if (created) return true;
  }
  return false;
}
