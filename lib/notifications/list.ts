import type { TDb } from "../db/client";
import { recordAudit } from "../audit";
import type { TActor } from "../auth/roles";
import type { TNotificationKind } from "./write";

export type TNotificationView = { id: string; kind: TNotificationKind; title: string; link: string; createdAt: Date; readAt: Date | null };

const PAGE = 100;

/** The user's newest notifications (their own only). */
export async function listNotifications(db: TDb, userId: string): Promise<TNotificationView[]> {
  const rows = await db.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: PAGE,
    select: { id: true, kind: true, title: true, link: true, createdAt: true, readAt: true },
  });
  return rows.map((r) => ({ ...r, kind: r.kind as TNotificationKind }));
}

export const unreadCount = (db: TDb, userId: string) => db.notification.count({ where: { userId, readAt: null } });

/** Marks one of the user's notifications read; another user's id changes nothing (and says nothing). */
export async function markRead(db: TDb, actor: Pick<TActor, "id">, id: string): Promise<void> {
  await db.notification.updateMany({ where: { id, userId: actor.id, readAt: null }, data: { readAt: new Date() } });
}

export async function markAllRead(db: TDb, actor: Pick<TActor, "id">): Promise<number> {
  const r = await db.notification.updateMany({ where: { userId: actor.id, readAt: null }, data: { readAt: new Date() } });
  return r.count;
}

export async function mailOptOut(db: TDb, userId: string): Promise<boolean> {
  return (await db.notificationSetting.findUnique({ where: { userId } }))?.mailOptOut ?? false;
}

/** The user's e-mail opt-out (their own only), audited as a change of their account settings. */
export async function setMailOptOut(db: TDb, actor: TActor, optOut: boolean): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = (await tx.notificationSetting.findUnique({ where: { userId: actor.id } }))?.mailOptOut ?? false;
    if (before === optOut) return;
    await tx.notificationSetting.upsert({
      where: { userId: actor.id },
      create: { userId: actor.id, mailOptOut: optOut, updatedAt: new Date() },
      update: { mailOptOut: optOut, updatedAt: new Date() },
    });
    await recordAudit(tx, {
      agencyId: actor.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "user.mail-opt-out",
      targetType: "user",
      targetId: actor.id,
      before: { mailOptOut: before },
      after: { mailOptOut: optOut },
    });
  });
}
