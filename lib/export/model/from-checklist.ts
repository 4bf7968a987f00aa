import type { TCatalogueFile } from "../../catalogue/schema";
import { toResolveInput, type TAnswers } from "../../cases/answers";
import type { TChecklist } from "../../cases/checklist";
import type { TResolvedParameters } from "../clauses/parameters";
import type { TSupplement } from "../../catalogue/schema/supplement";
import type { TApproval, TExportInput } from "./types";
import { exportSector, type TCaseProfile } from "../../agency/snapshot";

/**
 * A saved case (the wizard's answers and its resolved checklist with the officer's decisions) → the
 * export input. `checklist` must be the `ok` result of buildChecklist for these answers.
 */
export function exportInputFromChecklist(args: {
  answers: TAnswers;
  /** The agency-profile values the checklist was resolved with. */
  profile: TCaseProfile;
  catalogue: TCatalogueFile;
  checklist: Extract<TChecklist, { ok: true }>;
  parameters?: TResolvedParameters;
  approval?: TApproval | null;
  generatedAt: Date;
  supplement?: TSupplement | null;
}): TExportInput {
  const resolved = toResolveInput(args.answers, args.catalogue.version, args.profile);
  // buildChecklist succeeded on the same answers, so this cannot fail; if it does, the caller mixed cases.
  if (!resolved.ok) throw new Error("案件資料不完整，無法匯出（請先完成精靈各步驟）");
  const { input } = resolved;
  return {
    case: {
      agencyName: args.profile.agencyName,
      ...exportSector(args.profile),
      caseName: args.answers.case.caseName,
      caseNumber: args.answers.case.caseNumber,
      grade: input.grade,
      responsibilityLevel: input.responsibilityLevel,
      contractValue: input.contractValue,
      serviceTypes: input.serviceTypes,
      conditions: input.conditions,
      riskLevel: input.riskLevel ?? null,
    },
    catalogue: args.catalogue,
    items: args.checklist.items,
    parameters: args.parameters,
    approval: args.approval ?? null,
    generatedAt: args.generatedAt,
    supplement: args.supplement ?? null,
  };
}
