import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(path.join(tmpdir(), "secreq-cli-diff-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/cli.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "cli.db")}` },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("npm run -s cli -- catalogue diff", () => {
  it("a version against itself exits 0 with an empty diff on stdout", () => {
    const r = cli("catalogue", "diff", "--from", "2023-09-25", "--to", "2023-09-25", "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      from: "2023-09-25",
      to: "2023-09-25",
      added: [],
      retired: [],
      changed: [],
      serviceTypes: { added: [], retired: [], notesChanged: [] },
    });
  });

  it("an unknown version exits 2 with one line naming the versions that exist", () => {
    const r = cli("catalogue", "diff", "--from", "2023-09-25", "--to", "2020-01-01", "--json");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toEqual(["找不到目錄版本 2020-01-01。現有版本：2023-09-25"]);
  });

  it("missing --from or --to exits 2 with usage", () => {
    const r = cli("catalogue", "diff", "--from", "2023-09-25", "--json");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("用法");
  });
});
