import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freshDbUrl } from "./db";

/**
 * `npm run -s cli -- …` as a separate process on its own database of the test provider. The CLI does
 * not create a database (a mistyped DATABASE_URL must not silently give an empty one), so the first call
 * runs `npm run setup` on it, as an operator would. `dir` holds any input files a test writes; `cleanup`
 * removes both.
 */
export function cliRunner(prefix: string, env: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), `secreq-${prefix}-`));
  const db = freshDbUrl();
  let setUp = false;
  const run = (input: string | Buffer | undefined, args: string[]) => {
    if (!setUp) {
      const s = spawnSync(process.execPath, ["--import", "tsx", "scripts/setup.ts"], {
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: db.url, ...env },
        timeout: 180_000,
      });
      if (s.status !== 0) throw new Error(`npm run setup failed: ${s.stderr}`);
      setUp = true;
    }
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/cli.ts", ...args], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: db.url, ...env },
      input,
      // A hung command fails its test (status null) instead of the run.
      timeout: 120_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const cli = (...args: string[]) => run(undefined, args);
  /** The same with `input` on stdin. */
  const cliStdin = (input: string | Buffer, ...args: string[]) => run(input, args);
  return {
    dir,
    url: db.url,
    cli,
    cliStdin,
    cleanup: async () => {
      rmSync(dir, { recursive: true, force: true });
      await db.remove();
    },
  };
}
