import type { TCatalogueFile } from "../catalogue/schema";
import type { TEngineInput } from "./input";
import { columnFor, type TObligationsFile } from "../catalogue/schema/obligations";
import { obligationMatrix } from "./obligation-matrix";
import { rocDate } from "./text";
import type { TCaseContext, TThirdPartyTrigger } from "./types";

/** 施行細則 §7 I ④: 委託金額達新臺幣一千萬元以上. */
export const THIRD_PARTY_TESTING_THRESHOLD = 10_000_000;

export function buildContext(catalogue: TCatalogueFile, obligations: TObligationsFile, input: TEngineInput): TCaseContext {
  const given = input.conditions;
  // 施行細則 2026 §10 II: a system graded 高 under 附表九 is a 核心資通系統.
  const coreSystemBy = given.coreSystem ? "input" : input.grade === "high" ? "grade" : null;
  const triggers: TThirdPartyTrigger[] = [];
  if (coreSystemBy) triggers.push("coreSystem");
  if (input.contractValue >= THIRD_PARTY_TESTING_THRESHOLD) triggers.push("contractValue");
  return {
    grade: input.grade,
    level: input.responsibilityLevel,
    agencyKind: input.agencyKind ?? "public",
    column: columnFor(input.responsibilityLevel, input.agencyKind ?? "public"),
    contractValue: input.contractValue,
    facts: { ...given, coreSystem: coreSystemBy !== null, ciProvider: input.ciProvider ?? false },
    coreSystemBy,
    thirdPartyTriggers: triggers,
    riskLevel: input.riskLevel ?? null,
    obligations,
    matrix: obligationMatrix(obligations),
    catalogueDate: rocDate(catalogue.issuedOn),
    covered: new Map((input.coveredMeasures ?? []).map((c) => [c.measure, c.reference])),
  };
}
