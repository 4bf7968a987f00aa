"use client";

import type { TActionResult } from "@/lib/action-result";
import { ActionButton } from "../ui/ActionButton";

/** Moves the case to the newer catalogue version; an approved case gets a new revision for it. */
export function MoveVersionButton({
  label,
  confirm,
  move,
}: {
  label: string;
  confirm: string;
  move: () => Promise<TActionResult<{ id: string; newRevision: boolean }>>;
}) {
  return <ActionButton label={label} confirm={confirm} action={move} next={(r) => `/cases/${r.id}/review`} />;
}
