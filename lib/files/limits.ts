/** A stored file's limit (issue 16): 20 MB. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** A multipart upload carries the file and a few fields; this much room for the form's own bytes. */
export const UPLOAD_BODY_LIMIT_BYTES = MAX_FILE_BYTES + 256 * 1024;

/**
 * Uploads are route handlers under /api/ (never server actions, whose limit stays 8 MB): proxy.ts does not
 * run there, and must not — Next buffers a proxied request's body only up to 10 MB and silently cuts the
 * rest (experimental.proxyClientMaxBodySize). The route checks the origin and reads at most
 * UPLOAD_BODY_LIMIT_BYTES itself (readUploadForm).
 */
export const UPLOAD_PATH_PREFIX = "/api/";
