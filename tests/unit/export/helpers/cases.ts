import { decisionKind } from "../../../../lib/cases/decisions";
import { resolve } from "../../../../lib/resolve/resolve";
import type { TResolveInput } from "../../../../lib/resolve/input";
import { buildExportModel } from "../../../../lib/export/model/build";
import type { TApproval, TExportCase, TExportDecision, TExportInput, TExportItem, TExportModel } from "../../../../lib/export/model/types";
import type { TResolvedParameters } from "../../../../lib/export/clauses/parameters";
import { catalogue, caseInput, obligations } from "../../resolve/fixtures";
import { supplementFor } from "../../../../lib/catalogue/bundled";
import type { TSupplement } from "../../../../lib/catalogue/schema/supplement";

export { catalogue, obligations };

type TCaseOverrides = Parameters<typeof caseInput>[0];

/** The resolved checklist with the officer's decisions, as lib/cases/checklist.ts would give it. */
export function checklistItems(input: TResolveInput, decisions: Record<string, TExportDecision> = {}): TExportItem[] {
  return resolve(catalogue, obligations, input).items.map((item) => ({
    ...item,
    decisionKind: decisionKind(item),
    decision: decisions[item.id] ?? null,
  }));
}

/** The realistic case: development + maintenance, 中, B, NT$12,000,000, personal data. */
export const REALISTIC: TCaseOverrides = {
  serviceTypes: ["development", "maintenance"],
  grade: "medium",
  responsibilityLevel: "B",
  contractValue: 12_000_000,
  conditions: { personalData: true, externalService: true, mailServer: true },
};

export const REALISTIC_DECISIONS: Record<string, TExportDecision> = {
  "development.ssdlc": { choice: "include", reason: "核心開發流程需要" },
  "development.database-audit-trail": { choice: "include", reason: "涉及個資查詢" },
  "development.iec62443-cbtl": { choice: "exclude", reason: "非工控系統" },
  "development.soc": { choice: "other-procurement", reference: "115年度資安監控（SOC）委外服務案（案號：TPE-IT-115-007）", reason: "統一由年度監控案辦理" },
  "development.edr": { choice: "this-case", reference: "" },
};

export const NAMES = { agencyName: "臺北市政府資訊局", caseName: "市民服務整合平臺開發暨維運案", caseNumber: "TPE-IT-115-031" };

/** 2026-11-25 09:00 in Taipei. */
export const GENERATED_AT = new Date("2026-11-25T01:00:00Z");

export function exportInput(
  options: {
    case?: TCaseOverrides;
    decisions?: Record<string, TExportDecision>;
    names?: Partial<typeof NAMES> | null;
    riskLevel?: string;
    approval?: TApproval | null;
    parameters?: TResolvedParameters;
    generatedAt?: Date;
    supplement?: TSupplement | null;
    agencySector?: TExportCase["agencySector"];
    ciProvider?: boolean;
  } = {},
): TExportInput {
  const input = caseInput({ ...(options.case ?? REALISTIC), ...(options.riskLevel ? { riskLevel: options.riskLevel } : {}) });
  const names = options.names === null ? {} : { ...NAMES, ...options.names };
  return {
    case: { ...input, ...names, agencySector: options.agencySector ?? null, ciProvider: options.ciProvider ?? false },
    catalogue,
    items: checklistItems(input, options.decisions ?? REALISTIC_DECISIONS),
    parameters: options.parameters,
    approval: options.approval ?? null,
    generatedAt: options.generatedAt ?? GENERATED_AT,
    supplement: options.supplement === undefined ? supplementFor(catalogue) : options.supplement,
  };
}

export const model = (options: Parameters<typeof exportInput>[0] = {}): TExportModel => buildExportModel(exportInput(options));

/** Every decision a final export needs: the open choices of the case, decided `exclude` unless given. */
export function allDecided(overrides: TCaseOverrides, given: Record<string, TExportDecision> = {}): Record<string, TExportDecision> {
  const decisions: Record<string, TExportDecision> = {};
  for (const item of checklistItems(caseInput(overrides)))
    if (item.decisionKind === "choice") decisions[item.id] = { choice: "exclude", reason: "本案不需要" };
    else if (item.decisionKind === "placement") decisions[item.id] = { choice: "this-case" };
  return { ...decisions, ...given };
}
