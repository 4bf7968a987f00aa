import { isIP } from "node:net";

/**
 * The client's address, for rate limits and the per-address lockout. A header the client can set is
 * never believed unless the operator says a reverse proxy sets it (SECREQ_CLIENT_IP_HEADER, README
 * "Production"). Otherwise the TCP peer is used: Next keeps a client's own X-Forwarded-For, so
 * instrumentation.ts stamps the socket address on every request under PEER_HEADER, with a token only
 * this process knows, and overwrites whatever the client sent under that name.
 */

/** What the app's own code (the auth route, the login action) passes on to better-auth. */
export const CLIENT_IP_HEADER = "x-secreq-client-ip";
export const PEER_HEADER = "x-secreq-peer";
/** Everyone without a trustworthy address shares one bucket: a limit is never multiplied by it. */
export const UNKNOWN_ADDRESS = "unknown";

type THeaders = { get(name: string): string | null };

function normalise(ip: string | undefined): string | null {
  const v = (ip ?? "").trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return isIP(v) ? v.toLowerCase() : null;
}

/** The value instrumentation.ts writes for a socket address. */
export const peerStamp = (token: string, remoteAddress: string | undefined) => `${token} ${remoteAddress ?? ""}`;

/**
 * proxyHeader: the configured header, e.g. "x-forwarded-for" or "x-real-ip"; of a list, the right-most
 * entry counts (the one the proxy itself appended). peerToken: the process's stamp token, if stamped.
 */
export function clientAddress(headers: THeaders, opts: { proxyHeader?: string; peerToken?: string }): string {
  if (opts.proxyHeader) {
    const list = (headers.get(opts.proxyHeader) ?? "").split(",");
    return normalise(list[list.length - 1]) ?? UNKNOWN_ADDRESS;
  }
  const stamp = headers.get(PEER_HEADER) ?? "";
  const space = stamp.indexOf(" ");
  if (!opts.peerToken || space < 0 || stamp.slice(0, space) !== opts.peerToken) return UNKNOWN_ADDRESS;
  return normalise(stamp.slice(space + 1)) ?? UNKNOWN_ADDRESS;
}

/** A copy of the headers with CLIENT_IP_HEADER set to the trusted address (any client value replaced). */
export function withClientAddress(headers: Headers, address: string): Headers {
  const h = new Headers(headers);
  h.set(CLIENT_IP_HEADER, address);
  h.delete(PEER_HEADER);
  return h;
}
