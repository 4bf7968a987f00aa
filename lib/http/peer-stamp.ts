import { randomBytes } from "node:crypto";
import http from "node:http";
import { PEER_HEADER, peerStamp } from "./client-ip";

/**
 * Stamps each request with the TCP peer's address (see client-ip.ts): Next keeps a client's own
 * X-Forwarded-For, so without this the rate limits would trust whatever the client claims. Installed
 * once per process from instrumentation.ts; the token lives on globalThis for app/_server/auth.ts.
 */
export function installPeerStamp() {
  const g = globalThis as { __secreqPeerToken?: string };
  if (g.__secreqPeerToken) return;
  const token = randomBytes(18).toString("base64url");
  g.__secreqPeerToken = token;
  const emit = http.Server.prototype.emit as (this: unknown, e: string | symbol, ...a: unknown[]) => boolean;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = peerStamp(token, req.socket?.remoteAddress);
    }
    return emit.call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
}
