// The client address the rate limits and the lockout may believe (lib/http/client-ip.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") (await import("./lib/http/peer-stamp")).installPeerStamp();
}
