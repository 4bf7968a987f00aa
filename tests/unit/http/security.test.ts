import { describe, expect, it } from "vitest";
import { actionAdmission, contentSecurityPolicy, isWellFormedActionText, pageSecurityHeaders } from "@/lib/http/security-headers";
import { clientAddress, CLIENT_IP_HEADER, PEER_HEADER, peerStamp, UNKNOWN_ADDRESS, withClientAddress } from "@/lib/http/client-ip";
import { trustedOrigins } from "@/lib/auth/origins";

const h = (entries: Record<string, string>) => new Headers(entries);

describe("client address (issue 19.2)", () => {
  it("ignores a client's X-Forwarded-For unless a proxy header is configured", () => {
    const forged = h({ "x-forwarded-for": "6.6.6.6", [PEER_HEADER]: peerStamp("tok", "::ffff:10.0.0.5") });
    expect(clientAddress(forged, { peerToken: "tok" })).toBe("10.0.0.5");
    // Configured: the right-most entry, the one the proxy appended.
    expect(clientAddress(h({ "x-forwarded-for": "6.6.6.6, 203.0.113.4" }), { proxyHeader: "x-forwarded-for" })).toBe("203.0.113.4");
    expect(clientAddress(h({ "x-forwarded-for": "not-an-ip" }), { proxyHeader: "x-forwarded-for" })).toBe(UNKNOWN_ADDRESS);
  });
  it("a peer stamp the client wrote itself (wrong or no token) counts as unknown, one shared bucket", () => {
    expect(clientAddress(h({ [PEER_HEADER]: peerStamp("guess", "1.2.3.4") }), { peerToken: "tok" })).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(h({ [PEER_HEADER]: "1.2.3.4" }), {})).toBe(UNKNOWN_ADDRESS);
    expect(clientAddress(h({}), { peerToken: "tok" })).toBe(UNKNOWN_ADDRESS);
  });
  it("the header passed to better-auth replaces the client's own", () => {
    const out = withClientAddress(h({ [CLIENT_IP_HEADER]: "6.6.6.6", [PEER_HEADER]: "x" }), "10.0.0.5");
    expect(out.get(CLIENT_IP_HEADER)).toBe("10.0.0.5");
    expect(out.get(PEER_HEADER)).toBeNull();
  });
});

describe("trusted origins (issue 19.6a)", () => {
  it("trusts any local port only outside production or when the app itself is local", () => {
    expect(trustedOrigins("https://secreq.gov.tw", { NODE_ENV: "production" })).toEqual(["https://secreq.gov.tw"]);
    expect(trustedOrigins("https://secreq.gov.tw", { NODE_ENV: "production", SECREQ_TRUSTED_ORIGINS: "https://a.gov.tw, " })).toEqual([
      "https://secreq.gov.tw",
      "https://a.gov.tw",
    ]);
    expect(trustedOrigins("http://127.0.0.1:3000", { NODE_ENV: "production" })).toContain("http://localhost:*");
    expect(trustedOrigins("https://secreq.gov.tw", { NODE_ENV: "development" })).toContain("http://127.0.0.1:*");
  });
});

describe("security headers and action admission (issue 19.6c, 19.6d)", () => {
  it("a nonce-based CSP with the required directives; HSTS only for https", () => {
    const csp = contentSecurityPolicy("abc");
    for (const d of [
      "default-src 'self'",
      "script-src 'self' 'nonce-abc' 'strict-dynamic'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'self'",
    ])
      expect(csp).toContain(d);
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(pageSecurityHeaders("n", { baseURL: "https://x.tw" })["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(pageSecurityHeaders("n", { baseURL: "http://127.0.0.1:3000" })).not.toHaveProperty("Strict-Transport-Security");
    expect(pageSecurityHeaders("n", {})["Cross-Origin-Opener-Policy"]).toBe("same-origin");
  });
  const post = (headers: Record<string, string>) => ({ method: "POST", headers: h({ host: "app.tw", ...headers }) });
  it("answers cross-origin, oversized and malformed action posts with 4xx", () => {
    const id = "a".repeat(42);
    expect(actionAdmission(post({ "next-action": id, "content-type": "text/plain;charset=UTF-8", origin: "https://evil.example" }))?.status).toBe(403);
    expect(actionAdmission(post({ "content-type": "multipart/form-data; boundary=x", origin: "https://evil.example" }))?.status).toBe(403);
    expect(
      actionAdmission(post({ "next-action": id, "content-type": "text/plain", origin: "https://app.tw", "content-length": String(9 * 1024 * 1024) }))?.status,
    ).toBe(413);
    expect(actionAdmission(post({ "next-action": "<script>", "content-type": "text/plain", origin: "https://app.tw" }))?.status).toBe(400);
    expect(actionAdmission(post({ "next-action": id, "content-type": "application/xml", origin: "https://app.tw" }))?.status).toBe(415);
    expect(actionAdmission(post({ "next-action": id, "content-type": "text/plain", origin: "https://app.tw", "content-length": "100" }))).toBeNull();
    expect(actionAdmission({ method: "GET", headers: h({ origin: "https://evil.example" }) })).toBeNull();
    expect(isWellFormedActionText('[{"a":1},"$undefined"]')).toBe(true);
    expect(isWellFormedActionText("{not json")).toBe(false);
  });
});
