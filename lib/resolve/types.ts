import type { TCatalogueItem, TGrade, TMark, TReliability, TServiceTypeKey } from "../catalogue/schema";
import type { TAgencyKind, TCellFact, TColumn, TLevel, TObligationsFile, TObligationsTable } from "../catalogue/schema/obligations";

export const STATUSES = ["standard", "optional", "needs-decision", "not-applicable"] as const;
export type TStatus = (typeof STATUSES)[number];

/** One line of the case's checklist (the API's `items[]`). */
export interface TResolvedItem {
  id: string;
  serviceType: TServiceTypeKey;
  category: string;
  text: string;
  /** The mark of the grade that applies. */
  mark: TMark;
  status: TStatus;
  /** zh-TW, each naming the rule and its basis; never empty. */
  reasons: string[];
  thirdPartyTesting: boolean;
  cisoConfirm: boolean;
  /** Frequency/scope required by the responsibility level, for ▲ items resolved `standard`. */
  frequency: string | null;
  /** For ▲ items: what the line rests on (the badge the officer sees); null for other marks. */
  basis: TItemBasis | null;
  /** The ids of the case's other items with the identical requirement (lib/resolve/requirements.ts); [] when none. */
  sameAs: string[];
  /** What the open choice usually is and why (lib/resolve/recommend); null: nothing open, or no rule supports one. */
  recommendation: TRecommendation;
}

/** A ▲ measure (the ▲ table's key, e.g. "soc") that the agency procures agency-wide, and that contract. */
export interface TCoveredMeasure {
  measure: string;
  /** The agency-wide contract's name or number. */
  reference: string;
}

export type TRecommendationDecision = "include" | "exclude" | "this-case" | "other-procurement";

/** A suggestion, never a decision: the officer still decides. */
export type TRecommendation = {
  decision: TRecommendationDecision;
  /** zh-TW, short: why this way for this case. */
  reason: string;
  /** What it rests on: the note, the 附表 cell, the agency's profile. */
  basis: string;
  /** For other-procurement: the agency-wide contract's name or number. */
  reference?: string;
} | null;

/** One distinct requirement of the case (the API's `requirements[]`): its copies decide together. */
export interface TRequirementRow {
  /** requirementKey(text): stable across cases and versions for the same text. */
  key: string;
  text: string;
  /** The copies' ids, in checklist order. */
  itemIds: string[];
  /** Of the strongest copy: standard > ▲ required > needs-decision > optional > not-applicable. */
  status: TStatus;
  mark: TMark;
  category: string;
  serviceTypes: TServiceTypeKey[];
  recommendation: TRecommendation;
}

/** The ▲ basis of one line, in plain words: the cell's label and, once checked, the official document. */
export interface TItemBasis {
  reliability: TReliability;
  /** 「資通安全責任等級分級辦法附表四（B級特定非公務機關）…」; null when no table cell applies. */
  citation: string | null;
  /** The official attachment the cell was checked against ("分級辦法附表三（115-01-07）", "第 3 頁第 12 項"). */
  verified: { document: string; locator: string } | null;
}

/** How many ▲ lines rest on [P]/[O], on [S] and on [U] (the checklist's summary). */
export interface TBasisSummary {
  primaryOrOfficial: number;
  thirdParty: number;
  unverified: number;
}

export interface TResolution {
  catalogueVersion: string;
  effectiveGrade: TGrade;
  warnings: string[];
  agencyObligations: string[];
  /** ▲ lines by reliability: replaces the old blanket warning. */
  basisSummary: TBasisSummary;
  items: TResolvedItem[];
  /** One row per distinct requirement, in the order of its first item. */
  requirements: TRequirementRow[];
}

export type TThirdPartyTrigger = "coreSystem" | "contractValue";

/** The case as the rules see it: input facts plus what follows from them. */
export interface TCaseContext {
  readonly grade: TGrade;
  readonly level: TLevel;
  readonly agencyKind: TAgencyKind;
  /** The ▲ table's column for this agency (附表一～八). */
  readonly column: TColumn;
  readonly contractValue: number;
  /** Effective facts: coreSystem is true when the grade is high. */
  readonly facts: Readonly<Record<TCellFact, boolean>>;
  /** Why coreSystem holds: the officer said so, or the grade is high; null when it does not. */
  readonly coreSystemBy: "input" | "grade" | null;
  /** Empty: 施行細則 §7 I ④ does not apply. */
  readonly thirdPartyTriggers: readonly TThirdPartyTrigger[];
  readonly riskLevel: string | null;
  readonly obligations: TObligationsFile;
  /** The same table in eight columns (format 1 read through its migration). */
  readonly matrix: TObligationsTable;
  /** The catalogue's date in the ROC calendar, e.g. "112-09-25". */
  readonly catalogueDate: string;
  /** ▲ measure key → the agency-wide contract that covers it (the agency profile). */
  readonly covered: ReadonlyMap<string, string>;
}

/** An item while the rules run; `status` is null until some rule settles it. */
export interface TDraft {
  readonly item: TCatalogueItem;
  readonly serviceType: TServiceTypeKey;
  readonly mark: TMark;
  readonly status: TStatus | null;
  readonly reasons: readonly string[];
  readonly thirdPartyTesting: boolean;
  readonly cisoConfirm: boolean;
  readonly frequency: string | null;
  readonly basis: TItemBasis | null;
}

/** A pure step of the pipeline: returns the same draft when it does not apply. */
export interface TRule {
  readonly name: string;
  readonly apply: (draft: TDraft, ctx: TCaseContext) => TDraft;
}
