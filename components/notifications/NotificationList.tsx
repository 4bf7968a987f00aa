"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { TActionResult } from "@/lib/action-result";
import { taipeiTime } from "@/lib/time";

export type TNotificationItem = { id: string; kind: string; title: string; link: string; createdAt: string; readAt: string | null };

const KIND_LABEL: Record<string, string> = {
  "case.submitted": "待審查",
  "case.returned": "退回",
  "case.approved": "核准",
  "catalogue.published": "目錄新版本",
  "vendor.submitted": "廠商自評待審",
  "vendor.returned": "自評退回",
  "vendor.accepted": "自評接受",
};

/** The user's notifications, newest first; opening one marks it read. */
export function NotificationList({
  items,
  markRead,
  markAllRead,
}: {
  items: TNotificationItem[];
  markRead: (id: string) => Promise<TActionResult>;
  markAllRead: () => Promise<TActionResult<{ count: number }>>;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (call: () => Promise<TActionResult<object>>) =>
    start(async () => {
      const r = await call().catch(() => null);
      if (!r) return setError("無法連線到伺服器，請稍後再試。");
      if (!r.ok) return setError(r.message);
      setError(null);
      router.refresh();
    });
  const unread = items.filter((n) => !n.readAt).length;

  if (!items.length) return <p className="rounded border border-slate-200 bg-white p-4 text-slate-700">目前沒有通知。</p>;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <p role="status">{unread ? `${unread} 則未讀` : "全部已讀"}</p>
        {unread > 0 && (
          <button
            type="button"
            disabled={pending}
            onClick={() => run(markAllRead)}
            className="rounded border border-brand-700 px-3 py-1.5 text-sm font-semibold text-brand-700 disabled:opacity-60"
          >
            全部標為已讀
          </button>
        )}
      </div>
      {error && (
        <p role="alert" className="text-sm font-semibold text-red-700">
          {error}
        </p>
      )}
      <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
        {items.map((n) => (
          <li key={n.id} className={`flex flex-wrap items-start justify-between gap-2 px-4 py-3 ${n.readAt ? "" : "bg-brand-50"}`}>
            <div className="space-y-1">
              <p className="text-xs text-slate-600">
                <span className="mr-2 rounded bg-slate-200 px-1.5 py-0.5 font-semibold text-slate-800">{KIND_LABEL[n.kind] ?? n.kind}</span>
                <time dateTime={n.createdAt}>{taipeiTime(n.createdAt)}</time>
                {!n.readAt && <span className="ml-2 font-semibold text-brand-800">未讀</span>}
              </p>
              <Link
                href={n.link}
                onClick={() => {
                  if (!n.readAt) void markRead(n.id).catch(() => null);
                }}
                className={`text-brand-700 underline ${n.readAt ? "" : "font-semibold"}`}
              >
                {n.title}
              </Link>
            </div>
            {!n.readAt && (
              <button
                type="button"
                disabled={pending}
                onClick={() => run(() => markRead(n.id))}
                className="rounded border border-slate-400 px-2 py-1 text-sm disabled:opacity-60"
              >
                標為已讀
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
