import { genericOAuth } from "better-auth/plugins";
import type { BetterAuthPlugin } from "better-auth";

/**
 * The seam for an agency's own identity provider (OIDC), off by default. Set all of
 * SECREQ_OIDC_DISCOVERY_URL, SECREQ_OIDC_CLIENT_ID and SECREQ_OIDC_CLIENT_SECRET to enable it.
 * Accounts are still created by the agency admin: a provider login only signs in an existing user
 * with the same e-mail (no implicit sign-up), so agency membership and roles stay in SecReq.
 */
export function oidcPlugin(env: Record<string, string | undefined> = process.env): BetterAuthPlugin | null {
  const discoveryUrl = env.SECREQ_OIDC_DISCOVERY_URL?.trim();
  const clientId = env.SECREQ_OIDC_CLIENT_ID?.trim();
  const clientSecret = env.SECREQ_OIDC_CLIENT_SECRET?.trim();
  if (!discoveryUrl || !clientId || !clientSecret) return null;
  return genericOAuth({
    config: [
      {
        providerId: "agency-oidc",
        discoveryUrl,
        clientId,
        clientSecret,
        scopes: ["openid", "email", "profile"],
        pkce: true,
        disableImplicitSignUp: true,
      },
    ],
  });
}
