// Generic stored files (evidence; the vendor portal's uploads): bytes in the database, SHA-256, sniffed type.
export { FileError, isFileImmutableViolation } from "./errors";
export { MAX_FILE_BYTES, UPLOAD_BODY_LIMIT_BYTES, UPLOAD_PATH_PREFIX } from "./limits";
export { ALLOWED_EXTENSIONS, checkFileName, sniffUpload } from "./sniff";
export { storeFile, listFiles, readStoredFile, sha256Hex, type TStoredFileMeta, type TNewFile } from "./store";
export { fileDownload } from "./download";
export { readUploadForm } from "./upload";
