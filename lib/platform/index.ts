// The platform operator (平台管理者, app-wide): agencies as a whole, never their cases.
export { assertPlatformAdmin, type TPlatformActor } from "./actor";
export { ZNewAgency, ZAgencyId, ZAgencyName, type TNewAgency } from "./schemas";
export { createAgency } from "./create-agency";
export { listAgencies, type TAgencyRow } from "./list-agencies";
export { renameAgency } from "./rename-agency";
export { setAgencyActive } from "./set-agency-active";
