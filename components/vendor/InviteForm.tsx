"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { FieldError } from "../ui/FieldError";
import { fieldErrors, OFFLINE, type TAdminAction } from "../admin/result";
import { BUTTON, INPUT } from "../admin/styles";

type TFields = { email: string; name: string; days: string };

/** Invites a vendor representative; the link is shown here once (only its hash is kept). Typed values stay on a refusal. */
export function InviteForm({ invite, defaultDays }: { invite: TAdminAction<TFields, { link: string; mailed: boolean }>; defaultDays: number }) {
  const router = useRouter();
  const [fields, setFields] = useState<TFields>({ email: "", name: "", days: String(defaultDays) });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<{ link: string; mailed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof TFields) => (e: React.ChangeEvent<HTMLInputElement>) => setFields({ ...fields, [k]: e.target.value });

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await invite(fields).catch(() => OFFLINE);
    setBusy(false);
    if (r.ok) {
      setErrors({});
      setDone({ link: r.link, mailed: r.mailed });
      setFields({ email: "", name: "", days: String(defaultDays) });
      router.refresh();
    } else {
      const byField = fieldErrors(r.issues);
      setErrors(Object.keys(byField).length ? byField : { form: r.message });
    }
  };
  const field = (k: keyof TFields, label: string, type: string) => (
    <div>
      <label htmlFor={`invite-${k}`} className="block font-semibold">
        {label}
      </label>
      <input
        id={`invite-${k}`}
        type={type}
        value={fields[k]}
        onChange={set(k)}
        aria-invalid={errors[k] ? true : undefined}
        aria-describedby={errors[k] ? `invite-${k}-error` : undefined}
        className={`${INPUT} ${errors[k] ? "border-red-700" : "border-slate-400"}`}
      />
      <FieldError id={`invite-${k}-error`} message={errors[k]} />
    </div>
  );

  return (
    <form onSubmit={submit} noValidate className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-5">
      <h2 className="text-lg font-semibold">邀請廠商代表</h2>
      {field("email", "電子郵件", "email")}
      {field("name", "姓名", "text")}
      {field("days", "有效天數", "number")}
      <FieldError id="invite-form-error" message={errors.form} />
      <button type="submit" disabled={busy} className={BUTTON}>
        {busy ? "處理中…" : "建立邀請"}
      </button>
      {done && (
        <div role="status" className="space-y-1 rounded border border-emerald-300 bg-emerald-50 p-3">
          <p className="font-semibold">邀請已建立。{done.mailed ? "已寄出邀請信。" : "未設定寄信，請將下列連結交給廠商代表。"}此連結只顯示這一次：</p>
          <p>
            <code className="break-all" data-testid="invite-link">
              {done.link}
            </code>
          </p>
        </div>
      )}
    </form>
  );
}
