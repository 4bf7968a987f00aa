import { randomUUID } from "node:crypto";
import { recordAudit, type TTx } from "../audit";
import { betterAuth, type BetterAuthPlugin } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { hashPassword, verifyPassword } from "better-auth/crypto";
import type { TDb } from "../db/client";
import { CLIENT_IP_HEADER, UNKNOWN_ADDRESS } from "../http/client-ip";
import { claimAttempt, recordFailure, recordSuccess, releaseAttempt } from "./lockout";
import { passwordProblem } from "./password-policy";
import { isRecentPassword, recordPasswordChange } from "./users";

const SIGN_IN = "/sign-in/email";
const CHANGE_PASSWORD = "/change-password";
const GET_SESSION = "/get-session";
const LIST_SESSIONS = "/list-sessions";

type TAuthOptions = {
  secret: string;
  baseURL: string;
  trustedOrigins: string[];
  plugins?: BetterAuthPlugin[];
  /** Called on every password verification (tests count them). */
  onPasswordCheck?: () => void;
};

function audit(db: TTx, entry: { agencyId: string | null; actorId: string | null; actorName: string; action: string; targetId: string; after?: unknown }) {
  return recordAudit(db, { ...entry, targetType: "user" });
}

const addressOf = (headers: Headers | undefined) => headers?.get(CLIENT_IP_HEADER) || UNKNOWN_ADDRESS;

// The session token lives in the HttpOnly cookie; JSON that scripts can read must not carry it again.
function withoutToken(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutToken);
  if (!value || typeof value !== "object") return value;
  const { token: _token, ...rest } = value as Record<string, unknown>;
  return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, k === "session" ? withoutToken(v) : v]));
}

const emailOf = (body: unknown) =>
  String((body as { email?: unknown } | undefined)?.email ?? "")
    .trim()
    .toLowerCase();

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
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 12,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
      password: {
        hash: hashPassword,
        verify: (data) => {
          options.onPasswordCheck?.();
          return verifyPassword(data);
        },
      },
    },
    session: { expiresIn: 8 * 60 * 60, updateAge: 60 * 60 },
    // Per-IP limits complement the per-account lockout below; kept in the database for every instance.
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": { window: 60, max: 30 }, "/change-password": { window: 60, max: 10 } },
    },
    user: {
      additionalFields: {
        agencyId: { type: "string", required: true, input: false },
        roles: { type: "string", required: false, input: false, defaultValue: "[]" },
        mustChangePassword: { type: "boolean", required: false, input: false, defaultValue: true },
      },
    },
    // The app sets CLIENT_IP_HEADER itself from the socket or a configured proxy header (lib/http/client-ip.ts).
    advanced: { database: { generateId: () => randomUUID() }, ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] } },
    plugins: options.plugins ?? [],
    databaseHooks: {
      session: {
        create: {
          // After the password (or the identity provider) has vouched for the user, so that an unknown
          // e-mail and a wrong password cannot tell a deactivated account from a missing one.
          before: async (session) => {
            const user = await db.user.findUnique({ where: { id: session.userId }, select: { active: true, agency: { select: { active: true } } } });
            if (!user?.active) throw new APIError("FORBIDDEN", { message: "此帳號已停用，請洽機關管理者。" });
            if (!user.agency.active) throw new APIError("FORBIDDEN", { message: "您的機關已停用 SecReq，請洽平台管理者。" });
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path === SIGN_IN) {
          const user = await db.user.findUnique({ where: { email: emailOf(ctx.body) }, select: { id: true } });
          // A locked account is refused without a password check and with the answer a wrong password
          // gets (after the same hashing work), so the lock reveals neither the account nor the password.
          if (user && !(await claimAttempt(db, user.id, addressOf(ctx.headers)))) {
            await ctx.context.password.hash(String((ctx.body as { password?: unknown } | undefined)?.password ?? ""));
            throw new APIError("UNAUTHORIZED", { code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password" });
          }
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
          const user = await db.user.findUnique({ where: { email: emailOf(ctx.body) }, select: { id: true, name: true, agencyId: true } });
          const returned = ctx.context.returned;
          if (user) {
            const address = addressOf(ctx.headers);
            if (!(returned instanceof Error)) await recordSuccess(db, user, address);
            else if (returned instanceof APIError && returned.status === "UNAUTHORIZED") await recordFailure(db, user, address);
            else await releaseAttempt(db, user.id, address);
          }
          if (!(returned instanceof Error)) return ctx.json(withoutToken(returned) as Record<string, unknown> | null);
        }
        if ((ctx.path === GET_SESSION || ctx.path === LIST_SESSIONS) && ctx.request && !(ctx.context.returned instanceof Error))
          return ctx.json(withoutToken(ctx.context.returned) as Record<string, unknown> | null);
        if (ctx.path === CHANGE_PASSWORD && !(ctx.context.returned instanceof Error)) {
          const session = ctx.context.session ?? ctx.context.newSession ?? (await getSessionFromCtx(ctx).catch(() => null));
          if (session) {
            await recordPasswordChange(db, session.user.id);
            const user = await db.user.findUnique({ where: { id: session.user.id }, select: { agencyId: true, name: true } });
            await audit(db, {
              agencyId: user?.agencyId ?? null,
              actorId: session.user.id,
              actorName: user?.name ?? "",
              action: "auth.password-changed",
              targetId: session.user.id,
            });
          }
        }
      }),
    },
  });
}

export type TAuth = ReturnType<typeof createAuth>;
