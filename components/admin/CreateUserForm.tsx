"use client";

import { useState } from "react";
import { ROLES, ROLE_LABEL, type TRole } from "@/lib/auth/roles";
import { FieldError } from "../ui/FieldError";
import { OneTimePassword } from "./OneTimePassword";
import { fieldErrors, OFFLINE, type TAdminAction } from "./result";
import { BUTTON, INPUT } from "./styles";

type TValues = { name: string; email: string; roles: TRole[] };
type TCreated = { id: string; name: string; email: string; password: string };
const EMPTY: TValues = { name: "", email: "", roles: [] };

/** The admin creates an account; on an error everything typed stays, on success the password is shown once. */
export function CreateUserForm({ create, grantable }: { create: TAdminAction<TValues, TCreated>; grantable: readonly TRole[] }) {
  const [values, setValues] = useState<TValues>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [created, setCreated] = useState<TCreated | null>(null);
  const [busy, setBusy] = useState(false);

  const toggleRole = (role: TRole, on: boolean) => setValues((v) => ({ ...v, roles: on ? [...v.roles, role] : v.roles.filter((r) => r !== role) }));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setCreated(null);
    const r = await create(values).catch(() => OFFLINE);
    setBusy(false);
    if (r.ok) {
      setValues(EMPTY);
      setErrors({});
      setMessage(null);
      setCreated({ id: r.id, name: r.name, email: r.email, password: r.password });
    } else {
      setErrors(fieldErrors(r.issues));
      setMessage(r.message);
    }
  };

  const described = (id: string) => (errors[id] ? `new-${id}-error` : undefined);
  return (
    <div className="space-y-4">
      {created && (
        <OneTimePassword title="帳號已建立" who={`${created.name}（${created.email}）`} password={created.password} onDone={() => setCreated(null)} />
      )}
      <form onSubmit={submit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
        <fieldset aria-describedby="new-user-hint" className="space-y-4">
          <legend className="text-lg font-semibold">新增使用者</legend>
          <p id="new-user-hint" className="text-sm text-slate-600">
            系統會產生一組符合密碼規則的臨時密碼，只顯示一次；使用者第一次登入時必須變更。
          </p>
          <div>
            <label htmlFor="new-name" className="block font-semibold">
              姓名
            </label>
            <input
              id="new-name"
              value={values.name}
              onChange={(e) => setValues({ ...values, name: e.target.value })}
              autoComplete="off"
              aria-invalid={errors.name ? true : undefined}
              aria-describedby={described("name")}
              className={`${INPUT} ${errors.name ? "border-red-700" : "border-slate-400"}`}
            />
            <FieldError id="new-name-error" message={errors.name} />
          </div>
          <div>
            <label htmlFor="new-email" className="block font-semibold">
              電子郵件（登入帳號）
            </label>
            <input
              id="new-email"
              type="email"
              value={values.email}
              onChange={(e) => setValues({ ...values, email: e.target.value })}
              autoComplete="off"
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={described("email")}
              className={`${INPUT} ${errors.email ? "border-red-700" : "border-slate-400"}`}
            />
            <FieldError id="new-email-error" message={errors.email} />
          </div>
          <fieldset aria-invalid={errors.roles ? true : undefined} aria-describedby={described("roles")}>
            <legend className="font-semibold">角色（可複選）</legend>
            <div className="flex flex-wrap gap-x-6 gap-y-1">
              {ROLES.filter((role) => grantable.includes(role)).map((role) => (
                <label key={role} className="flex cursor-pointer items-center gap-2 rounded px-1 py-1 hover:bg-brand-50">
                  <input type="checkbox" className="size-4" checked={values.roles.includes(role)} onChange={(e) => toggleRole(role, e.target.checked)} />
                  {ROLE_LABEL[role]}
                </label>
              ))}
            </div>
            <FieldError id="new-roles-error" message={errors.roles} />
          </fieldset>
        </fieldset>
        {message && (
          <p role="alert" className="font-semibold text-red-700">
            {message}
          </p>
        )}
        <button type="submit" disabled={busy} className={BUTTON}>
          {busy ? "建立中…" : "建立帳號"}
        </button>
      </form>
    </div>
  );
}
