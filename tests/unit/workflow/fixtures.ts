import { decisionKind } from "@/lib/cases/decisions";
import type { TWorkflowChecklist, TWorkflowItem } from "@/lib/workflow/checklist-view";
import type { TActor } from "@/lib/workflow/actor";
import type { TItemReview } from "@/lib/workflow/reviews";
import { run } from "../resolve/fixtures";

export const AGENCY = "agency-a";
export const OTHER_AGENCY = "agency-b";
export const actor = (id: string, roles: TActor["roles"], agencyId = AGENCY): TActor => ({ id, agencyId, roles });

/** A brief item for the rules that only read decisions. */
export function item(id: string, over: Partial<TWorkflowItem> = {}): TWorkflowItem {
  return {
    id,
    serviceType: "development",
    filledText: `項目 ${id}`,
    status: "standard",
    mark: "●",
    cisoConfirm: false,
    decisionKind: null,
    decision: null,
    ...over,
  };
}
export const optional = (id: string, over: Partial<TWorkflowItem> = {}) => item(id, { status: "optional", mark: "◎", decisionKind: "choice", ...over });
export const triangle = (id: string, over: Partial<TWorkflowItem> = {}) => item(id, { status: "standard", mark: "▲", decisionKind: "placement", ...over });
export const decided = (choice: string, reason = "理由", reference = "") => ({ choice, reason, reference });

export function checklist(items: TWorkflowItem[], warnings: string[] = [], agencyObligations: string[] = []): TWorkflowChecklist {
  return { ok: true, items, resolution: { warnings, agencyObligations } };
}

/** The real resolver on the bundled catalogue, each item as the checklist shows it before any decision. */
export function realChecklist(...args: Parameters<typeof run>): Extract<TWorkflowChecklist, { ok: true }> {
  const resolution = run(...args);
  return {
    ok: true,
    resolution,
    items: resolution.items.map((i) => ({ ...i, filledText: i.text, decisionKind: decisionKind(i), decision: null })),
  };
}

let clock = Date.parse("2026-11-25T01:00:00Z");
export function review(itemId: string, verdict: TItemReview["verdict"], comment = "意見", reviewerId = "ciso-1"): TItemReview {
  clock += 60_000;
  return { itemId, verdict, comment, reviewerId, at: new Date(clock) };
}
