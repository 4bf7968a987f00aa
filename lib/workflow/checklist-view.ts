import type { TStepIssue } from "../cases/answers";
import type { TChecklistItem } from "../cases/checklist";
import type { TResolution } from "../resolve/types";

/**
 * What the workflow reads of a checklist (lib/cases/checklist.ts `TChecklist`), and no more, so the rules
 * here do not move when the case store does and tests can state items briefly. A TChecklist is assignable.
 */
export type TWorkflowItem = Pick<TChecklistItem, "id" | "serviceType" | "filledText" | "status" | "mark" | "cisoConfirm" | "decisionKind"> & {
  decision: (Pick<NonNullable<TChecklistItem["decision"]>, "choice" | "reason" | "reference"> & { decidedAt?: Date }) | null;
};

export type TWorkflowChecklist<T extends TWorkflowItem = TWorkflowItem> =
  { ok: true; items: readonly T[]; resolution: Pick<TResolution, "warnings" | "agencyObligations"> } | { ok: false; issues: readonly TStepIssue[] };

/**
 * Whether the item is part of this procurement's requirements: standard items are; ◎ / needs-decision items
 * when the officer included them; a required ▲ item unless it was placed in another procurement (until the
 * officer decides, the level requires it here, so it counts as included: the cautious reading).
 */
export function isIncluded(item: TWorkflowItem): boolean {
  if (item.status === "not-applicable") return false;
  if (item.decisionKind === "choice") return item.decision?.choice === "include";
  if (item.decisionKind === "placement") return item.decision?.choice !== "other-procurement";
  return true;
}
