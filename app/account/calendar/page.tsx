import type { Metadata } from "next";
import { headers } from "next/headers";
import { db } from "@/lib/db/client";
import { calendarFeedStatus } from "@/lib/contracts/store";
import { taipeiTime } from "@/lib/time";
import { CalendarFeed } from "@/components/contracts/CalendarFeed";
import { requireUser } from "../../_server/auth";
import { regenerateCalendarAction } from "./actions";

export const metadata: Metadata = { title: "契約行事曆訂閱" };
export const dynamic = "force-dynamic";

/** The user's ICS feed of the agency's contract deadlines: a secret URL, regenerated here. */
export default async function CalendarPage() {
  const user = await requireUser({ roles: ["officer", "ciso", "admin"] });
  const status = await calendarFeedStatus(db(), user);
  const h = await headers();
  const origin = process.env.BETTER_AUTH_URL ?? `http://${h.get("host") ?? "localhost"}`;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">契約行事曆訂閱（ICS）</h1>
      <p>將訂閱網址加入 Outlook 或 Google 日曆，即可看到本機關契約之履約期限與驗收日。網址本身即為憑證，請勿分享；外流時請重新產生。</p>
      <p className="text-sm text-slate-700">{status ? `目前的訂閱網址產生於 ${taipeiTime(status.createdAt)}。` : "尚未產生訂閱網址。"}</p>
      <CalendarFeed origin={origin.replace(/\/+$/, "")} exists={!!status} regenerate={regenerateCalendarAction} />
    </div>
  );
}
