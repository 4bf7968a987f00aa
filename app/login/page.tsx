import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/LoginForm";
import { sessionState } from "../_server/auth";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "登入" };
export const dynamic = "force-dynamic";

const REASONS: Record<string, string> = {
  idle: "您已閒置超過機關設定的時間，系統已自動登出。請重新登入；尚未儲存的輸入仍保留在您的瀏覽器。",
  "signed-out": "您已登出。",
  invited: "已接受邀請。請以您的電子郵件與密碼登入。",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const state = await sessionState();
  if (state.user) redirect("/cases");
  const reason = typeof sp.reason === "string" ? REASONS[sp.reason] : undefined;
  const next = typeof sp.next === "string" ? sp.next : undefined;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">登入</h1>
      {(reason ?? (state.reason === "idle" ? REASONS.idle : undefined)) && (
        <p role="status" className="max-w-md rounded border border-sky-300 bg-sky-50 p-3">
          {reason ?? REASONS.idle}
        </p>
      )}
      <LoginForm action={signInAction} next={next} />
    </div>
  );
}
