/** SecReq resolution engine: pure TypeScript, no framework imports (fs lives in load-obligations.ts). */
export { resolve, resolveItem, CatalogueMismatchError } from "./resolve";
export { ZResolveInput, ZConditions, parseResolveInput, inputIssues } from "./input";
export type { TResolveInput, TConditions, TInputIssue, TParsedInput } from "./input";
export {
  ZObligationsFile,
  ZObligationsTable,
  ZLegacyObligationsFile,
  ZObligationCell,
  ZCell,
  ZMeasure,
  ZLevel,
  LEVELS,
  COLUMNS,
  COLUMN_INFO,
  CONDITIONS,
  CASE_FACTS,
  columnFor,
  obligationMatrix,
  migrateLegacyObligations,
  parseObligations,
} from "./obligations";
export type { TObligationsFile, TObligationsTable, TObligationCell, TCell, TColumn, TMeasure, TLevel, TCaseFact, TAgencyKind } from "./obligations";
export { gradeFromAspects, ZGradeAspects, ASPECTS, ASPECT_LABEL, ASPECT_GUIDANCE, GUIDANCE_LABEL } from "./grade";
export type { TAspect, TGradeAspects, TGradeResult } from "./grade";
export { selectCatalogue } from "./select-catalogue";
export { buildContext, THIRD_PARTY_TESTING_THRESHOLD } from "./context";
export { PIPELINE } from "./rules";
export { STATUSES } from "./types";
export type { TStatus, TResolvedItem, TResolution, TCaseContext, TDraft, TRule, TItemBasis, TBasisSummary } from "./types";
