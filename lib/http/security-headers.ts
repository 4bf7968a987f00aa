/**
 * Response headers and server-action admission that proxy.ts applies (pure, so unit-tested here).
 * Static headers (nosniff, frame, referrer, permissions) stay in next.config.mjs.
 */

/** serverActions.bodySizeLimit in next.config.mjs: the catalogue import takes 5 MB files, sent as
 * an escaped JSON string (quotes and line breaks grow), so a little more than 5 MB on the wire. */
export const ACTION_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

/** A fresh nonce per response (base64 of 16 random bytes). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Scripts only by nonce ('strict-dynamic' lets Next's own loader add its chunks); styles only from the
 * app (Tailwind's built CSS) or with the nonce; nothing embeds the app, and forms post only to it.
 */
export function contentSecurityPolicy(nonce: string, opts: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

/** Headers for every page response; HSTS only when the app's public URL is https. */
export function pageSecurityHeaders(nonce: string, opts: { baseURL?: string; dev?: boolean }): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce, opts),
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(opts.baseURL?.startsWith("https://") ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

type TActionRequest = { method: string; headers: { get(name: string): string | null } };

/** A post whose Origin (when the browser sends one) is not this host: refused (also by the upload routes). */
export function isSameOrigin(h: { get(name: string): string | null }): boolean {
  const origin = h.get("origin");
  if (origin === null) return true;
  const host = h.get("x-forwarded-host") ?? h.get("host");
  let originHost: string | null = null;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    originHost = null;
  }
  return !!host && originHost === host;
}

/** What Next would answer with a 500 for, answered here with a 4xx instead; null lets the request on. */
export function actionAdmission(req: TActionRequest): { status: 400 | 403 | 413 | 415; message: string } | null {
  if (req.method !== "POST") return null;
  const h = req.headers;
  const actionId = h.get("next-action");
  const type = (h.get("content-type") ?? "").toLowerCase();
  const isAction = actionId !== null || type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded");
  if (!isAction) return null;
  if (!isSameOrigin(h)) return { status: 403, message: "不接受來自其他網站的請求。" };
  const length = Number(h.get("content-length") ?? "0");
  if (length > ACTION_BODY_LIMIT_BYTES) return { status: 413, message: "送出的資料過大。" };
  if (actionId !== null) {
    if (!/^[0-9a-f]{16,128}$/i.test(actionId)) return { status: 400, message: "請求格式有誤。" };
    if (!type.startsWith("text/plain") && !type.startsWith("multipart/form-data")) return { status: 415, message: "請求格式有誤。" };
  }
  return null;
}

/** A fetch action's text body is React's JSON encoding of the argument list. */
export function isWellFormedActionText(text: string): boolean {
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}
