import { DomainError } from "../../errors";
import type { TCatalogueFile, TGrade, TMark, TServiceTypeKey } from "../../catalogue/schema";
import type { TDecisionKind } from "../../cases/decisions";
import type { TConditions } from "../../resolve/input";
import type { TLevel } from "../../catalogue/schema/obligations";
import type { TStatus } from "../../resolve/types";
import type { TClauseLibrary } from "../../catalogue/schema/clauses";
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
}

export interface TExportDecision {
  choice: string;
  reason?: string;
  reference?: string;
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
  text: string;
  /** Frequency or scope the responsibility level sets for a ▲ item, when known. */
  frequency: string | null;
}

export interface TRequirementGroup {
  serviceType: TServiceTypeKey;
  name: string;
  categories: { name: string; items: TRequirementLine[] }[];
}

/** A required ▲ item placed in another procurement: 本案免辦. */
export interface TExemptLine {
  id: string;
  serviceTypeName: string;
  category: string;
  text: string;
  reference: string;
  reason: string;
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
  exempt: TExemptLine[];
  agency: TClauseBlock[];
  /** Empty in a final document. */
  pending: TPendingLine[];
  parameters: { key: string; label: string; value: number; unit: string; from: TParameterOrigin }[];
}

/** A final export was asked for while items are still undecided: the approval should not have happened. */
export class ExportError extends DomainError {
  readonly reason: "undecided-final";
  constructor(
    reason: "undecided-final",
    message: string,
    readonly ids: readonly string[] = [],
  ) {
    super("conflict", message, [], { ids });
    this.reason = reason;
    this.name = "ExportError";
  }
}
