// `npm run -s bench:contracts [-- --contracts 1000 --obligations 60 --agencies 20 --users 20 --duration 10 --think 0]`
// The contracts dashboard (issue 16): its query in-process, then the page /contracts under 20 concurrent
// signed-in users against `next start` (SQLite), beside the home page / in the same run: p50/p95 latency
// and the server's CPU time per request, as a ratio to the home page's (goal ≤ 2×). Prints; not a test.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { prepareDatabase } from "../lib/setup";
import { createUser } from "../lib/auth/users";
import { listContracts, ZContractListQuery } from "../lib/contracts/store";
import type { TDb } from "../lib/db/client";
import { percentile } from "./stats";
import { load, signIn } from "./harness";
import { ensureBuild, startNext } from "./server";

const { values } = parseArgs({
  options: {
    contracts: { type: "string", default: "1000" },
    obligations: { type: "string", default: "60" },
    agencies: { type: "string", default: "20" },
    users: { type: "string", default: "20" },
    duration: { type: "string", default: "10" },
    think: { type: "string", default: "0" },
    warmup: { type: "string", default: "2" },
  },
  strict: true,
});
const CONTRACTS = Number(values.contracts);
const OBLIGATIONS = Number(values.obligations);
const AGENCIES = Number(values.agencies);
const USERS = Number(values.users);
const DURATION = Number(values.duration) * 1000;
const THINK = Number(values.think);
const WARMUP = Number(values.warmup) * 1000;
const PASSWORD = "Bench-Password-2026";
const print = (line: string) => console.log(line);

type TUser = { email: string; actor: { id: string; name: string; agencyId: string; roles: ["officer"] } };

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** AGENCIES agencies with one officer each; CONTRACTS contracts spread over them, OBLIGATIONS obligations each. */
async function seed(db: TDb): Promise<TUser[]> {
  const users: TUser[] = [];
  const reviews = ["", "", "", "submitted", "approved", "returned"];
  for (let a = 0; a < AGENCIES; a++) {
    const agencyId = randomUUID();
    await db.agency.create({ data: { id: agencyId, name: `契約效能測試機關 ${a + 1}` } });
    const email = `officer${a + 1}@bench-contracts.secreq.tw`;
    const id = await createUser(db, { agencyId, email, name: `承辦人 ${a + 1}`, roles: ["officer"], password: PASSWORD, mustChangePassword: false });
    users.push({ email, actor: { id, name: `承辦人 ${a + 1}`, agencyId, roles: ["officer"] } });
    const per = Math.ceil(CONTRACTS / AGENCIES);
    for (let c = 0; c < per; c++) {
      const contractId = randomUUID();
      await db.contract.create({
        data: {
          id: contractId,
          agencyId,
          caseGroupId: randomUUID(),
          caseId: randomUUID(),
          vendorName: `廠商 ${c + 1}`,
          vendorTaxId: "04595257",
          contractNumber: `B-${a + 1}-${c + 1}`,
          awardedOn: day(-200),
          signedOn: day(-199),
          startOn: day(-198),
          endOn: day(400),
          createdById: id,
          createdByName: "承辦人",
        },
      });
      await db.obligation.createMany({
        data: Array.from({ length: OBLIGATIONS }, (_, i) => ({
          id: randomUUID(),
          contractId,
          agencyId,
          key: `bench:${i}`,
          title: `履約義務 ${i + 1}`,
          owner: i % 7 ? "vendor" : "agency",
          kind: "document",
          basis: "效能測試",
          dueOn: day(-180 + i * 10),
          review: reviews[(i + c) % reviews.length]!,
        })),
      });
    }
  }
  return users;
}

print(
  `SecReq 契約效能量測：${cpus().length} 核，load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
ensureBuild(false, print);
const dir = mkdtempSync(path.join(tmpdir(), "secreq-bench-contracts-"));
const url = `file:${path.join(dir, "bench.db")}`;
try {
  const db = await prepareDatabase(url);
  const t = Date.now();
  const users = await seed(db);
  print(`  建立資料 ${CONTRACTS} 契約 × ${OBLIGATIONS} 義務：${((Date.now() - t) / 1000).toFixed(1)} 秒`);
  // The dashboard query in-process: each filter, page 1.
  for (const filter of ["all", "due", "overdue", "review"] as const) {
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const s = performance.now();
      await listContracts(db, users[i % users.length]!.actor, ZContractListQuery.parse({ filter }));
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    print(`  查詢 listContracts(${filter})  p50 ${percentile(times, 50).toFixed(1)} ms  p95 ${percentile(times, 95).toFixed(1)} ms`);
  }
  await db.$disconnect();
  const server = await startNext(url, { timeoutMs: 60_000 });
  try {
    const cookies: string[] = [];
    for (let i = 0; i < USERS; i++) cookies.push(await signIn(server, users[i % users.length]!.email, PASSWORD));
    const routes = {
      home: (_n: number) => "/",
      dashboard: (n: number) => `/contracts?page=${(n % 3) + 1}${n % 2 ? "&filter=overdue" : ""}`,
    };
    const results: Record<string, Awaited<ReturnType<typeof load>>> = {};
    for (const [key, pathOf] of Object.entries(routes)) {
      await load([server], cookies, (_u, n) => pathOf(n), WARMUP, THINK);
      results[key] = await load([server], cookies, (_u, n) => pathOf(n), DURATION, THINK);
      const r = results[key]!;
      print(
        `  ${key === "home" ? "首頁 /        " : "契約儀表板 /contracts"}  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  CPU/請求 ${r.cpuPerRequest?.toFixed(2) ?? "?"} ms` +
          (r.errors ? `  ⚠ ${r.errors} 次失敗` : ""),
      );
    }
    const ratio = results.dashboard!.cpuPerRequest && results.home!.cpuPerRequest ? results.dashboard!.cpuPerRequest / results.home!.cpuPerRequest : null;
    print(`  CPU/請求 儀表板 ÷ 首頁：${ratio?.toFixed(2) ?? "?"}×（目標 ≤ 2×）`);
  } finally {
    await server.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
