"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { APIError } from "better-auth/api";
import type { TLoginState } from "@/lib/action-result";
import { auth } from "../_server/auth";


const ZLogin = z.object({
  email: z.string().trim().min(1, "請輸入電子郵件").max(200).email("電子郵件格式有誤"),
  password: z.string().min(1, "請輸入密碼").max(200),
  next: z.string().max(300).optional(),
});

// Only same-site paths: never send a user on to another origin after login.
const safeNext = (next: string | undefined) => (next && /^\/(?!\/)[\w\-/?=&%.]*$/.test(next) ? next : "/cases");

export async function signInAction(_prev: TLoginState, form: FormData): Promise<TLoginState> {
  const parsed = ZLogin.safeParse({ email: form.get("email"), password: form.get("password"), next: form.get("next") || undefined });
  const email = String(form.get("email") ?? "");
  if (!parsed.success) return { message: parsed.error.issues[0]!.message, email };
  try {
    await auth().api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password }, headers: await headers() });
  } catch (e) {
    if (e instanceof APIError && e.status === "FORBIDDEN") return { message: e.message, email };
    if (e instanceof APIError) return { message: "電子郵件或密碼錯誤。連續失敗 5 次，帳號將鎖定 15 分鐘。", email };
    console.error("sign-in failed", e);
    return { message: "系統暫時無法登入，請稍後再試。", email };
  }
  redirect(safeNext(parsed.data.next));
}

export async function signOutAction(): Promise<void> {
  await auth().api.signOut({ headers: await headers() }).catch(() => {});
  redirect("/login?reason=signed-out");
}
