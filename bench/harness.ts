// What the page benchmarks (bench/cases.ts, bench/contracts.ts) share: signing the users in and the
// concurrent-users load loop against running `next start` servers.
import { percentile } from "./stats";
import type { TServer } from "./server";

/** The session cookie of `email` signed in on `server`. */
export async function signIn(server: TServer, email: string, password: string): Promise<string> {
  const r = await fetch(`${server.origin}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.origin },
    body: JSON.stringify({ email, password }),
  });
  if (r.status !== 200) throw new Error(`sign-in ${email}: ${r.status} ${await r.text()}`);
  return r.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** The CPU time of all the servers so far (ms), null if any cannot tell. */
function cpuMs(servers: TServer[]): number | null {
  const each = servers.map((s) => s.cpuMs());
  return each.some((c) => c === null) ? null : each.reduce<number>((sum, c) => sum + c!, 0);
}

/**
 * One loop per cookie (a signed-in user) for `ms`, each request to the next server in turn (as behind a
 * load balancer); a user reads the page before the next click: 0.5–1.5 × `think` ms. Anything but a whole
 * 200 page is an error. Latency p50/p95, throughput, and the servers' CPU time per request.
 */
export async function load(servers: TServer[], cookies: string[], pathOf: (user: number, n: number) => string, ms: number, think: number) {
  const latencies: number[] = [];
  let errors = 0;
  let turn = 0;
  const cpu0 = cpuMs(servers);
  const end = Date.now() + ms;
  await Promise.all(
    cookies.map(async (cookie, user) => {
      for (let n = 0; Date.now() < end; n++) {
        const server = servers[turn++ % servers.length]!;
        const start = performance.now();
        const r = await fetch(server.origin + pathOf(user, n), { headers: { cookie }, redirect: "manual" }).catch(() => null);
        const body = r ? await r.text() : "";
        if (!r || r.status !== 200 || !body.includes("</html>")) errors++;
        latencies.push(performance.now() - start);
        if (think > 0) await new Promise((r) => setTimeout(r, think * (0.5 + Math.random())));
      }
    }),
  );
  const cpu1 = cpuMs(servers);
  latencies.sort((a, b) => a - b);
  return {
    count: latencies.length,
    errors,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    rps: latencies.length / (ms / 1000),
    cpuPerRequest: cpu0 !== null && cpu1 !== null ? (cpu1 - cpu0) / latencies.length : null,
  };
}
