import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

const NEXT_BIN = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
const BUILD_ID = path.join(process.cwd(), ".next", "BUILD_ID");

const SOURCES = ["app", "lib", "components", "data", "public", "next.config.mjs", "package.json", "tsconfig.json"];

/** Newest modification time (ms) under the sources the build is made from. */
function newestSource(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestSource(path.join(entry, name))), stat.mtimeMs);
}

/**
 * A production build: built when missing or asked for (--build). A build older than the sources is used
 * with a warning rather than rebuilt unasked: next build rewrites the .next that a running `next start`
 * (someone else's, in a shared tree) serves from, and a failed build leaves none.
 */
export function ensureBuild(force: boolean, print: (line: string) => void): void {
  const built = existsSync(BUILD_ID) ? statSync(BUILD_ID).mtimeMs : null;
  if (!force && built !== null) {
    const stale = SOURCES.some((entry) => newestSource(path.join(process.cwd(), entry)) > built);
    print(`使用現有建置 .next（BUILD_ID ${readFileSync(BUILD_ID, "utf8").trim()}）`);
    if (stale) print("    ⚠ 建置比原始碼舊：數字反映的是舊程式；要量測目前的程式請加 --build（會重建共用的 .next）");
    return;
  }
  print(`建置中：next build（${built === null ? "沒有建置" : "--build"}）…`);
  const r = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) throw new Error(`next build 失敗（結束代碼 ${r.status}）`);
}

/** A free TCP port on 127.0.0.1 (the kernel picks; released before next start binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface TServer {
  origin: string;
  /** CPU time used so far by the server's process group, in ms; null where /proc is missing. */
  cpuMs: () => number | null;
  stop: () => Promise<void>;
}

/** utime + stime of every process in group `pgid` (Linux /proc; clock ticks of 10 ms). */
function groupCpuMs(pgid: number): number | null {
  if (!existsSync("/proc/self/stat")) return null;
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // the process ended meanwhile
    }
    // Fields after "(comm)": state ppid pgrp … utime(12th) stime(13th).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * 10;
}

/**
 * `next start` on 127.0.0.1 against `databaseUrl`, in its own process group so that stop() ends it
 * and anything it spawned, and only that.
 */
export async function startNext(
  databaseUrl: string,
  { nodeArgs = [], timeoutMs = 30_000 }: { nodeArgs?: string[]; timeoutMs?: number } = {},
): Promise<TServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, NEXT_BIN, "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  let stopped = false;
  const stop = async () => {
    if (stopped || child.exitCode !== null || child.pid === undefined) return;
    stopped = true;
    process.kill(-child.pid, "SIGTERM");
    const timer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, "SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  // The bench must never leave a server behind, even when it fails.
  process.once("exit", () => {
    if (!stopped && child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
  });

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start 已結束（${child.exitCode}）：\n${output}`);
    const status = await fetch(`${origin}/api/v1/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return { origin, stop, cpuMs: () => (child.pid === undefined ? null : groupCpuMs(child.pid)) };
    if (status === 404) {
      await stop();
      throw new Error("建置中沒有 /api/v1/health：請重新執行 npx next build，或加 --build");
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`next start 未於 ${timeoutMs / 1000} 秒內就緒（/api/v1/health）：\n${output}`);
}
