import { randomUUID } from "node:crypto";
import type { TTx } from "../audit";

export const NOTIFICATION_KINDS = [
  "case.submitted",
  "case.returned",
  "case.approved",
  "catalogue.published",
  "vendor.submitted",
  "vendor.returned",
  "vendor.accepted",
] as const;
export type TNotificationKind = (typeof NOTIFICATION_KINDS)[number];

export type TNewNotification = { userId: string; agencyId: string; kind: TNotificationKind; title: string; link: string; caseId?: string };

/** E-mail is on when SMTP_URL is set; rows written while it is off are never mailed later (no stale backlog). */
export const mailEnabled = (env: Record<string, string | undefined> = process.env) => Boolean(env.SMTP_URL?.trim());

/** Writes the notifications with the event's transaction client, so they exist exactly when the event does. */
export async function writeNotifications(tx: TTx, rows: TNewNotification[], at = new Date()): Promise<number> {
  const unique = [...new Map(rows.map((r) => [`${r.userId}|${r.kind}|${r.caseId ?? ""}`, r])).values()];
  if (!unique.length) return 0;
  const mailState = mailEnabled() ? "pending" : "off";
  await tx.notification.createMany({
    data: unique.map((r) => ({ id: randomUUID(), ...r, caseId: r.caseId ?? null, createdAt: at, mailState })),
  });
  return unique.length;
}
