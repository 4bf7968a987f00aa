import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/lib/setup";
import type { TDb } from "@/lib/db/client";
import { dropPgDatabase } from "@/lib/db/migrate";
import { createCase, getCase } from "@/lib/cases/store";
import { emptyAnswers } from "@/lib/cases/answers";
import { LOCKOUT_THRESHOLD } from "@/lib/auth/password-policy";
import { TEST_PG_SERVER } from "../helpers/db";
import { createAgencyWithUsers, PASSWORD } from "../helpers/people";
import type { TActor } from "@/lib/auth/roles";

// The built app started twice (ports 3301 and 3302; the other engineer's servers use 3000 and 3100) on one
// PostgreSQL database, as behind a load balancer. Requests go to one or the other over HTTP.
const PORTS = [3301, 3302] as const;
const url = `${TEST_PG_SERVER.replace(/\/+$/, "")}/secreq_instances_${process.pid}`;
const base = (port: number) => `http://127.0.0.1:${port}`;
const servers: ChildProcess[] = [];
let db: TDb;
let officer: TActor;
let email: string;

async function waitUp(port: number, server: ChildProcess) {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`next start -p ${port} exited with ${server.exitCode}`);
    const ok = await fetch(`${base(port)}/api/v1/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`next start -p ${port} did not answer`);
}

beforeAll(async () => {
  await dropPgDatabase(url);
  db = await prepareDatabase(url);
  ({ officer } = await createAgencyWithUsers(db, "雙實例測試機關"));
  email = (await db.user.findUniqueOrThrow({ where: { id: officer.id } })).email;
  for (const port of PORTS) {
    const server = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        BETTER_AUTH_SECRET: "two-instances-secret-two-instances-secret",
        BETTER_AUTH_URL: base(port),
        NODE_ENV: "production",
        SECREQ_CLIENT_IP_HEADER: "x-forwarded-for",
      },
      stdio: "ignore",
    });
    servers.push(server);
  }
  await Promise.all(PORTS.map((p, i) => waitUp(p, servers[i]!)));
});

afterAll(async () => {
  for (const s of servers) s.kill("SIGTERM");
  await Promise.all(servers.map((s) => (s.exitCode !== null ? null : new Promise((r) => s.once("exit", r)))));
  await db?.$disconnect();
  await dropPgDatabase(url);
});

// The instances believe X-Forwarded-For, as behind the load balancer the README describes.
const signIn = (port: number, password: string, address = "192.0.2.100") =>
  fetch(`${base(port)}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base(port), "x-forwarded-for": address },
    body: JSON.stringify({ email, password }),
  });
const cookieOf = (r: Response) =>
  r.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

/** The server action's id from the build (what the browser sends in the Next-Action header). */
function actionId(name: string): string {
  const manifest = JSON.parse(readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const hit = Object.entries(manifest.node).find(([, v]) => v.exportedName === name && (v.filename ?? "").includes("cases/actions"));
  if (!hit) throw new Error(`server action ${name} not in the build`);
  return hit[0];
}

/** Calls saveAnswersAction through one instance, as the wizard page does; the action's JSON result. */
async function saveThrough(port: number, cookie: string, caseId: string, values: unknown, base_: unknown) {
  const r = await fetch(`${base(port)}/cases/${caseId}/case`, {
    method: "POST",
    headers: {
      "next-action": actionId("saveAnswersAction"),
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: base(port),
      cookie,
    },
    body: JSON.stringify([caseId, "case", values, base_]),
  });
  const text = await r.text();
  // The RSC answer: one line per chunk; the action's result is the chunk that carries "ok".
  const line = text.split("\n").find((l) => /"ok":(true|false)/.test(l));
  if (!line) throw new Error(`unexpected answer ${r.status}: ${text.slice(0, 300)}`);
  return JSON.parse(line.slice(line.indexOf(":") + 1)) as { ok: boolean; code?: string; message?: string; current?: { caseName?: string } };
}

describe("two app instances on one PostgreSQL database", () => {
  let cookie: string;

  it("a login on instance A is a valid session on instance B", async () => {
    const r = await signIn(PORTS[0], PASSWORD);
    expect(r.status).toBe(200);
    cookie = cookieOf(r);
    const s = await fetch(`${base(PORTS[1])}/api/auth/get-session`, { headers: { cookie } });
    expect(((await s.json()) as { user?: { email: string } } | null)?.user?.email).toBe(email);
  });

  it("two concurrent saves of the same step through A and B: one success, one conflict naming the winner's value, nothing lost", async () => {
    for (let round = 0; round < 3; round++) {
      const id = await createCase(db, officer);
      const empty = emptyAnswers().case;
      const values = PORTS.map((p) => ({ ...empty, caseName: `經由 ${p} 儲存 ${round}` }));
      const results = await Promise.all(PORTS.map((p, i) => saveThrough(p, cookie, id, values[i], empty)));
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const conflict = results.find((r) => !r.ok)!;
      expect(conflict.code).toBe("conflict");
      expect(conflict.message).toMatch(/修改這個步驟/);
      const winner = values[results.findIndex((r) => r.ok)]!;
      expect(conflict.current?.caseName).toBe(winner.caseName);
      expect((await getCase(db, id))!.answers.case.caseName).toBe(winner.caseName);
      expect(await db.auditEntry.count({ where: { targetId: id, action: "case.answers" } })).toBe(1);
    }
  });

  it("failed logins on A and B add up and lock the account on both", async () => {
    // From two addresses: one address alone is held back after 3 (SECURITY.md, "Sign-in").
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++) expect((await signIn(PORTS[i % 2]!, "Wrong-Password-2026", `192.0.2.${i < 3 ? 1 : 2}`)).status).toBe(401);
    expect((await db.user.findUniqueOrThrow({ where: { id: officer.id } })).lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    for (const port of PORTS) {
      // Refused like a wrong password, and no session.
      const r = await signIn(port, PASSWORD, "192.0.2.3");
      expect(r.status).toBe(401);
      expect(r.headers.getSetCookie().join(";")).not.toMatch(/session_token=[^;]+/);
    }
  });
});
