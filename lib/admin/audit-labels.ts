// The labels live with the log (lib/audit/labels.ts): the CSV needs them too.
export { AUDIT_ACTION_LABEL, actionLabel, targetLabel } from "../audit/labels";
