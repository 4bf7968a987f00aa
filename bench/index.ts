// `npm run -s bench [-- --duration 10 --rounds 2 --connections 50 --calls 2000 --build --in-process-only]`
// Uses the existing .next build (warns when it is older than the sources); builds when there is none or --build.
// Prints figures; not a test. Only 127.0.0.1 traffic; the server it starts is stopped at the end.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createResolveService } from "../lib/api/resolve";
import { prepareDatabase } from "../lib/setup";
import { httpBench } from "./http";
import { inProcess } from "./in-process";
import { ensureBuild, startNext } from "./server";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    rounds: { type: "string", default: "2" },
    warmup: { type: "string", default: "3" },
    connections: { type: "string", default: "50" },
    calls: { type: "string", default: "2000" },
    build: { type: "boolean", default: false },
    "in-process-only": { type: "boolean", default: false },
  },
  strict: true,
});
const int = (name: string, value: string, max: number) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} 須為 1～${max} 的整數`);
  return n;
};
const duration = int("duration", values.duration, 120);
const rounds = int("rounds", values.rounds, 20);
const warmup = int("warmup", values.warmup, 60);
const connections = int("connections", values.connections, 1000);
const calls = int("calls", values.calls, 1_000_000);
const print = (line: string) => process.stdout.write(`${line}\n`);
// The load average says how far the HTTP figures can be trusted on a shared machine.
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

const dir = mkdtempSync(path.join(tmpdir(), "secreq-bench-"));
const url = `file:${path.join(dir, "bench.db")}`;
try {
  const database = await prepareDatabase(url);
  print(`SecReq 基準測試 — Node ${process.version}，${cpus().length} CPU，負載 ${load()}，暫存資料庫 ${url}`);
  await inProcess(createResolveService({ db: () => database }), calls, print);
  await database.$disconnect();
  if (!values["in-process-only"]) {
    ensureBuild(values.build, print);
    const server = await startNext(url);
    try {
      await httpBench(server, { connections, duration, rounds, warmup }, print);
      print(`    結束時負載 ${load()}（高於 CPU 數時，HTTP 數字僅供參考）`);
    } finally {
      await server.stop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
