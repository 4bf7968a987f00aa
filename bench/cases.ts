// `npm run -s bench:cases [-- --cases 10000 --agencies 50 --users 20 --duration 10 --think 0 --only sqlite|postgres]`
// The case list and a case page under 20 concurrent signed-in users, on SQLite and on PostgreSQL, with one
// and with two `next start` instances (requests alternate between them, as behind a load balancer).
// Prints p50/p95 latency and throughput; not a test. Uses the existing .next build (see bench/server.ts).
// Only 127.0.0.1 traffic; the servers and the temporary databases are removed at the end.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { prepareDatabase } from "../lib/setup";
import { createUser } from "../lib/auth/users";
import { emptyAnswers } from "../lib/cases/answers";
import { newestPublished } from "../lib/catalogue/store";
import { dropPgDatabase } from "../lib/db/migrate";
import type { TDb } from "../lib/db/client";
import { load, signIn } from "./harness";
import { ensureBuild, startNext, type TServer } from "./server";

const { values } = parseArgs({
  options: {
    cases: { type: "string", default: "10000" },
    agencies: { type: "string", default: "50" },
    users: { type: "string", default: "20" },
    duration: { type: "string", default: "10" },
    /** Mean pause of each user between requests (ms; 0 = back to back, the worst case). */
    think: { type: "string", default: "0" },
    warmup: { type: "string", default: "2" },
    only: { type: "string" },
    "pg-server": { type: "string", default: process.env.SECREQ_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432" },
  },
  strict: true,
});
const CASES = Number(values.cases);
const AGENCIES = Number(values.agencies);
const USERS = Number(values.users);
const DURATION = Number(values.duration) * 1000;
const THINK = Number(values.think);
const WARMUP = Number(values.warmup) * 1000;
const PASSWORD = "Bench-Password-2026";
const print = (line: string) => console.log(line);

type TUser = { email: string; agencyId: string; cases: string[] };

/** Agencies with one officer each and CASES cases spread over them (updatedAt spread over a year). */
async function seed(db: TDb): Promise<TUser[]> {
  const version = (await newestPublished(db))!;
  const answers = JSON.stringify(emptyAnswers());
  const users: TUser[] = [];
  const statuses = ["draft", "draft", "submitted", "returned", "approved"];
  for (let a = 0; a < AGENCIES; a++) {
    const agencyId = randomUUID();
    await db.agency.create({ data: { id: agencyId, name: `效能測試機關 ${a + 1}` } });
    const email = `officer${a + 1}@bench.secreq.tw`;
    const userId = await createUser(db, { agencyId, email, name: `承辦人 ${a + 1}`, roles: ["officer"], password: PASSWORD, mustChangePassword: false });
    const rows = Array.from({ length: Math.ceil(CASES / AGENCIES) }, (_, i) => {
      const id = randomUUID();
      return {
        id,
        agencyId,
        createdById: userId,
        caseGroupId: id,
        status: statuses[i % statuses.length]!,
        catalogueVersionId: version,
        title: `第 ${a + 1} 機關採購案 ${i + 1}`,
        answers,
        updatedAt: new Date(Date.now() - i * 3_600_000),
      };
    });
    for (let i = 0; i < rows.length; i += 500) await db.case.createMany({ data: rows.slice(i, i + 500) });
    users.push({ email, agencyId, cases: rows.map((r) => r.id) });
  }
  return users;
}

type TSession = { cookie: string; user: TUser };

const ROUTES = {
  // Pages 1–5 of the agency's 200 cases (20 a page), every other request filtered by status.
  list: {
    label: "案件列表 /cases（每機關 200 案，分頁、篩選）",
    path: (_s: TSession, n: number) => `/cases?page=${(n % 5) + 1}${n % 2 ? "&status=draft" : ""}`,
  },
  page: { label: "案件頁 /cases/<id>/agency            ", path: (s: TSession, n: number) => `/cases/${s.user.cases[(n * 7) % s.user.cases.length]}/agency` },
} as const;

async function benchProvider(name: string, url: string, cleanup: () => Promise<void>) {
  print(
    `\n== ${name}：${CASES.toLocaleString("en-US")} 案／${AGENCIES} 機關，${USERS} 位同時使用者${THINK ? `（每次點擊間平均停 ${THINK} ms）` : "（連續送出，無停頓）"} ==`,
  );
  const db = await prepareDatabase(url);
  const t = Date.now();
  const users = await seed(db);
  print(`  建立資料 ${((Date.now() - t) / 1000).toFixed(1)} 秒`);
  await db.$disconnect();
  const results: Record<string, number> = {};
  const sessions: TSession[] = [];
  try {
    for (const instances of [1, 2]) {
      const servers: TServer[] = [];
      try {
        for (let i = 0; i < instances; i++) servers.push(await startNext(url, { timeoutMs: 60_000 }));
        // Signed in once per database (sessions live there; sign-ins are rate-limited per address).
        if (!sessions.length) for (const user of users.slice(0, USERS)) sessions.push({ cookie: await signIn(servers[0]!, user.email, PASSWORD), user });
        for (const [key, route] of Object.entries(ROUTES)) {
          const cookies = sessions.map((s) => s.cookie);
          const pathOf = (user: number, n: number) => route.path(sessions[user]!, n);
          await load(servers, cookies, pathOf, WARMUP, THINK);
          const r = await load(servers, cookies, pathOf, DURATION, THINK);
          results[`${key}${instances}`] = r.rps;
          print(
            `  ${instances} 個實例  ${route.label}  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  ${r.rps.toFixed(1)} 次/秒` +
              (r.errors ? `  ⚠ ${r.errors} 次失敗` : "") +
              (key === "list" ? `  ${r.p95 <= 100 ? "（p95 ≤ 100 ms 達標）" : "（p95 > 100 ms 未達標）"}` : ""),
          );
        }
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
      }
    }
    for (const key of Object.keys(ROUTES))
      print(`  兩個實例／一個實例的吞吐量（${key}）：${(results[`${key}2`]! / results[`${key}1`]!).toFixed(2)}×（目標 ≥ 1.6×，PostgreSQL）`);
  } finally {
    await cleanup();
  }
}

print(
  `SecReq 案件效能量測：${cpus().length} 核，load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
ensureBuild(false, print);
if (values.only !== "postgres") {
  const dir = mkdtempSync(path.join(tmpdir(), "secreq-bench-cases-"));
  await benchProvider("SQLite", `file:${path.join(dir, "bench.db")}`, async () => rmSync(dir, { recursive: true, force: true }));
}
if (values.only !== "sqlite") {
  const url = `${values["pg-server"].replace(/\/+$/, "")}/secreq_bench_${process.pid}`;
  await dropPgDatabase(url);
  await benchProvider("PostgreSQL", url, () => dropPgDatabase(url));
}
