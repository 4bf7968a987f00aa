// The agency admin area (role 管理者): every function checks, inside its transaction, that the actor is an
// active admin and that the target belongs to the actor's agency; every write records its audit entry.
export { AdminError, type TAdminErrorCode } from "./errors";
export { assertAdmin, type TAdminActor } from "./actor";
export { ZNewUser, ZRoleSet, ZUserId, ZIdleTimeout, IDLE_TIMEOUT_MIN, IDLE_TIMEOUT_MAX, type TNewUser } from "./schemas";
export { temporaryPassword } from "./temp-password";
export { listUsers, type TAdminUser } from "./list-users";
export { createAgencyUser } from "./create-user";
export { setUserRoles } from "./set-roles";
export { resetPassword } from "./reset-password";
export { unlockUser } from "./unlock-user";
export { deactivateUser } from "./deactivate-user";
export { activateUser } from "./activate-user";
export { setIdleTimeout } from "./set-idle-timeout";
export { setClauseDefaults } from "./set-clause-defaults";
export { getAgencySettings, getClauseDefaults } from "./get-settings";
export { readAuditQuery, ZAuditQuery, type TAuditQuery, type TAuditQueryValues, type TAuditQueryField } from "./audit-query";
export { listAgencyAudit, AUDIT_PAGE_SIZE } from "./list-audit";
export { listAuditActions } from "./list-audit-actions";
export { exportAuditCsv } from "./export-audit";
export { AUDIT_ACTION_LABEL, actionLabel, targetLabel } from "./audit-labels";
export { auditTargetNames } from "./audit-target-names";
export { auditCsvFileName } from "./csv-download";
export { operatorGrantRole, OPERATOR_NAME } from "./operator-grant-role";
export { auditChainStatus, CHAIN_CHECK_TTL_MS, type TAuditChainStatus } from "./audit-chain-status";
