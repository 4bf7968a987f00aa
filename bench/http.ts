import autocannon, { type TAutocannonOptions, type TAutocannonRequest, type TAutocannonResult } from "autocannon";
import { BENCH_CASE } from "./case";
import type { TServer } from "./server";

export interface THttpOptions {
  connections: number;
  /** Seconds per route in all, split over the rounds. */
  duration: number;
  rounds: number;
  warmup: number;
}

/** resolve: the realistic case every time (as the wizard re-resolves one case); fresh: never the same case twice. */
type TRoute = "health" | "resolve" | "fresh";

const NAME: Record<TRoute, string> = {
  health: "GET  /api/v1/health          ",
  resolve: "POST /api/v1/resolve（同一案）",
  fresh: "POST /api/v1/resolve（每次新案）",
};

let serial = 0;
/** Another contract value each time: the same realistic case, but never in the server's memo. */
const freshCase: TAutocannonRequest["setupRequest"] = (request) => ({
  ...request,
  body: JSON.stringify({ ...BENCH_CASE, contractValue: BENCH_CASE.contractValue + ++serial }),
});

function target(server: TServer, route: TRoute): TAutocannonOptions {
  if (route === "health") return { url: `${server.origin}/api/v1/health`, method: "GET" };
  const post = { url: `${server.origin}/api/v1/resolve`, method: "POST", headers: { "content-type": "application/json" } } as const;
  if (route === "resolve") return { ...post, body: JSON.stringify(BENCH_CASE) };
  return { ...post, requests: [{ method: "POST", path: "/api/v1/resolve", setupRequest: freshCase }] };
}

interface TTotals {
  requests: number;
  seconds: number;
  bytes: number;
  failed: number;
  /** Server CPU ms over the runs; null when it cannot be read. */
  cpuMs: number | null;
  p50: number[];
  p99: number[];
}
const empty = (): TTotals => ({ requests: 0, seconds: 0, bytes: 0, failed: 0, cpuMs: 0, p50: [], p99: [] });

function add(t: TTotals, r: TAutocannonResult, cpuMs: number | null): void {
  t.cpuMs = t.cpuMs === null || cpuMs === null ? null : t.cpuMs + cpuMs;
  t.requests += r.requests.total;
  t.seconds += r.duration;
  t.bytes += r.throughput.total;
  t.failed += r.non2xx + r.errors + r.timeouts;
  t.p50.push(r.latency.p50);
  t.p99.push(r.latency.p99);
}

const rps = (t: TTotals) => t.requests / t.seconds;
const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;
const cpuPerRequest = (t: TTotals) => (t.cpuMs === null ? null : t.cpuMs / t.requests);

/** One load run, with the server CPU it cost. */
async function run(server: TServer, route: TRoute, connections: number, duration: number) {
  const before = server.cpuMs();
  const result = await autocannon({ ...target(server, route), connections, duration });
  const after = server.cpuMs();
  return { result, cpuMs: before === null || after === null ? null : after - before };
}

function line(route: TRoute, t: TTotals): string {
  return (
    `    ${NAME[route]}   ${rps(t).toFixed(0).padStart(6)} req/s   延遲 p50 ${t.p50.join("/")} ms  p99 ${t.p99.join("/")} ms   ` +
    `${(t.bytes / t.seconds / 1024 / 1024).toFixed(1)} MiB/s` +
    (cpuPerRequest(t) === null ? "" : `   伺服器 CPU ${cpuPerRequest(t)!.toFixed(2)} ms/請求`) +
    (t.failed ? `   ⚠ 失敗 ${t.failed} 次` : "")
  );
}

/**
 * (b) The routes on the same server, same load; returns resolve/health throughput. They take turns
 * (H R F, then F R H, …) so that a change in background load weighs on all alike.
 */
export async function httpBench(server: TServer, options: THttpOptions, print: (line: string) => void): Promise<number> {
  const { connections, duration, rounds, warmup } = options;
  const slice = duration / rounds;
  print(
    `(b) HTTP：next start（${server.origin}），${connections} 個並行連線，每條路由共 ${duration} 秒` +
      `（${rounds} 輪 × ${slice} 秒，交替進行；先各暖機 ${warmup} 秒）`,
  );
  const routes: TRoute[] = ["health", "resolve", "fresh"];
  for (const route of routes) await autocannon({ ...target(server, route), connections, duration: warmup });
  const totals: Record<TRoute, TTotals> = { health: empty(), resolve: empty(), fresh: empty() };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? routes : [...routes].reverse();
    for (const route of order) {
      const { result, cpuMs } = await run(server, route, connections, slice);
      add(totals[route], result, cpuMs);
    }
  }
  for (const route of routes) print(line(route, totals[route]));
  const ratio = rps(totals.resolve) / rps(totals.health);
  const fresh = rps(totals.fresh) / rps(totals.health);
  print(`    比值 resolve / health = ${percent(ratio)}（目標 ≥ 70% → ${ratio >= 0.7 ? "達成" : "未達成"}）；每次新案 ${percent(fresh)}`);
  // Throughput on a shared machine moves with whatever else runs; CPU per request much less so.
  const [h, r, f] = routes.map((route) => cpuPerRequest(totals[route]));
  if (h != null && r != null && f != null)
    print(`    依伺服器 CPU 時間／請求估算：resolve ${percent(h / r)}、每次新案 ${percent(h / f)}（較不受機器上其他負載影響）`);
  if (routes.some((route) => totals[route].failed > 0)) print("    ⚠ 有失敗的請求，上列數字不可採信");
  return ratio;
}
