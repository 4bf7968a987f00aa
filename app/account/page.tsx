import type { Metadata } from "next";
import Link from "next/link";
import { MailPreference } from "@/components/notifications/MailPreference";
import { db } from "@/lib/db/client";
import { userMailStatus } from "@/lib/mail";
import { mailOptOut } from "@/lib/notifications";
import { requireUser } from "../_server/auth";
import { setMailOptOutAction } from "./actions";

export const metadata: Metadata = { title: "帳號" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const user = await requireUser({ vendorToo: true });
  const optOut = await mailOptOut(db(), user.id);
  const vendor = user.roles.includes("vendor");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">帳號</h1>
      <dl className="grid max-w-xl grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">姓名</dt>
        <dd>{user.name}</dd>
        <dt className="font-semibold">電子郵件</dt>
        <dd className="break-all">{user.email}</dd>
        {!vendor && (
          <>
            <dt className="font-semibold">機關</dt>
            <dd>{user.agencyName}</dd>
          </>
        )}
      </dl>
      <p>
        <Link href="/account/password" className="text-brand-700 underline">
          變更密碼
        </Link>
      </p>
      <section aria-labelledby="mail-heading" className="max-w-xl space-y-2">
        <h2 id="mail-heading" className="text-lg font-bold">
          通知
        </h2>
        <p className="text-sm text-slate-700">
          {vendor ? "機關退回或接受您的自評表時" : "送審、退回、核准與需求目錄新版本"}的通知一律顯示在
          <Link href="/notifications" className="mx-1 text-brand-700 underline">
            通知
          </Link>
          頁面；以下設定是否另寄電子郵件到 {user.email}。
        </p>
        <p className="text-sm text-slate-600">{userMailStatus()}</p>
        <MailPreference optOut={optOut} save={setMailOptOutAction} />
      </section>
    </div>
  );
}
