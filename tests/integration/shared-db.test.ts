import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type TDb } from "@/lib/db/client";
import { createAuth, type TAuth } from "@/lib/auth/auth";
import { LOCKOUT_THRESHOLD } from "@/lib/auth/password-policy";
import { createCase, getCase, saveAnswers, ConflictError } from "@/lib/cases/store";
import { emptyAnswers } from "@/lib/cases/answers";
import type { TActor } from "@/lib/auth/roles";
import { CLIENT_IP_HEADER } from "@/lib/http/client-ip";
import { freshDb, TEST_DB } from "../helpers/db";
import { createAgencyWithUsers, PASSWORD } from "../helpers/people";

// Two app instances on one database, as behind a load balancer: each has its own client (its own
// connections) and its own better-auth; nothing may depend on one process's memory. PostgreSQL only:
// SQLite is the one-machine, one-instance database (the pass with SECREQ_TEST_DB=postgres runs this).
const BASE = "http://127.0.0.1:3998";

describe.runIf(TEST_DB === "postgres")("two instances sharing one PostgreSQL database", () => {
  let a: TDb;
  let b: TDb;
  let authA: TAuth;
  let authB: TAuth;
  let officer: TActor;
  let email: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    let url: string;
    ({ db: a, url, cleanup } = await freshDb());
    b = createDb(url);
    const options = { secret: "shared-secret-shared-secret-shared-secret", baseURL: BASE, trustedOrigins: [BASE] };
    authA = createAuth(a, options);
    authB = createAuth(b, options);
    ({ officer } = await createAgencyWithUsers(a, "共用資料庫測試機關"));
    email = (await a.user.findUniqueOrThrow({ where: { id: officer.id } })).email;
  });
  afterAll(async () => {
    await b.$disconnect();
    await cleanup();
  });

  const signIn = (auth: TAuth, password: string, address = "192.0.2.1") =>
    auth.handler(
      new Request(`${BASE}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: BASE, [CLIENT_IP_HEADER]: address },
        body: JSON.stringify({ email, password }),
      }),
    );
  const session = async (auth: TAuth, cookie: string) => {
    const r = await auth.handler(new Request(`${BASE}/api/auth/get-session`, { headers: { cookie, origin: BASE } }));
    return (await r.json()) as { user?: { email: string } } | null;
  };

  it("a login on one instance is a valid session on the other", async () => {
    const r = await signIn(authA, PASSWORD);
    expect(r.status).toBe(200);
    const cookie = r.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    expect((await session(authB, cookie))?.user?.email).toBe(email);
    expect(await session(authB, "better-auth.session_token=forged")).toBeNull();
  });

  it("failed logins on both instances, even at the same moment, add up and lock the account", async () => {
    const failures = await Promise.all(
      Array.from({ length: LOCKOUT_THRESHOLD }, (_, i) => signIn(i % 2 ? authB : authA, "Wrong-Password-2026", `192.0.2.${10 + i}`)),
    );
    expect(failures.map((r) => r.status).every((s) => s === 401)).toBe(true);
    const user = await b.user.findUniqueOrThrow({ where: { id: officer.id } });
    expect(user.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await a.auditEntry.count({ where: { targetId: officer.id, action: "auth.locked" } })).toBe(1);
    expect(await a.auditEntry.count({ where: { targetId: officer.id, action: "auth.login-failed" } })).toBe(LOCKOUT_THRESHOLD - 1);
    // The right password on either instance is now refused (answered like a wrong one).
    expect((await signIn(authA, PASSWORD)).status).toBe(401);
    expect((await signIn(authB, PASSWORD)).status).toBe(401);
  });

  it("two concurrent saves of the same step through different instances: one succeeds, one is a clear conflict, nothing is lost", async () => {
    for (let round = 0; round < 5; round++) {
      const id = await createCase(a, officer);
      const base = emptyAnswers().case;
      const mine = { ...base, caseName: `甲實例儲存 ${round}` };
      const theirs = { ...base, caseName: `乙實例儲存 ${round}` };
      const [ra, rb] = await Promise.allSettled([saveAnswers(a, id, "case", mine, officer, base), saveAnswers(b, id, "case", theirs, officer, base)]);
      const outcomes = [ra, rb];
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
      expect(refused.reason).toBeInstanceOf(ConflictError);
      const won = ra.status === "fulfilled" ? mine : theirs;
      // The conflict shows the refused officer what the other one saved.
      expect((refused.reason as ConflictError).current).toMatchObject({ caseName: won.caseName });
      const stored = (await getCase(b, id))!;
      expect(stored.answers.case.caseName).toBe(won.caseName);
      expect(stored.lockVersion).toBe(1);
      expect(await a.auditEntry.count({ where: { targetId: id, action: "case.answers" } })).toBe(1);
    }
  });

  it("concurrent saves of different steps through different instances both land", async () => {
    const id = await createCase(a, officer);
    const empty = emptyAnswers();
    await Promise.all([
      saveAnswers(a, id, "case", { ...empty.case, caseName: "並行步驟一" }, officer, empty.case),
      saveAnswers(b, id, "facts", { ...empty.facts, riskLevel: "並行步驟二" }, officer, empty.facts),
    ]);
    const stored = (await getCase(a, id))!;
    expect(stored.answers.case.caseName).toBe("並行步驟一");
    expect(stored.answers.facts.riskLevel).toBe("並行步驟二");
    expect(stored.lockVersion).toBe(2);
  });
});
