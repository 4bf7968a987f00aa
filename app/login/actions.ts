"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { TLoginState } from "@/lib/action-result";
import { db } from "@/lib/db/client";
import { formSignIn } from "@/lib/auth/form-sign-in";
import { auth, trustedHeaders } from "../_server/auth";

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
    const { message } = await formSignIn(auth(), db(), { email: parsed.data.email, password: parsed.data.password }, await trustedHeaders());
    if (message) return { message, email };
  } catch (e) {
    console.error("sign-in failed", e);
    return { message: "系統暫時無法登入，請稍後再試。", email };
  }
  redirect(safeNext(parsed.data.next));
}

export async function signOutAction(): Promise<void> {
  await auth()
    .api.signOut({ headers: await headers() })
    .catch(() => {});
  redirect("/login?reason=signed-out");
}
