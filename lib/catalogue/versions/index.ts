// Catalogue version management (issue #6): one verb per file; each checks the 目錄管理者 role inside its
// transaction and writes its audit entry there too.
export { assertCatalogueAdmin, type TCatalogueActor } from "./actor";
export { createDraft } from "./create-draft";
export { editDraft } from "./edit-draft";
export { publishDraft } from "./publish-draft";
export { deleteDraft } from "./delete-draft";
export { importVersion } from "./import-version";
export { exportVersion } from "./export-version";
export { versionHistory, CATALOGUE_ACTION_LABEL } from "./history";
export { suggestVersionId } from "./suggest-id";
export { getVersion } from "./get-version";
