import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * `npm run -s cli -- …` as a separate process on its own temp database (the CLI migrates and loads it).
 * `dir` also holds any input files a test writes; `cleanup` removes it.
 */
export function cliRunner(prefix: string) {
  const dir = mkdtempSync(path.join(tmpdir(), `secreq-${prefix}-`));
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/cli.ts", ...args], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "cli.db")}` },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  return { dir, cli, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
