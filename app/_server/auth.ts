import { cache } from "react";
import "@/lib/validation/zh-tw"; // zh-TW zod messages wherever the session is read (pages, actions, routes)
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { nextCookies } from "better-auth/next-js";
import { db } from "@/lib/db/client";
import { createAuth, type TAuth } from "@/lib/auth/auth";
import { authSecret } from "@/lib/auth/secret";
import { parseRoles, type TActor, type TRole } from "@/lib/auth/roles";
import { idleState } from "@/lib/auth/idle";
import { oidcPlugin } from "@/lib/auth/oidc";
import { trustedOrigins } from "@/lib/auth/origins";
import { clientAddress, withClientAddress } from "@/lib/http/client-ip";

// Next-specific glue around lib/auth: the auth instance (with cookie handling for server actions)
// and the current user, with the agency's idle timeout enforced on every request.

let instance: TAuth | undefined;
export function auth(): TAuth {
  const baseURL = process.env.BETTER_AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const oidc = oidcPlugin();
  instance ??= createAuth(db(), {
    secret: authSecret(),
    baseURL,
    trustedOrigins: trustedOrigins(baseURL, process.env),
    plugins: [...(oidc ? [oidc] : []), nextCookies()],
  });
  return instance;
}

/** The client's address as this deployment may believe it (lib/http/client-ip.ts, instrumentation.ts). */
export function requestAddress(h: { get(name: string): string | null }): string {
  const peerToken = (globalThis as { __secreqPeerToken?: string }).__secreqPeerToken;
  return clientAddress(h, { proxyHeader: process.env.SECREQ_CLIENT_IP_HEADER?.trim().toLowerCase() || undefined, peerToken });
}

/** This request's headers for better-auth, with the trusted client address. */
export async function trustedHeaders(): Promise<Headers> {
  const h = await headers();
  return withClientAddress(new Headers(h), requestAddress(h));
}

export type TCurrentUser = TActor & { email: string; agencyName: string; idleTimeoutMinutes: number; mustChangePassword: boolean };
export type TSessionState = { user: TCurrentUser } | { user: null; reason: "none" | "idle" };

// Once per request: the layout and the page both ask (React's cache() is per server request).
export const sessionState = cache(async function sessionState(): Promise<TSessionState> {
  const h = await headers();
  const session = await auth()
    .api.getSession({ headers: h })
    .catch(() => null);
  if (!session) return { user: null, reason: "none" };
  const row = await db().session.findUnique({ where: { id: session.session.id }, select: { lastActiveAt: true } });
  const user = await db().user.findUnique({ where: { id: session.user.id }, include: { agency: true } });
  if (!row || !user || !user.active || !user.agency.active) return { user: null, reason: "none" };
  const state = idleState(row.lastActiveAt, user.agency.idleTimeoutMinutes, new Date());
  if (state === "expired") {
    await db()
      .session.delete({ where: { id: session.session.id } })
      .catch(() => {});
    return { user: null, reason: "idle" };
  }
  if (state === "touch")
    await db()
      .session.update({ where: { id: session.session.id }, data: { lastActiveAt: new Date() } })
      .catch(() => {});
  return {
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      agencyId: user.agencyId,
      agencyName: user.agency.name,
      roles: parseRoles(user.roles),
      idleTimeoutMinutes: user.agency.idleTimeoutMinutes,
      mustChangePassword: user.mustChangePassword,
    },
  };
});

/** For pages: the signed-in user, or a redirect to the login page (or to the forced password change). */
/**
 * A 廠商代表 (vendor) is an outsider: it passes only where the page, action or route names the vendor role
 * (its own pages) or on the password page; every agency page that asks just for "a session" refuses it.
 */
export const vendorAdmitted = (user: { roles: readonly TRole[] }, opts: { roles?: readonly TRole[]; allowPasswordChange?: boolean; vendorToo?: boolean }) =>
  !user.roles.includes("vendor") || !!opts.roles?.includes("vendor") || !!opts.allowPasswordChange || !!opts.vendorToo;

/** `vendorToo`: a page every account has (its own notifications and account), the vendor's included. */
export async function requireUser(opts: { roles?: TRole[]; allowPasswordChange?: boolean; vendorToo?: boolean } = {}): Promise<TCurrentUser> {
  const state = await sessionState();
  if (!state.user) redirect(state.reason === "idle" ? "/login?reason=idle" : "/login");
  if (state.user.mustChangePassword && !opts.allowPasswordChange) redirect("/account/password");
  if (opts.roles && !opts.roles.some((r) => state.user!.roles.includes(r))) redirect("/forbidden");
  if (!vendorAdmitted(state.user, opts)) redirect("/forbidden");
  return state.user;
}
