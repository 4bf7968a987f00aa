export { recordAudit, ZAuditInput, AUDIT_ACTION, type TAuditInput } from "./record";
export { changes, type TChanges } from "./changes";
export { listAudit, ZAuditFilter, type TAuditFilter, type TAuditRecord } from "./list";
export { auditCsv, csvCell, AUDIT_CSV_HEADER } from "./csv";
export { isAuditViolation } from "./errors";
export { formatTaipei, taipeiDay, AUDIT_TIME_ZONE } from "./time";
export { redact, REDACTED } from "./redact";
export type { TTx } from "./tx";
export { verifyChain, carryForward, entryHash, GENESIS_HASH, AUDIT_CLOCK_SKEW_MS, type TChainReport, type TChainBreak, type TChainHead } from "./chain";
