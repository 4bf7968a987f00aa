import { DomainError } from "../../errors";
import type { TCatalogueFile, TGrade, TMark, TServiceTypeKey } from "../../catalogue/schema";
import type { TDecisionKind } from "../../cases/decisions";
import type { TConditions } from "../../resolve/input";
import type { TLevel } from "../../catalogue/schema/obligations";
import type { TStatus } from "../../resolve/types";
import type { TClauseLibrary } from "../../catalogue/schema/clauses";
import type { TAgencySector, TSupplement } from "../../catalogue/schema/supplement";
import type { TParameterOrigin, TResolvedParameters } from "../clauses/parameters";

// ---- Input: what the route handlers (from the wizard) and the CLI (from case.json) both provide.

/** The case facts a document states. Names are optional: a missing one reads 「本機關」/「本案」. */
export interface TExportCase {
  agencyName?: string | null;
  caseName?: string | null;
  caseNumber?: string | null;
  grade: TGrade;
  responsibilityLevel: TLevel;
  contractValue: number;
  serviceTypes: readonly TServiceTypeKey[];
  conditions: TConditions;
  riskLevel?: string | null;
  /** The agency's sector (機關類別, from its profile through lib/agency/snapshot.ts exportSector); omitted, null or `other`: items listing regimes by sector print them all. */
  agencySector?: TAgencySector | null;
  /** The agency provides critical infrastructure (關鍵基礎設施提供者): its regime is printed too. */
  ciProvider?: boolean;
}

export interface TExportDecision {
  choice: string;
  reason?: string;
  reference?: string;
  /** Not stated by anyone (cli export: an optional item not in `include`): yields to a stated one when rows merge. */
  implied?: boolean;
}

/** One checklist line; `TChecklistItem` (lib/cases/checklist.ts) satisfies it as is. */
export interface TExportItem {
  id: string;
  serviceType: TServiceTypeKey;
  category: string;
  /** Verbatim catalogue text; placeholders are filled here, from the case. */
  text: string;
  mark: TMark;
  status: TStatus;
  thirdPartyTesting: boolean;
  frequency: string | null;
  decisionKind: TDecisionKind | null;
  decision: TExportDecision | null;
}

export interface TApproval {
  approvedBy: string;
  approvedAt: Date;
}

/** A risk the CISO accepted on one checklist item (the latest Review of the item is accept-risk). */
export interface TAcceptedRiskInput {
  itemId: string;
  acceptedBy: string;
  acceptedAt: Date;
  /** The CISO's comment (required when accepting). */
  comment: string;
  /** A date by which the acceptance is to be reviewed again, when the review records one. */
  reviewBy?: Date | null;
}

/** One 專案管理需求 item (by `pm.<no>`) the officer left out of the case, with the reason. */
export interface TProjectExclusionInput {
  itemId: string;
  reason: string;
}

export interface TExportInput {
  case: TExportCase;
  catalogue: Pick<TCatalogueFile, "version" | "title" | "issuer" | "documentNumber" | "issuedOn" | "serviceTypes" | "clauses">;
  items: readonly TExportItem[];
  /** Resolved defaults ← agency ← case (resolveParameters); omitted: the library's defaults. */
  parameters?: TResolvedParameters;
  /** Present only for an approved revision: the document is then final, without 草稿. */
  approval?: TApproval | null;
  generatedAt: Date;
  /** Omitted: the bundled library. */
  library?: TClauseLibrary;
  /** The catalogue version's supplement (專案管理需求, pricing hints); null or omitted: no such sections. */
  supplement?: TSupplement | null;
  /** Risks the CISO accepted (internal record only; never in the documents that go to bidders). */
  acceptedRisks?: readonly TAcceptedRiskInput[];
  /** 專案管理需求 items the officer left out: dropped from every document, listed in the internal record. */
  projectExclusions?: readonly TProjectExclusionInput[];
}

// ---- Output: a plain document model, the same for the three renderers.

export type TExportStatus = "draft" | "final";

export interface TClauseBlock {
  id: string;
  title: string;
  paragraphs: { text: string; items: string[] }[];
  /** Law citations [P] only, e.g. 「資通安全管理法施行細則第7條第1項第5款」. */
  basis: string[];
}

export interface TRequirementLine {
  id: string;
  /** Every checklist id this one line stands for (one per service type that carries it). */
  ids: string[];
  text: string;
  /** Frequency or scope the responsibility level sets for a ▲ item, when known (the stricter one if the types differ). */
  frequency: string | null;
  /** The service types it comes from (「開發、維運」), when not every type of the case carries it. */
  types: string | null;
  /** 「各服務類型所定頻率不同，依較嚴格者辦理」 */
  note: string | null;
}

/** One category of 技術需求: the contract's requirements, each listed once. */
export interface TRequirementGroup {
  name: string;
  /** 「開發」 when every item of the category comes from the same types, not all of the case's. */
  types: string | null;
  items: TRequirementLine[];
}

/** A required ▲ item placed in another procurement: 本案免辦. */
export interface TExemptLine {
  id: string;
  /** The service types it comes from (short names), when that helps; "" otherwise. */
  types: string;
  category: string;
  text: string;
  reference: string;
  reason: string;
}

/** One of 003's 專案管理需求 items that applies to the case: its own clause, or the clauses that say it. */
export interface TProjectLine {
  no: number;
  title: string;
  text: string | null;
  /** Titles of the document's clauses that already say it (then `text` is null). */
  see: string[];
}

/** A risk the CISO accepted, as the internal record states it. */
export interface TRiskLine {
  id: string;
  /** 「開發」… */
  types: string;
  category: string;
  text: string;
  /** 納入本案 / 不納入本案 / 納入他案辦理 (…) */
  placement: string;
  /** The catalogue item's note (verbatim), "" when none. */
  note: string;
  /** The officer's reason for the decision, "" when none. */
  reason: string;
  comment: string;
  acceptedBy: string;
  acceptedOn: string;
  /** null: no review date recorded. */
  reviewOn: string | null;
}

/** A 專案管理需求 item the officer left out. */
export interface TProjectExclusionLine {
  no: number;
  title: string;
  reason: string;
}

/** A requirement to be priced as its own line (資安經費編列提示). */
export interface TPricedLine {
  ids: string[];
  label: string;
  text: string;
  /** 「廠商」, or 「機關」 for the agency's own duties (機關應辦事項). */
  who: string;
  agencyDuty: boolean;
  sources: string[];
}

/** What a draft still leaves open; never part of the requirements. */
export interface TPendingLine {
  id: string;
  serviceTypeName: string;
  text: string;
  question: string;
}

export interface TExportModel {
  status: TExportStatus;
  meta: {
    /** Display names with the neutral fallbacks applied. */
    agencyName: string;
    caseName: string;
    caseNumber: string | null;
    /** True when the name was given (file names and titles may differ). */
    caseNamed: boolean;
    catalogueVersion: string;
    generatedOn: string;
    generatedOnShort: string;
    fileDate: string;
  };
  cover: { label: string; value: string }[];
  approval: { approvedBy: string; approvedOn: string } | null;
  general: TClauseBlock[];
  technical: { intro: string; groups: TRequirementGroup[] };
  legal: TClauseBlock[];
  /** 003's 專案管理需求 for the case's outsourcing types (less the officer's exclusions); null without a supplement. */
  projectManagement: { intro: string; items: TProjectLine[]; excluded: TProjectExclusionLine[] } | null;
  /** Risks the CISO accepted (the internal record 資安風險接受紀錄 only). */
  risks: TRiskLine[];
  exempt: TExemptLine[];
  /** 資安經費編列提示; empty when nothing included is priced separately. */
  priced: TPricedLine[];
  agency: TClauseBlock[];
  /** Empty in a final document. */
  pending: TPendingLine[];
  parameters: { key: string; label: string; value: number; unit: string; from: TParameterOrigin }[];
}

/**
 * The export is refused (409): a final export still has undecided items (the approval should not have
 * happened), or the service types' decisions on one merged requirement contradict each other.
 */
export class ExportError extends DomainError {
  readonly reason: "undecided-final" | "conflicting-decisions";
  constructor(
    reason: "undecided-final" | "conflicting-decisions",
    message: string,
    readonly ids: readonly string[] = [],
  ) {
    super("conflict", message, [], { ids });
    this.reason = reason;
    this.name = "ExportError";
  }
}
