import type { TCatalogueItem, TGrade, TMark, TServiceTypeKey } from "../catalogue/schema";
import type { TCaseFact, TLevel, TObligationsFile } from "../catalogue/schema/obligations";

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
}

export interface TResolution {
  catalogueVersion: string;
  effectiveGrade: TGrade;
  warnings: string[];
  agencyObligations: string[];
  items: TResolvedItem[];
}

export type TThirdPartyTrigger = "coreSystem" | "contractValue";

/** The case as the rules see it: input facts plus what follows from them. */
export interface TCaseContext {
  readonly grade: TGrade;
  readonly level: TLevel;
  readonly contractValue: number;
  /** Effective facts: coreSystem is true when the grade is high. */
  readonly facts: Readonly<Record<TCaseFact, boolean>>;
  /** Why coreSystem holds: the officer said so, or the grade is high; null when it does not. */
  readonly coreSystemBy: "input" | "grade" | null;
  /** Empty: 施行細則 §7 I ④ does not apply. */
  readonly thirdPartyTriggers: readonly TThirdPartyTrigger[];
  readonly riskLevel: string | null;
  readonly obligations: TObligationsFile;
  /** The catalogue's date in the ROC calendar, e.g. "112-09-25". */
  readonly catalogueDate: string;
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
}

/** A pure step of the pipeline: returns the same draft when it does not apply. */
export interface TRule {
  readonly name: string;
  readonly apply: (draft: TDraft, ctx: TCaseContext) => TDraft;
}
