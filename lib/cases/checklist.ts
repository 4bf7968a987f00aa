import type { TCatalogueFile } from "../catalogue/schema";
import { GRADE_LABEL } from "../catalogue/schema";
import { resolve } from "../resolve/resolve";
import type { TObligationsFile } from "../catalogue/schema/obligations";
import { groupRequirements, type TRequirementGroup } from "../resolve/requirements";
import { STATUSES, type TResolution, type TResolvedItem, type TStatus } from "../resolve/types";
import { toResolveInput, type TStepIssue } from "./answers";
import { decisionKind, decisionFits, type TDecisionKind } from "./decisions";
import type { TCaseRecord, TDecisionRecord } from "./store";
import type { TCaseProfile } from "../agency/snapshot";

export type TChecklistItem = TResolvedItem & {
  /** The text with `_____級` / `未含____等級風險` filled where the case says what goes there. */
  filledText: string;
  decisionKind: TDecisionKind | null;
  decision: TDecisionRecord | null;
};

export type TStatusChange = { id: string; text: string; from: TStatus | null; to: TStatus | null };

export type TChecklist =
  | {
      ok: true;
      resolution: TResolution;
      items: TChecklistItem[];
      /**
       * One row per distinct requirement (filled texts compared), in checklist order; each item also
       * carries `sameAs` and its `recommendation` (null: none; the UI says NO_RECOMMENDATION).
       */
      requirements: TRequirementGroup<TChecklistItem>[];
      counts: Record<TStatus, number>;
      /** Items whose status differs from what the officer last saw. */
      changes: TStatusChange[];
      /** Decisions kept on record that the current checklist no longer asks for. */
      staleDecisions: (TDecisionRecord & { text: string | null })[];
      /** Items that still need the officer's decision. */
      undecided: TChecklistItem[];
    }
  | { ok: false; issues: TStepIssue[] };

export function fillPlaceholders(text: string, grade: string, riskLevel: string | undefined): string {
  let out = text.replace(/_{3,}級/g, `${grade}級`);
  if (riskLevel) out = out.replace(/未含_{3,}等級風險/g, `未含${riskLevel}等級風險`);
  return out;
}

/** `profile`: the agency-profile values the case resolves with (lib/agency effectiveCaseProfile). */
export function buildChecklist(catalogue: TCatalogueFile, obligations: TObligationsFile, record: TCaseRecord, profile: TCaseProfile | null): TChecklist {
  const input = toResolveInput(record.answers, record.catalogueVersionId, profile);
  if (!input.ok) return { ok: false, issues: input.issues };
  const resolution = resolve(catalogue, obligations, input.input);
  const decisions = new Map(record.decisions.map((d) => [d.itemId, d]));
  const gradeLabel = GRADE_LABEL[resolution.effectiveGrade];

  // One requirement, one decision: every copy of a row asks what its strongest copy asks (a ◎ copy of a
  // ● row asks nothing; a ◎ copy of a required ▲ row asks where it is done).
  const filled = resolution.items.map((item) => ({ ...item, filledText: fillPlaceholders(item.text, gradeLabel, input.input.riskLevel) }));
  const rowKind = new Map<string, TDecisionKind | null>();
  for (const g of groupRequirements(filled, (i) => i.filledText)) for (const id of g.itemIds) rowKind.set(id, decisionKind(g.top));
  const items: TChecklistItem[] = filled.map((item) => {
    const kind = rowKind.get(item.id) ?? null;
    const decision = decisions.get(item.id) ?? null;
    return { ...item, decisionKind: kind, decision: kind && decision && decisionFits(kind, decision.choice) ? decision : null };
  });

  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<TStatus, number>;
  for (const item of items) counts[item.status]++;

  const byId = new Map(items.map((i) => [i.id, i]));
  const staleDecisions = record.decisions.filter((d) => !byId.get(d.itemId)?.decision).map((d) => ({ ...d, text: byId.get(d.itemId)?.text ?? null }));

  const changes: TStatusChange[] = [];
  if (record.lastSeenStatuses) {
    const seen = record.lastSeenStatuses;
    for (const item of items)
      if (seen[item.id] !== item.status) changes.push({ id: item.id, text: item.text, from: (seen[item.id] as TStatus) ?? null, to: item.status });
    for (const id of Object.keys(seen)) if (!byId.has(id)) changes.push({ id, text: catalogueText(catalogue, id), from: seen[id] as TStatus, to: null });
  }

  return {
    ok: true,
    resolution,
    items,
    requirements: groupRequirements(items, (i) => i.filledText),
    counts,
    changes,
    staleDecisions,
    undecided: items.filter((i) => i.decisionKind && !i.decision),
  };
}

export function statusesOf(items: TResolvedItem[]): Record<string, string> {
  return Object.fromEntries(items.map((i) => [i.id, i.status]));
}

function catalogueText(catalogue: TCatalogueFile, id: string): string {
  for (const t of catalogue.serviceTypes) for (const i of t.items) if (i.id === id) return i.text;
  return id;
}
