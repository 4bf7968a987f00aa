import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TDb } from "@/lib/db/client";
import { createAuth, type TAuth } from "@/lib/auth/auth";
import { formSignIn, SIGN_IN_FAILED, SIGN_IN_LIMITED } from "@/lib/auth/form-sign-in";
import { lockedAccounts, recordSuccess } from "@/lib/auth/lockout";
import { LOCKOUT_PER_SOURCE, LOCKOUT_THRESHOLD } from "@/lib/auth/password-policy";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";
import { freshDb } from "../helpers/db";
import { createAgencyWithUsers, PASSWORD } from "../helpers/people";

const BASE = "http://127.0.0.1:3999";
const WRONG = "Wrong-Password-123";

// Generous: each check is a scrypt hash, and CI shares two cores.
describe("the lockout under parallel guessing (issue 19.1, 19.6b)", { timeout: 120_000 }, () => {
  let db: TDb;
  let cleanup: () => Promise<void>;
  let auth: TAuth;
  let checks = 0;
  let user: { id: string; email: string; name: string; agencyId: string };
  let agencyId: string;
  beforeAll(async () => {
    ({ db, cleanup } = await freshDb());
    auth = createAuth(db, { secret: "test-secret-test-secret-test-secret", baseURL: BASE, trustedOrigins: [BASE], onPasswordCheck: () => void checks++ });
    const people = await createAgencyWithUsers(db, "並行鎖定機關");
    agencyId = people.agencyId;
    user = await db.user.findUniqueOrThrow({ where: { id: people.officer.id }, select: { id: true, email: true, name: true, agencyId: true } });
  });
  afterAll(() => cleanup());
  beforeEach(async () => {
    checks = 0;
    await db.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null, active: true } });
    await db.loginThrottle.deleteMany({});
    await db.rateLimit.deleteMany({});
  });

  const post = (body: unknown, address: string) =>
    auth.handler(
      new Request(`${BASE}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE, [CLIENT_IP_HEADER]: address },
        body: JSON.stringify(body),
      }),
    );
  const headersFrom = (address: string) => new Headers({ origin: BASE, [CLIENT_IP_HEADER]: address });
  // Every checked wrong password writes one entry (auth.login-failed, or auth.locked for the one that
  // locks): a count of checks that does not depend on the onPasswordCheck hook.
  const failuresAudited = () => db.auditEntry.count({ where: { targetId: user.id, action: { in: ["auth.login-failed", "auth.locked"] } } });
  const locked = async () => ((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil?.getTime() ?? 0) > Date.now();

  it("20 parallel wrong passwords over HTTP from many addresses: at most 5 are checked, and the account is locked", async () => {
    const audited = await failuresAudited();
    const rs = await Promise.all(Array.from({ length: 20 }, (_, i) => post({ email: user.email, password: WRONG }, `10.0.0.${i + 1}`)));
    expect(rs.every((r) => r.status === 401)).toBe(true);
    expect(checks).toBeLessThanOrEqual(LOCKOUT_THRESHOLD);
    expect((await failuresAudited()) - audited).toBeLessThanOrEqual(LOCKOUT_THRESHOLD);
    expect(await locked()).toBe(true);
    checks = 0;
    const right = await post({ email: user.email, password: PASSWORD }, "10.0.1.1");
    expect(right.status).toBe(401);
    expect(checks).toBe(0);
  });

  it("20 parallel attempts through the login form's path: at most 5 checked", async () => {
    const audited = await failuresAudited();
    const rs = await Promise.all(
      Array.from({ length: 20 }, (_, i) => formSignIn(auth, db, { email: user.email, password: WRONG }, headersFrom(`10.1.0.${i + 1}`))),
    );
    expect(rs.every((r) => r.message === SIGN_IN_FAILED || r.message === SIGN_IN_LIMITED)).toBe(true);
    expect(checks).toBeLessThanOrEqual(LOCKOUT_THRESHOLD);
    expect((await failuresAudited()) - audited).toBeLessThanOrEqual(LOCKOUT_THRESHOLD);
    checks = 0;
    expect((await formSignIn(auth, db, { email: user.email, password: PASSWORD }, headersFrom("10.1.1.1"))).message).not.toBeNull();
    expect(checks).toBe(0);
  });

  it("a right password in the same burst does not clear a lock, and a success never lifts a running lock", async () => {
    const audited = await failuresAudited();
    const attempts = Array.from({ length: 20 }, (_, i) => post({ email: user.email, password: i === 0 ? PASSWORD : WRONG }, `10.2.0.${i + 1}`));
    await Promise.all(attempts);
    expect(checks).toBeLessThanOrEqual(LOCKOUT_THRESHOLD);
    expect((await failuresAudited()) - audited).toBeLessThanOrEqual(LOCKOUT_THRESHOLD);
    const until = new Date(Date.now() + 10 * 60_000);
    await db.user.update({ where: { id: user.id }, data: { lockedUntil: until } });
    await recordSuccess(db, user, "10.2.1.1");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil?.getTime()).toBe(until.getTime());
  });

  it("one address gets 3 checks for an account; the account is open from elsewhere until 5 failures in all", async () => {
    const fromA = await Promise.all(Array.from({ length: 10 }, () => post({ email: user.email, password: WRONG }, "192.0.2.1")));
    expect(fromA.every((r) => r.status === 401)).toBe(true);
    expect(checks).toBe(LOCKOUT_PER_SOURCE);
    expect(await locked()).toBe(false);
    // The user, from their own address, still gets in; the count starts again.
    expect((await post({ email: user.email, password: PASSWORD }, "198.51.100.7")).status).toBe(200);
    checks = 0;
    // Two addresses together reach the account-wide lock.
    for (const address of ["192.0.2.2", "192.0.2.3"]) for (let i = 0; i < 3; i++) await post({ email: user.email, password: WRONG }, address);
    expect(checks).toBe(LOCKOUT_THRESHOLD);
    expect(await locked()).toBe(true);
    const entries = await db.auditEntry.findMany({ where: { targetId: user.id, action: "auth.locked" } });
    expect(entries.length).toBeGreaterThan(0);
    expect((await lockedAccounts(db, agencyId)).map((u) => u.id)).toContain(user.id);
  });

  it("a locked or deactivated account answers like a wrong password until the password is right", async () => {
    const unknown = await post({ email: "nobody@test.secreq.tw", password: WRONG }, "203.0.113.1");
    const unknownBody = await unknown.json();
    await db.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() + 60_000) } });
    const lockedAnswer = await post({ email: user.email, password: WRONG }, "203.0.113.2");
    expect(lockedAnswer.status).toBe(unknown.status);
    expect(await lockedAnswer.json()).toEqual(unknownBody);
    await db.user.update({ where: { id: user.id }, data: { lockedUntil: null, active: false } });
    const wrong = await post({ email: user.email, password: WRONG }, "203.0.113.3");
    expect(wrong.status).toBe(unknown.status);
    expect(await wrong.json()).toEqual(unknownBody);
    const sessionsBefore = await db.session.count({ where: { userId: user.id } });
    const right = await post({ email: user.email, password: PASSWORD }, "203.0.113.4");
    expect(right.status).toBe(403);
    expect(JSON.stringify(await right.json())).toContain("此帳號已停用");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(sessionsBefore);
    await db.user.update({ where: { id: user.id }, data: { active: true } });
  });

  it("the login form is limited per address and per e-mail, in the database; forged addresses do not multiply the per-e-mail limit", async () => {
    const perAddress = [];
    for (let i = 0; i < 35; i++)
      perAddress.push((await formSignIn(auth, db, { email: `nobody${i}@test.secreq.tw`, password: WRONG }, headersFrom("198.51.100.9"))).message);
    expect(perAddress.filter((m) => m === SIGN_IN_LIMITED).length).toBe(5);
    const perEmail = await Promise.all(
      Array.from({ length: 15 }, (_, i) => formSignIn(auth, db, { email: "ghost@test.secreq.tw", password: WRONG }, headersFrom(`198.18.0.${i + 1}`))),
    );
    expect(perEmail.filter((r) => r.message === SIGN_IN_LIMITED).length).toBe(5);
    expect(await db.rateLimit.count({ where: { key: { startsWith: "form-sign-in:" } } })).toBeGreaterThan(0);
  });

  it("keeps the session token out of the JSON: sign-in, get-session and list-sessions", async () => {
    const r = await post({ email: user.email, password: PASSWORD }, "203.0.113.9");
    expect(r.status).toBe(200);
    const body = (await r.json()) as Record<string, unknown>;
    expect(body).not.toHaveProperty("token");
    expect(body.user).toBeTruthy();
    const cookie = r.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    expect(r.headers.getSetCookie().join(";")).toMatch(/HttpOnly/i);
    const token = (await db.session.findFirstOrThrow({ where: { userId: user.id }, orderBy: { createdAt: "desc" } })).token;
    for (const path of ["/get-session", "/list-sessions"]) {
      const g = await auth.handler(new Request(`${BASE}/api/auth${path}`, { headers: { cookie, origin: BASE } }));
      expect(g.status).toBe(200);
      const text = await g.text();
      expect(text).toContain(user.id);
      expect(text).not.toContain(token);
      expect(text).not.toContain('"token"');
    }
  });
});
