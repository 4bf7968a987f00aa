/** The largest catalogue data file an import accepts (the browser checks first, the action again). */
export const CATALOGUE_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const CATALOGUE_IMPORT_TOO_LARGE = "資料檔超過 5 MB";
