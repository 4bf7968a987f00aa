const isLoopback = (url: string) => {
  try {
    return ["localhost", "127.0.0.1", "[::1]"].includes(new URL(url).hostname);
  } catch {
    return false;
  }
};

/**
 * Origins better-auth accepts for state-changing calls and callback URLs: the app's own, the operator's
 * extra ones (SECREQ_TRUSTED_ORIGINS), and any local port only in development or when the app itself
 * runs on the loopback; a production site never trusts a page on its visitor's own machine.
 */
export function trustedOrigins(baseURL: string, env: { NODE_ENV?: string; SECREQ_TRUSTED_ORIGINS?: string }): string[] {
  const extra = (env.SECREQ_TRUSTED_ORIGINS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const local = env.NODE_ENV !== "production" || isLoopback(baseURL) ? ["http://localhost:*", "http://127.0.0.1:*"] : [];
  return [baseURL, ...local, ...extra];
}
