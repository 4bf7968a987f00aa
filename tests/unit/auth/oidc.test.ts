import { describe, expect, it } from "vitest";
import { oidcPlugin } from "@/lib/auth/oidc";

describe("OIDC seam", () => {
  it("is off unless all three settings are given", () => {
    expect(oidcPlugin({})).toBeNull();
    expect(oidcPlugin({ SECREQ_OIDC_DISCOVERY_URL: "https://idp.example/.well-known/openid-configuration", SECREQ_OIDC_CLIENT_ID: "x" })).toBeNull();
  });
  it("configures better-auth's generic OAuth plugin when set", () => {
    const plugin = oidcPlugin({
      SECREQ_OIDC_DISCOVERY_URL: "https://idp.example/.well-known/openid-configuration",
      SECREQ_OIDC_CLIENT_ID: "secreq",
      SECREQ_OIDC_CLIENT_SECRET: "s3cret",
    });
    expect(plugin?.id).toBe("generic-oauth");
  });
});
