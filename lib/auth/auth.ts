import { randomUUID } from "node:crypto";
import { recordAudit, type TTx } from "../audit";
import { betterAuth, type BetterAuthPlugin } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import type { TDb } from "../db/client";
import { LOCKOUT_MINUTES, LOCKOUT_THRESHOLD, passwordProblem } from "./password-policy";
import { isRecentPassword, recordPasswordChange } from "./users";
import { taipeiTime } from "../time";

const SIGN_IN = "/sign-in/email";
const CHANGE_PASSWORD = "/change-password";

type TAuthOptions = { secret: string; baseURL: string; trustedOrigins: string[]; plugins?: BetterAuthPlugin[] };

function audit(db: TTx, entry: { agencyId: string | null; actorId: string | null; actorName: string; action: string; targetId: string; after?: unknown }) {
  return recordAudit(db, { ...entry, targetType: "user" });
}

const emailOf = (body: unknown) => String((body as { email?: unknown } | undefined)?.email ?? "").trim().toLowerCase();

/**
 * better-auth on the app's database. Sessions live in the database (several instances share them);
 * lockout counters too. Sign-up is closed: agency admins create accounts.
 */
export function createAuth(db: TDb, options: TAuthOptions) {
  return betterAuth({
    secret: options.secret,
    baseURL: options.baseURL,
    trustedOrigins: options.trustedOrigins,
    // "sqlite" on PostgreSQL too: the schema stores text (no native arrays or UUIDs) on both providers,
    // and e-mails are compared lower-cased, so the adapter's sqlite behaviour is the portable one.
    database: prismaAdapter(db, { provider: "sqlite" }),
    // Names, e-mails and accounts are the agency admin's to change: the name is what decisions, reviews
    // and audit entries carry, so users may not rename themselves through better-auth's own endpoints.
    disabledPaths: ["/update-user", "/change-email", "/delete-user"],
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 128, revokeSessionsOnPasswordReset: true },
    session: { expiresIn: 8 * 60 * 60, updateAge: 60 * 60 },
    // Per-IP limits complement the per-account lockout below; kept in the database for every instance.
    rateLimit: { enabled: true, storage: "database", window: 60, max: 100, customRules: { "/sign-in/email": { window: 60, max: 30 }, "/change-password": { window: 60, max: 10 } } },
    user: {
      additionalFields: {
        agencyId: { type: "string", required: true, input: false },
        roles: { type: "string", required: false, input: false, defaultValue: "[]" },
        mustChangePassword: { type: "boolean", required: false, input: false, defaultValue: true },
      },
    },
    advanced: { database: { generateId: () => randomUUID() } },
    plugins: options.plugins ?? [],
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === SIGN_IN) {
          const user = await db.user.findUnique({ where: { email: emailOf(ctx.body) }, select: { lockedUntil: true, active: true } });
          if (user && !user.active) throw new APIError("FORBIDDEN", { message: "此帳號已停用，請洽機關管理者。" });
          if (user?.lockedUntil && user.lockedUntil > new Date())
            throw new APIError("FORBIDDEN", {
              message: `登入失敗次數過多，帳號已鎖定至 ${taipeiTime(user.lockedUntil, "time")}，請稍後再試。`,
            });
        }
        if (ctx.path === CHANGE_PASSWORD) {
          const body = ctx.body as { newPassword?: string } | undefined;
          const session = await getSessionFromCtx(ctx).catch(() => null);
          const newPassword = body?.newPassword ?? "";
          const problem = passwordProblem(newPassword, { email: session?.user.email });
          if (problem) throw new APIError("BAD_REQUEST", { message: problem });
          if (session && (await isRecentPassword(db, session.user.id, newPassword)))
            throw new APIError("BAD_REQUEST", { message: "新密碼不可與最近三次使用過的密碼相同" });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path === SIGN_IN) {
          const user = await db.user.findUnique({ where: { email: emailOf(ctx.body) }, select: { id: true, name: true, agencyId: true, failedLogins: true } });
          if (!user) return; // unknown email: nothing to count, and nothing to reveal
          const failed = ctx.context.returned instanceof APIError || ctx.context.returned instanceof Error;
          if (failed) {
            const wasLocked = (ctx.context.returned as APIError).status === "FORBIDDEN";
            if (wasLocked) return;
            // Counted in the database so that every app instance sees the same count; the count, the
            // lock and their audit entry are one transaction.
            await db.$transaction(async (tx) => {
              const updated = await tx.user.update({ where: { id: user.id }, data: { failedLogins: { increment: 1 } }, select: { failedLogins: true } });
              if (updated.failedLogins >= LOCKOUT_THRESHOLD) {
                const until = new Date(Date.now() + LOCKOUT_MINUTES * 60_000);
                await tx.user.update({ where: { id: user.id }, data: { lockedUntil: until, failedLogins: 0 } });
                await audit(tx, { agencyId: user.agencyId, actorId: null, actorName: user.name, action: "auth.locked", targetId: user.id, after: { lockedUntil: until.toISOString() } });
              } else
                await audit(tx, { agencyId: user.agencyId, actorId: null, actorName: user.name, action: "auth.login-failed", targetId: user.id, after: { failedLogins: updated.failedLogins } });
            });
          } else {
            await db.$transaction(async (tx) => {
              await tx.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
              await audit(tx, { agencyId: user.agencyId, actorId: user.id, actorName: user.name, action: "auth.login", targetId: user.id });
            });
          }
        }
        if (ctx.path === CHANGE_PASSWORD && !(ctx.context.returned instanceof Error)) {
          const session = ctx.context.session ?? ctx.context.newSession ?? (await getSessionFromCtx(ctx).catch(() => null));
          if (session) {
            await recordPasswordChange(db, session.user.id);
            const user = await db.user.findUnique({ where: { id: session.user.id }, select: { agencyId: true, name: true } });
            await audit(db, { agencyId: user?.agencyId ?? null, actorId: session.user.id, actorName: user?.name ?? "", action: "auth.password-changed", targetId: session.user.id });
          }
        }
      }),
    },
  });
}

export type TAuth = ReturnType<typeof createAuth>;
