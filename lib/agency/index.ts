// The agency profile (機關資料): kept by the agency's admins, inherited by every case (as a snapshot).
export * from "./profile";
export * from "./snapshot";
export { getAgencyProfile, effectiveCaseProfile } from "./current";
export { saveAgencyProfile, ProfileConflictError } from "./save-profile";
export { draftsAffectedByProfile } from "./affected-drafts";
export { listReasonPresets, saveReasonPresets, ZReasonPresets } from "./reason-presets";
