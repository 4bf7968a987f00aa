"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { FieldError } from "../ui/FieldError";
import { fieldErrors, OFFLINE, type TAdminAction } from "../admin/result";
import { BUTTON, INPUT } from "../admin/styles";

/** Sets the vendor account's password (or, for an existing vendor account, confirms it) and accepts the invitation. */
export function AcceptForm({
  token,
  hasAccount,
  accept,
}: {
  token: string;
  hasAccount: boolean;
  accept: TAdminAction<{ token: string; password: string; confirm: string }, { email: string }>;
}) {
  const router = useRouter();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await accept({ token, password, confirm: hasAccount ? password : confirm }).catch(() => OFFLINE);
    setBusy(false);
    if (r.ok) router.push("/login?reason=invited&next=/vendor");
    else {
      const byField = fieldErrors(r.issues);
      setErrors(byField.password || byField.confirm ? byField : { form: r.message });
    }
  };
  return (
    <form onSubmit={submit} noValidate className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-5">
      <div>
        <label htmlFor="accept-password" className="block font-semibold">
          {hasAccount ? "您的廠商代表帳號密碼" : "設定密碼"}
        </label>
        {!hasAccount && (
          <p id="accept-password-hint" className="text-sm text-slate-600">
            至少 12 個字元，包含大寫字母、小寫字母、數字、符號其中至少三種。
          </p>
        )}
        <input
          id="accept-password"
          type="password"
          autoComplete={hasAccount ? "current-password" : "new-password"}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={
            [hasAccount ? null : "accept-password-hint", errors.password ? "accept-password-error" : null].filter(Boolean).join(" ") || undefined
          }
          className={`${INPUT} ${errors.password ? "border-red-700" : "border-slate-400"}`}
        />
        <FieldError id="accept-password-error" message={errors.password} />
      </div>
      {!hasAccount && (
        <div>
          <label htmlFor="accept-confirm" className="block font-semibold">
            再輸入一次密碼
          </label>
          <input
            id="accept-confirm"
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            aria-invalid={errors.confirm ? true : undefined}
            aria-describedby={errors.confirm ? "accept-confirm-error" : undefined}
            className={`${INPUT} ${errors.confirm ? "border-red-700" : "border-slate-400"}`}
          />
          <FieldError id="accept-confirm-error" message={errors.confirm} />
        </div>
      )}
      <FieldError id="accept-form-error" message={errors.form} />
      <button type="submit" disabled={busy} className={BUTTON}>
        {busy ? "處理中…" : "接受邀請"}
      </button>
    </form>
  );
}
