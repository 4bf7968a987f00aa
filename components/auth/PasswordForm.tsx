"use client";

import { useActionState } from "react";
import type { TPasswordState } from "@/lib/action-result";

type TAction = (prev: TPasswordState, form: FormData) => Promise<TPasswordState>;

const FIELDS = [
  ["currentPassword", "目前的密碼", "current-password"],
  ["newPassword", "新密碼", "new-password"],
  ["confirm", "再次輸入新密碼", "new-password"],
] as const;

export function PasswordForm({ action, hint }: { action: TAction; hint: string }) {
  const [state, formAction, pending] = useActionState(action, { message: null, field: null });
  return (
    <form action={formAction} noValidate className="max-w-md space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <p id="password-hint" className="text-sm text-slate-700">
        {hint}
      </p>
      {FIELDS.map(([name, label, autoComplete]) => (
        <div key={name}>
          <label htmlFor={name} className="block font-semibold">
            {label}
          </label>
          <input
            id={name}
            name={name}
            type="password"
            autoComplete={autoComplete}
            required
            aria-invalid={state.field === name ? true : undefined}
            aria-describedby={
              [name === "newPassword" ? "password-hint" : null, state.field === name ? `${name}-error` : null].filter(Boolean).join(" ") || undefined
            }
            className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
          />
          {state.field === name && state.message && (
            <p id={`${name}-error`} role="alert" className="mt-1 text-sm font-semibold text-red-700">
              {state.message}
            </p>
          )}
        </div>
      ))}
      {state.message && !state.field && (
        <p role="alert" className="text-red-700">
          {state.message}
        </p>
      )}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-5 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? "變更中…" : "變更密碼"}
      </button>
    </form>
  );
}
