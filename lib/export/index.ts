/**
 * SecReq document export: the RFP annex (資通安全需求規範), the contract clauses (資通安全契約條款) and
 * the vendor self-assessment (廠商資安自評表) as DOCX. Plain TypeScript; no React/Next imports.
 *
 * Route handler:  buildExportModel(exportInputFromChecklist(...)) → renderDocx(model, kind) →
 *                 Response with contentDisposition(exportFileName(model, kind), asciiFileName(model, kind)).
 * CLI:            lib/cli/export.ts (exportCommand).
 */
export { buildExportModel } from "./model/build";
export { exportInputFromChecklist } from "./model/from-checklist";
export { parseExportCaseFile, caseFileExportInput, ZExportCaseFile } from "./model/case-file";
export type { TExportCaseFile } from "./model/case-file";
export { placementOf } from "./model/inclusion";
export type { TPlacement } from "./model/inclusion";
export { ExportError } from "./model/types";
export type { TExportInput, TExportModel, TExportCase, TExportItem, TApproval, TAcceptedRiskInput, TProjectExclusionInput } from "./model/types";
export { projectItemId, applicableProjectItems } from "./model/supplement";
export { renderDocx, exportDocument, DOC_KINDS, DOC_TITLE, INTERNAL_DOCS, RENDERER_VERSION } from "./docx/render";
export type { TDocKind } from "./docx/render";
export { exportFileName, asciiFileName, contentDisposition, DOCX_CONTENT_TYPE } from "./filename";
export { ZClauseLibrary } from "../catalogue/schema/clauses";
export type { TClauseLibrary, TClause, TParameter } from "../catalogue/schema/clauses";
export { resolveParameters, parseParameterLayer, defaultParameters, PARAMETER_LAYERS } from "./clauses/parameters";
export type { TResolvedParameters, TParameterIssue, TParameterLayer, TParameterResult } from "./clauses/parameters";
export { cleanText, cleanLine } from "./text/sanitize";
export { renderAcceptanceDocx, ACCEPTANCE_TITLE, type TAcceptanceRow } from "./docx/acceptance";
