import type { Metadata } from "next";
import Link from "next/link";
import "./globals.css";
import { sessionState } from "./_server/auth";
import { signOutAction } from "./login/actions";
import { IdleWatcher } from "@/components/auth/IdleWatcher";
import { ZodJitless } from "@/components/ZodJitless";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { unreadCount } from "@/lib/notifications";

export const metadata: Metadata = {
  title: { default: "SecReq 資服採購資安需求產生器", template: "%s｜SecReq" },
  description: "協助政府機關依「各類資訊(服務)採購之共通性資通安全基本要求參考一覽表」產出資訊服務採購的資安需求。",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { user } = await sessionState();
  const unread = user ? await unreadCount(db(), user.id) : 0;
  return (
    <html lang="zh-Hant-TW">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          跳到主要內容
        </a>
        <header className="bg-brand-800 text-white">
          <nav aria-label="主選單" className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
            <Link href="/" className="text-lg font-bold tracking-wide">
              SecReq <span className="font-normal">資服採購資安需求產生器</span>
            </Link>
            {user?.roles.includes("vendor") ? (
              <Link href="/vendor" className="underline-offset-4 hover:underline">
                廠商自評
              </Link>
            ) : (
              <Link href="/cases" className="underline-offset-4 hover:underline">
                採購案件
              </Link>
            )}
            {user?.roles.includes("ciso") && (
              <Link href="/reviews" className="underline-offset-4 hover:underline">
                待我審查
              </Link>
            )}
            {user?.roles.some((r) => r === "officer" || r === "ciso" || r === "admin") && (
              <Link href="/contracts" className="underline-offset-4 hover:underline">
                契約履約
              </Link>
            )}
            <Link href="/catalogue" className="underline-offset-4 hover:underline">
              需求目錄
            </Link>
            {user?.roles.includes("catalogue-admin") && (
              <Link href="/catalogue/versions" className="underline-offset-4 hover:underline">
                目錄版本
              </Link>
            )}
            {user?.roles.includes("platform-admin") && (
              <Link href="/platform/agencies" className="underline-offset-4 hover:underline">
                平台管理
              </Link>
            )}
            {user?.roles.includes("admin") && (
              <Link href="/admin" className="underline-offset-4 hover:underline">
                管理
              </Link>
            )}
            <span className="ml-auto flex flex-wrap items-center gap-3 text-sm">
              {user ? (
                <>
                  <Link
                    href="/notifications"
                    className="rounded border border-white/70 px-2 py-1 hover:bg-white/10"
                    aria-label={unread ? `通知，${unread} 則未讀` : "通知"}
                  >
                    通知
                    {unread > 0 && (
                      <span aria-hidden="true" className="ml-1 rounded-full bg-amber-300 px-1.5 font-bold text-slate-900">
                        {unread > 99 ? "99+" : unread}
                      </span>
                    )}
                  </Link>
                  <span>
                    {user.agencyName}．{user.name}（{user.roles.map((r) => ROLE_LABEL[r]).join("、") || "無角色"}）
                  </span>
                  <Link href="/account" className="underline-offset-4 hover:underline">
                    帳號
                  </Link>
                  <form action={signOutAction}>
                    <button type="submit" className="rounded border border-white/70 px-2 py-1 hover:bg-white/10">
                      登出
                    </button>
                  </form>
                </>
              ) : (
                <Link href="/login" className="rounded border border-white/70 px-2 py-1 hover:bg-white/10">
                  登入
                </Link>
              )}
            </span>
          </nav>
        </header>
        <ZodJitless />
        {user && <IdleWatcher minutes={user.idleTimeoutMinutes} />}
        <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6">
          {children}
        </main>
        <footer className="mx-auto max-w-6xl px-4 pb-8 pt-4 text-sm text-slate-600">
          SecReq 為開放原始碼工具；需求內容以行政院公共工程委員會發布之一覽表為準，法規依據均標示出處與可信度。
        </footer>
      </body>
    </html>
  );
}
