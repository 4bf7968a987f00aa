import type { TExportItem } from "./types";

/**
 * Where a checklist line goes in the documents:
 * - `included`  : standard (● or a ▲ the level requires, placed in this case or not yet placed), or an
 *                 optional / needs-decision item decided `include`;
 * - `elsewhere` : a ▲ placed in another procurement → 本案免辦, with its reference;
 * - `undecided` : optional / needs-decision without a decision → never a requirement; a draft lists it
 *                 under 待決定事項, a final document cannot have one;
 * - `omitted`   : not applicable, or decided `exclude`.
 * A required ▲ without a placement stays in this case (the level requires it; only an explicit
 * decision moves it elsewhere) and a draft says that the placement is still open.
 */
export type TPlacement = "included" | "elsewhere" | "undecided" | "omitted";

export function placementOf(item: TExportItem): TPlacement {
  switch (item.status) {
    case "not-applicable":
      return "omitted";
    case "standard":
      return item.decisionKind === "placement" && item.decision?.choice === "other-procurement" && item.decision.reference?.trim() ? "elsewhere" : "included";
    case "optional":
    case "needs-decision":
      if (item.decision?.choice === "include") return "included";
      if (item.decision?.choice === "exclude") return "omitted";
      // A ▲ the level does not require, already procured elsewhere: 本案免辦, with its reference.
      if (item.decision?.choice === "other-procurement" && item.decision.reference?.trim()) return "elsewhere";
      return "undecided";
  }
}

/** A required ▲ the officer has not placed yet (in this case by default). */
export function placementOpen(item: TExportItem): boolean {
  return item.status === "standard" && item.decisionKind === "placement" && !item.decision;
}
