"use client";

import { useState } from "react";
import { ROLES, ROLE_LABEL, type TRole } from "@/lib/auth/roles";
import { FieldError } from "../ui/FieldError";
import { fieldErrors, OFFLINE, type TAdminAction } from "./result";
import { BUTTON_SMALL } from "./styles";

/** One user's roles as checkboxes; the server refuses the last admin and the admin's own admin role. */
export function RolesForm({
  userId,
  userName,
  initial,
  grantable,
  save,
}: {
  userId: string;
  userName: string;
  initial: TRole[];
  /** Roles this admin may change; the app-wide 目錄管理者 only a holder may grant (the server checks too). */
  grantable: readonly TRole[];
  save: TAdminAction<{ userId: string; roles: TRole[] }, { changed: boolean; roles: TRole[] }>;
}) {
  const [roles, setRoles] = useState<TRole[]>(initial);
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `roles-${userId}`;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setStatus(null);
    const r = await save({ userId, roles }).catch(() => OFFLINE);
    setBusy(false);
    if (r.ok) {
      setError(undefined);
      setStatus(r.changed ? "角色已更新" : "角色未變更");
    } else setError(fieldErrors(r.issues).roles ?? r.message);
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-1">
      <fieldset aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="sr-only">{userName} 的角色</legend>
        <div className="flex flex-wrap gap-x-3">
          {ROLES.map((role) => (
            <label key={role} className="flex cursor-pointer items-center gap-1.5 py-0.5">
              <input
                type="checkbox"
                className="size-4"
                checked={roles.includes(role)}
                disabled={!grantable.includes(role)}
                onChange={(e) => setRoles(e.target.checked ? [...roles, role] : roles.filter((r) => r !== role))}
              />
              {ROLE_LABEL[role]}
            </label>
          ))}
        </div>
        <FieldError id={`${id}-error`} message={error} />
      </fieldset>
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" disabled={busy} aria-label={`儲存 ${userName} 的角色`} className={BUTTON_SMALL}>
          {busy ? "儲存中…" : "儲存角色"}
        </button>
        <span role="status" className="text-sm text-emerald-800">
          {status}
        </span>
      </div>
    </form>
  );
}
