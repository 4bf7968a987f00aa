"use client";

import { useActionState } from "react";
import type { TLoginState } from "@/lib/action-result";

type TAction = (prev: TLoginState, form: FormData) => Promise<TLoginState>;

export function LoginForm({ action, next }: { action: TAction; next?: string }) {
  const [state, formAction, pending] = useActionState(action, { message: null, email: "" });
  return (
    <form action={formAction} noValidate className="max-w-md space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      {state.message && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-800">
          {state.message}
        </p>
      )}
      {next && <input type="hidden" name="next" value={next} />}
      <div>
        <label htmlFor="email" className="block font-semibold">
          電子郵件
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          defaultValue={state.email}
          required
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="password" className="block font-semibold">
          密碼
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
        />
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? "登入中…" : "登入"}
      </button>
    </form>
  );
}
