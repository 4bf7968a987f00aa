import type { TChecklistItem, TChecklist } from "./checklist";
import type { TDecisionKind } from "./decisions";
import type { TDecisionRecord } from "./store";
import type { TRecommendation } from "../resolve/types";
import type { TGlossaryTerm, TServiceTypeKey } from "../catalogue/schema";

/**
 * The review step's rows: one per requirement (lib/resolve/requirements.ts), with the state of its decision.
 * fixed: nothing to decide (● or not applicable); open: no copy decided; decided: every copy has the same
 * decision; split: decided per service type on purpose (DecisionSplit); inconsistent: copies disagree or only
 * some are decided without a split (older per-type decisions) — 「需確認：各服務類型決定不一致」.
 */
export type TRowState = "fixed" | "open" | "decided" | "split" | "inconsistent";

export type TDecisionRow = {
  key: string;
  text: string;
  category: string;
  status: TChecklistItem["status"];
  mark: TChecklistItem["mark"];
  serviceTypes: TServiceTypeKey[];
  kind: TDecisionKind | null;
  /** Every copy, checklist order; `decidable` the ones a row decision writes. */
  items: TChecklistItem[];
  decidable: string[];
  state: TRowState;
  /** The copies' common decision (decided), else null. */
  decision: TDecisionRecord | null;
  split: { reason: string; splitBy: string; splitAt: Date } | null;
  recommendation: TRecommendation;
  /** The decision differs from the recommendation. */
  deviates: boolean;
  cisoConfirm: boolean;
  /** Per item: the stored version a save starts from (null: no decision yet). */
  bases: Record<string, number | null>;
};

export const INCONSISTENT_FLAG = "需確認：各服務類型決定不一致";

const sameDecision = (a: TDecisionRecord, b: TDecisionRecord) =>
  a.choice === b.choice && a.reason.trim() === b.reason.trim() && a.reference.trim() === b.reference.trim();

/** `versions`: the stored version of every decision of the case, by item id (also the unfitting ones). */
export function decisionRows(
  checklist: Extract<TChecklist, { ok: true }>,
  splits: { key: string; reason: string; splitBy: string; splitAt: Date }[],
  versions: Map<string, number>,
): TDecisionRow[] {
  const splitOf = new Map(splits.map((s) => [s.key, s]));
  return checklist.requirements.map((g) => {
    const kind = g.top.decisionKind;
    const decidable = kind ? g.copies.filter((c) => c.decisionKind).map((c) => c.id) : [];
    const decided = g.copies.filter((c) => c.decisionKind && c.decision);
    const split = splitOf.get(g.key);
    let state: TRowState;
    let decision: TDecisionRecord | null = null;
    if (!kind) state = "fixed";
    else if (split && decidable.length > 1) state = "split";
    else if (decided.length === 0) state = "open";
    else if (decided.length === decidable.length && decided.every((c) => sameDecision(c.decision!, decided[0]!.decision!))) {
      state = "decided";
      decision = decided[0]!.decision;
    } else state = "inconsistent";
    const recommendation = g.top.recommendation ?? g.copies.find((c) => c.recommendation)?.recommendation ?? null;
    return {
      key: g.key,
      text: g.text,
      category: g.category,
      status: g.status,
      mark: g.mark,
      serviceTypes: g.serviceTypes,
      kind,
      items: g.copies,
      decidable,
      state,
      decision,
      split: split && decidable.length > 1 ? { reason: split.reason, splitBy: split.splitBy, splitAt: split.splitAt } : null,
      recommendation,
      deviates: !!recommendation && decided.some((c) => c.decision!.choice !== recommendation.decision),
      cisoConfirm: g.copies.some((c) => c.cisoConfirm),
      bases: Object.fromEntries(decidable.map((id) => [id, versions.get(id) ?? null])),
    };
  });
}

/** Rows still asking for a decision: open, inconsistent, or split with a copy undecided. */
export const isOpenRow = (row: TDecisionRow) =>
  row.state === "open" || row.state === "inconsistent" || (row.state === "split" && row.items.some((i) => i.decisionKind && !i.decision));

export type TRowDetails = { copies: { id: string; serviceType: TServiceTypeKey; status: TChecklistItem["status"]; reasons: string[] }[] };

/** A row's 「理由與依據」: each copy's status and reasons (null: no such row in the case). */
export function rowDetails(checklist: Extract<TChecklist, { ok: true }>, key: string): TRowDetails | null {
  const g = checklist.requirements.find((r) => r.key === key);
  if (!g) return null;
  return { copies: g.copies.map((c) => ({ id: c.id, serviceType: c.serviceType, status: c.status, reasons: c.reasons })) };
}

/**
 * The glossary terms in the rows' texts, for the table's Term tooltips: each term once, and per row (only
 * rows with a term) its text cut into runs pointing into `terms` (computed on the server: glossarySegments).
 */
export type TRowGlossary = {
  terms: Pick<TGlossaryTerm, "term" | "explanation" | "source" | "reliability">[];
  segments: Record<string, { text: string; term: number | null }[]>;
};
