// Stamps each request with the TCP peer's address (lib/http/client-ip.ts): Next keeps a client's own
// X-Forwarded-For, so without this the rate limits would trust whatever the client claims.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { randomBytes } = await import("node:crypto");
  const http = await import("node:http");
  const { PEER_HEADER, peerStamp } = await import("./lib/http/client-ip");
  const g = globalThis as { __secreqPeerToken?: string };
  if (g.__secreqPeerToken) return;
  const token = randomBytes(18).toString("base64url");
  g.__secreqPeerToken = token;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: import("node:http").Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as import("node:http").IncomingMessage;
      req.headers[PEER_HEADER] = peerStamp(token, req.socket?.remoteAddress);
    }
    return (emit as (this: unknown, e: string | symbol, ...a: unknown[]) => boolean).call(this, event, ...args);
  } as typeof emit;
}
