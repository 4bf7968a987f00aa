import { randomUUID } from "node:crypto";
import type { TDb } from "../db/client";
import { mailConfig, sendMail, type TMailConfig } from "../mail";

// The e-mail outbox: Notification rows with mailState "pending", delivered after their transaction
// committed, never inside one. Several instances may run this at once: a row is claimed by one atomic
// conditional update (the WHERE is re-checked under the row lock), so only one instance sends it.

export const MAX_ATTEMPTS = 5;
const CLAIM_MS = 120_000;
const BATCH = 20;

export type TDeliverOptions = { config?: TMailConfig; baseUrl?: string; now?: () => Date };
export type TDeliverResult = { sent: number; skipped: number; failed: number };

const baseUrlOf = () => (process.env.BETTER_AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");

export function mailText(title: string, link: string, baseUrl: string): { subject: string; text: string } {
  return {
    subject: `SecReq：${title}`,
    text: [
      title,
      "",
      `請登入 SecReq 查看：${baseUrl}${link}`,
      "",
      "—",
      "此信由 SecReq 自動寄出；不想再收到電子郵件通知，可在「帳號」頁面關閉（站內通知不受影響）。",
    ].join("\n"),
  };
}

async function claim(db: TDb, now: Date): Promise<string | null> {
  const free = { mailState: "pending", OR: [{ mailClaimedUntil: null }, { mailClaimedUntil: { lt: now } }] };
  const candidates = await db.notification.findMany({ where: free, orderBy: { createdAt: "asc" }, take: BATCH, select: { id: true } });
  if (!candidates.length) return null;
  const token = randomUUID();
  const r = await db.notification.updateMany({
    where: { ...free, id: { in: candidates.map((c) => c.id) } },
    data: { mailClaim: token, mailClaimedUntil: new Date(now.getTime() + CLAIM_MS) },
  });
  return r.count ? token : null;
}

/** Sends what is pending, a batch at a time, until nothing is left that this call may claim. */
export async function deliverPending(db: TDb, opts: TDeliverOptions = {}): Promise<TDeliverResult> {
  const config = opts.config === undefined ? mailConfig() : opts.config;
  const result: TDeliverResult = { sent: 0, skipped: 0, failed: 0 };
  if (!config) return result;
  const now = opts.now ?? (() => new Date());
  const baseUrl = opts.baseUrl ?? baseUrlOf();
  for (let token = await claim(db, now()); token; token = await claim(db, now())) {
    const rows = await db.notification.findMany({ where: { mailClaim: token, mailState: "pending" } });
    const users = await db.user.findMany({ where: { id: { in: rows.map((r) => r.userId) } }, select: { id: true, email: true, active: true } });
    const optedOut = new Set(
      (await db.notificationSetting.findMany({ where: { userId: { in: rows.map((r) => r.userId) }, mailOptOut: true } })).map((s) => s.userId),
    );
    for (const row of rows) {
      const mine = { id: row.id, mailClaim: token };
      const user = users.find((u) => u.id === row.userId);
      if (!user?.active || !user.email || optedOut.has(row.userId)) {
        await db.notification.updateMany({ where: mine, data: { mailState: "skipped", mailClaim: null, mailClaimedUntil: null } });
        result.skipped++;
        continue;
      }
      try {
        await sendMail(config, { to: user.email, ...mailText(row.title, row.link, baseUrl) });
        await db.notification.updateMany({ where: mine, data: { mailState: "sent", mailedAt: now(), mailAttempts: { increment: 1 }, mailClaim: null } });
        result.sent++;
      } catch (e) {
        const attempts = row.mailAttempts + 1;
        const gaveUp = attempts >= MAX_ATTEMPTS;
        // Retried later by the next delivery run after a back-off; the claim expiry is the back-off.
        await db.notification.updateMany({
          where: mine,
          data: {
            mailAttempts: attempts,
            mailState: gaveUp ? "failed" : "pending",
            mailClaim: null,
            mailClaimedUntil: gaveUp ? null : new Date(now().getTime() + 60_000 * 2 ** attempts),
          },
        });
        result.failed++;
        console.error(`notification mail ${row.id} failed (attempt ${attempts}/${MAX_ATTEMPTS})`, e instanceof Error ? e.message : e);
      }
    }
  }
  return result;
}

let running: Promise<unknown> | null = null;
let timer: ReturnType<typeof setInterval> | null = null;

/**
 * Called after a user action committed: delivers in the background (the action never waits for or fails
 * on the mail server) and, from the first call on, retries every minute in this process.
 */
export function kickOutbox(db: TDb): void {
  if (!process.env.SMTP_URL?.trim()) return;
  const run = () => {
    if (running) return;
    running = deliverPending(db)
      .catch((e: unknown) => console.error("notification mail delivery failed", e instanceof Error ? e.message : e))
      .finally(() => (running = null));
  };
  if (!timer) {
    timer = setInterval(run, 60_000);
    timer.unref?.();
  }
  run();
}
