import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDb } from "@/lib/db/client";
import { createAuth, type TAuth } from "@/lib/auth/auth";
import { LOCKOUT_THRESHOLD } from "@/lib/auth/password-policy";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";
import { freshDb } from "../helpers/db";
import { createAgencyWithUsers, PASSWORD } from "../helpers/people";

const BASE = "http://127.0.0.1:3999";

describe("accounts (better-auth with the 附表十 controls)", () => {
  let db: TDb;
  let cleanup: () => Promise<void>;
  let auth: TAuth;
  let email: string;
  let officerId: string;
  beforeAll(async () => {
    ({ db, cleanup } = await freshDb());
    auth = createAuth(db, { secret: "test-secret-test-secret-test-secret", baseURL: BASE, trustedOrigins: [BASE] });
    const people = await createAgencyWithUsers(db, "鎖定測試機關");
    officerId = people.officer.id;
    email = (await db.user.findUniqueOrThrow({ where: { id: officerId } })).email;
  });
  afterAll(() => cleanup());

  // Through the HTTP handler, as a browser or script would reach it.
  const post = (path: string, body: unknown, cookie = "", address = "192.0.2.10") =>
    auth.handler(
      new Request(`${BASE}/api/auth${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE, [CLIENT_IP_HEADER]: address, ...(cookie ? { cookie } : {}) },
        body: JSON.stringify(body),
      }),
    );
  const signIn = (password: string, address?: string) => post("/sign-in/email", { email, password }, "", address);

  it("stores only a hash of the password", async () => {
    const account = await db.account.findFirstOrThrow({ where: { userId: officerId } });
    expect(account.password).not.toContain(PASSWORD);
    expect(account.password!.length).toBeGreaterThan(40);
  });

  it("locks the account for 15 minutes after 5 failed logins, even with the right password", async () => {
    // One address gets LOCKOUT_PER_SOURCE checks for the account; the rest come from a second one.
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) expect((await signIn("Wrong-Password-123", i < 3 ? "192.0.2.1" : "192.0.2.2")).status).toBe(401);
    const user = await db.user.findUniqueOrThrow({ where: { id: officerId } });
    expect(user.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    // Refused like a wrong password: the lock is not revealed to whoever does not know the password.
    const refused = await signIn(PASSWORD, "192.0.2.3");
    expect(refused.status).toBe(401);
    expect(await db.session.count({ where: { userId: officerId } })).toBe(0);
    const actions = (await db.auditEntry.findMany({ where: { targetId: officerId }, orderBy: { at: "asc" } })).map((e) => e.action);
    expect(actions.filter((a) => a === "auth.login-failed")).toHaveLength(LOCKOUT_THRESHOLD - 1);
    expect(actions).toContain("auth.locked");
  });

  it("lets the user in once the lock has passed, and resets the count", async () => {
    await db.user.update({ where: { id: officerId }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    const ok = await signIn(PASSWORD);
    expect(ok.status).toBe(200);
    const user = await db.user.findUniqueOrThrow({ where: { id: officerId } });
    expect(user.failedLogins).toBe(0);
    expect(user.lockedUntil).toBeNull();
  });

  it("refuses weak passwords and the last three passwords on change; a good change lifts the forced change", async () => {
    const login = await signIn(PASSWORD);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const change = (currentPassword: string, newPassword: string) => post("/change-password", { currentPassword, newPassword }, cookie);
    await db.user.update({ where: { id: officerId }, data: { mustChangePassword: true } });

    const weak = await change(PASSWORD, "weakpassword");
    expect(weak.status).toBe(400);
    expect(JSON.stringify(await weak.json())).toContain("密碼須包含");

    const reuse = await change(PASSWORD, PASSWORD);
    expect(reuse.status).toBe(400);
    expect(JSON.stringify(await reuse.json())).toContain("最近三次");

    expect((await change(PASSWORD, "Second#Pass-2026")).status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: officerId } })).mustChangePassword).toBe(false);
    expect((await change("Second#Pass-2026", "Third#Pass-20266")).status).toBe(200);
    // The first password is now the third most recent: still refused.
    expect((await change("Third#Pass-20266", PASSWORD)).status).toBe(400);
    expect((await change("Third#Pass-20266", "Fourth#Pass-2026")).status).toBe(200);
    // Four changes on, the first one may come back.
    expect((await change("Fourth#Pass-2026", PASSWORD)).status).toBe(200);
  });

  it("sign-up is closed: accounts are created by agency admins", async () => {
    const r = await post("/sign-up/email", { email: "new@x.tw", password: "Some#Pass-20266", name: "x" });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(await db.user.findUnique({ where: { email: "new@x.tw" } })).toBeNull();
  });
});
