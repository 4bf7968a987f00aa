// The contract lifecycle's stored side (issue 16): award, obligations register, evidence, incidents, dashboard.
// The pure engine (schedule, incident deadlines, working days) is one level up.
export { isValidTaxId, TAX_ID_BASIS } from "./tax-id";
export { OBLIGATION_STATUSES, OBLIGATION_STATUS_LABEL, DUE_WINDOW_DAYS, obligationStatus, type TObligationStatus } from "./status";
export { ZAward, ZReview, ZIncident, ZMilestone, type TAwardInput } from "./schemas";
export { canSeeContracts, canManageContracts, contractFor } from "./access";
export { awardContract, awardView, parseAward } from "./award";
export { amendContract } from "./amend";
export { submitEvidence, reviewObligation, evidenceFile, EVIDENCE_OWNER } from "./evidence";
export { recordIncident, markDeadlineMet, incidentViews, DEADLINE_LABEL, type TIncidentView } from "./incidents";
export { contractView, type TContractView, type TObligationView } from "./view";
export { listContracts, ZContractListQuery, CONTRACT_FILTERS, CONTRACT_PAGE_SIZE, type TContractListQuery } from "./dashboard";
export { signOffMilestone } from "./milestones";
export { acceptanceDocument } from "./acceptance";
export { regenerateCalendarToken, calendarFeedStatus, calendarFeed } from "./calendar";
