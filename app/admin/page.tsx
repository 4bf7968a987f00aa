import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { getAgencySettings, listUsers } from "@/lib/admin";
import { lockedAccounts } from "@/lib/auth/lockout";
import { taipeiTime } from "@/lib/time";
import { currentMailStatus } from "@/lib/mail";
import { requireUser } from "../_server/auth";

export const metadata: Metadata = { title: "機關管理" };
export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const user = await requireUser({ roles: ["admin"] });
  const [users, settings, lockedNow] = await Promise.all([listUsers(db(), user), getAgencySettings(db(), user), lockedAccounts(db(), user.agencyId)]);
  const now = new Date();
  const locked = users.filter((u) => u.lockedUntil && u.lockedUntil > now).length;
  const inactive = users.filter((u) => !u.active).length;
  const parts = [
    {
      href: "/admin/users",
      title: "使用者與角色",
      text: `本機關 ${users.length} 位使用者（停用 ${inactive}、鎖定中 ${locked}）。新增帳號、指派角色、重設密碼、解除鎖定、停用。`,
    },
    { href: "/admin/agency", title: "機關資料", text: "機關名稱、性質、類別、資通安全責任等級、郵件伺服器與資安長；每件案件都依此產出需求。" },
    { href: "/admin/settings", title: "機關設定", text: `閒置逾時目前為 ${settings.idleTimeoutMinutes} 分鐘。` },
    { href: "/admin/audit", title: "稽核紀錄", text: "登入與各項變更的紀錄（誰、何時、做了什麼、變更前後），可篩選並匯出 CSV。" },
  ];
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">機關管理</h1>
        <p className="text-slate-700">{settings.name}</p>
        <p className="text-sm text-slate-600">{currentMailStatus()}</p>
      </div>
      {lockedNow.length > 0 && (
        // The agency admin's notice of auth.locked (no e-mail yet): who is locked now, until when.
        <section role="status" aria-labelledby="locked-heading" className="rounded-lg border border-amber-400 bg-amber-50 p-4">
          <h2 id="locked-heading" className="font-semibold text-amber-900">
            目前有 {lockedNow.length} 個帳號因連續登入失敗而鎖定
          </h2>
          <ul className="mt-2 list-disc pl-5 text-amber-900">
            {lockedNow.map((u) => (
              <li key={u.id}>
                {u.name}（{u.email}），鎖定至 {taipeiTime(u.lockedUntil!)}
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm text-amber-900">
            若非本人所為，可能有人在猜測密碼：請查看{" "}
            <Link href="/admin/audit" className="underline">
              稽核紀錄
            </Link>
            （auth.locked、auth.login-failed），確認後可在{" "}
            <Link href="/admin/users" className="underline">
              使用者與角色
            </Link>{" "}
            解除鎖定。
          </p>
        </section>
      )}
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {parts.map((p) => (
          <li key={p.href}>
            <Link href={p.href} className="block h-full rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-brand-700">
              <span className="block text-lg font-semibold text-brand-700">{p.title} →</span>
              <span className="mt-1 block text-slate-700">{p.text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
