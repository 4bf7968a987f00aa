"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { FieldError } from "../ui/FieldError";
import { OneTimePassword } from "../admin/OneTimePassword";
import { fieldErrors, OFFLINE, type TAdminAction } from "../admin/result";
import { BUTTON, BUTTON_DANGER, BUTTON_QUIET, BUTTON_SMALL, INPUT } from "../admin/styles";

type TNew = { name: string; adminEmail: string; adminName: string };

/** A new agency and its first 管理者; the initial password is shown once, here. */
export function CreateAgencyForm({ create }: { create: TAdminAction<TNew, { agencyName: string; adminEmail: string; password: string }> }) {
  const router = useRouter();
  const [values, setValues] = useState<TNew>({ name: "", adminEmail: "", adminName: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [created, setCreated] = useState<{ who: string; password: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (key: keyof TNew, label: string, type = "text", hint?: string) => (
    <div>
      <label htmlFor={`agency-${key}`} className="block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`agency-${key}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      <input
        id={`agency-${key}`}
        type={type}
        value={values[key]}
        onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={[hint ? `agency-${key}-hint` : null, errors[key] ? `agency-${key}-error` : null].filter(Boolean).join(" ") || undefined}
        className={`${INPUT} ${errors[key] ? "border-red-700" : "border-slate-400"}`}
      />
      <FieldError id={`agency-${key}-error`} message={errors[key]} />
    </div>
  );
  return (
    <section aria-labelledby="create-agency" className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="create-agency" className="text-lg font-semibold">
        建立機關
      </h2>
      {created && <OneTimePassword title="機關已建立" who={created.who} password={created.password} onDone={() => setCreated(null)} />}
      <form
        noValidate
        className="space-y-4"
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          setMessage(null);
          const r = await create(values).catch(() => OFFLINE);
          setBusy(false);
          if (r.ok) {
            setErrors({});
            setValues({ name: "", adminEmail: "", adminName: "" });
            setCreated({ who: `${r.agencyName}的管理者 ${r.adminEmail}`, password: r.password });
            router.refresh();
          } else {
            setErrors(fieldErrors(r.issues));
            setMessage(r.message);
          }
        }}
      >
        {field("name", "機關名稱")}
        {field("adminEmail", "第一位管理者的電子郵件", "email", "管理者以此登入，首次登入須變更密碼，再填寫機關資料並建立其他帳號。")}
        {field("adminName", "第一位管理者的姓名（可留空）")}
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" disabled={busy} className={BUTTON}>
            {busy ? "建立中…" : "建立機關"}
          </button>
          <span role="status" className="text-red-800">
            {message}
          </span>
        </div>
      </form>
    </section>
  );
}

/** Rename, deactivate or reactivate one agency. */
export function AgencyRowActions({
  agencyId,
  name,
  active,
  rename,
  setActive,
}: {
  agencyId: string;
  name: string;
  active: boolean;
  rename: TAdminAction<{ agencyId: string; name: string }, { changed: boolean }>;
  setActive: TAdminAction<{ agencyId: string; active: boolean }, { changed: boolean }>;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(name);
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `rename-${agencyId}`;
  return (
    <div className="space-y-2">
      {editing ? (
        <form
          noValidate
          className="flex flex-wrap items-end gap-2"
          onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            const r = await rename({ agencyId, name: value }).catch(() => OFFLINE);
            setBusy(false);
            if (r.ok) {
              setError(undefined);
              setEditing(false);
              setStatus(r.changed ? "已更名。" : "名稱未變更。");
              router.refresh();
            } else setError(fieldErrors(r.issues).name ?? r.message);
          }}
        >
          <div>
            <label htmlFor={id} className="block text-sm font-semibold">
              新名稱（{name}）
            </label>
            <input
              id={id}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              className={`${INPUT} ${error ? "border-red-700" : "border-slate-400"}`}
            />
            <FieldError id={`${id}-error`} message={error} />
          </div>
          <button type="submit" disabled={busy} className={BUTTON_SMALL}>
            儲存名稱
          </button>
          <button type="button" className={BUTTON_QUIET} onClick={() => setEditing(false)}>
            取消
          </button>
        </form>
      ) : (
        <div className="flex flex-wrap gap-2">
          <button type="button" className={BUTTON_QUIET} onClick={() => setEditing(true)} aria-label={`更名：${name}`}>
            更名
          </button>
          <button
            type="button"
            disabled={busy}
            className={active ? BUTTON_DANGER : BUTTON_QUIET}
            aria-label={`${active ? "停用" : "重新啟用"}：${name}`}
            onClick={async () => {
              if (active && !window.confirm(`停用「${name}」？其使用者將立即登出且無法登入，資料保留。`)) return;
              setBusy(true);
              const r = await setActive({ agencyId, active: !active }).catch(() => OFFLINE);
              setBusy(false);
              setStatus(r.ok ? (active ? "已停用。" : "已重新啟用。") : r.message);
              if (r.ok) router.refresh();
            }}
          >
            {active ? "停用" : "重新啟用"}
          </button>
        </div>
      )}
      <p role="status" className="text-sm">
        {status}
      </p>
    </div>
  );
}
