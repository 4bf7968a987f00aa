import type { Metadata } from "next";
import Link from "next/link";
import { NotificationList } from "@/components/notifications/NotificationList";
import { db } from "@/lib/db/client";
import { mailConfig } from "@/lib/mail";
import { listNotifications } from "@/lib/notifications";
import { requireUser } from "../_server/auth";
import { markAllNotificationsReadAction, markNotificationReadAction } from "./actions";

export const metadata: Metadata = { title: "通知" };
export const dynamic = "force-dynamic";

export default async function NotificationsPage() {
  const user = await requireUser({ vendorToo: true });
  const items = await listNotifications(db(), user.id);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">通知</h1>
      <p className="text-sm text-slate-600">
        送審、退回、核准與需求目錄新版本的通知。
        {mailOn() ? (
          <>
            電子郵件通知可在
            <Link href="/account" className="mx-1 text-brand-700 underline">
              帳號
            </Link>
            頁面關閉。
          </>
        ) : (
          "本系統目前不寄送電子郵件，通知只顯示在這裡。"
        )}
      </p>
      <NotificationList
        items={items.map((n) => ({ ...n, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null }))}
        markRead={markNotificationReadAction}
        markAllRead={markAllNotificationsReadAction}
      />
    </div>
  );
}

/** Whether mail goes out at all: without it, 「可在帳號頁面關閉」 offers to turn off what is not on. */
function mailOn(): boolean {
  try {
    return mailConfig() !== null;
  } catch {
    return false;
  }
}
