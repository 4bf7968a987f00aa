"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { OFFLINE } from "../admin/result";
import { BUTTON_DANGER, BUTTON_QUIET } from "../admin/styles";
import type { TEditAction } from "./ItemEditor";

/** One-click draft edits (move, retire, restore), with an optional confirmation and the refusal shown beside it. */
export function DraftButton({
  label,
  version,
  lockVersion,
  edit,
  save,
  confirm,
  danger,
}: {
  label: string;
  version: string;
  lockVersion: number;
  edit: unknown;
  save: TEditAction;
  confirm?: string;
  danger?: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (confirm && !window.confirm(confirm)) return;
    setBusy(true);
    const r = await save({ version, lockVersion, edit }).catch(() => OFFLINE);
    setBusy(false);
    if (r.ok) {
      setError(null);
      router.refresh();
    } else setError(r.message);
  };
  return (
    <span className="inline-flex flex-col">
      <button type="button" onClick={run} disabled={busy} className={danger ? BUTTON_DANGER : BUTTON_QUIET}>
        {label}
      </button>
      {error && (
        <span role="alert" className="text-sm font-semibold text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
