import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/lib/setup";
import { createDb } from "@/lib/db/client";
import { createCase, saveAnswers } from "@/lib/cases/store";
import { emptyAnswers } from "@/lib/cases/answers";
import { isAuditViolation } from "@/lib/audit";
import { isImmutableViolation } from "@/lib/catalogue/errors";
import { freshDbUrl, TEST_DB } from "../helpers/db";
import { createAgencyWithUsers } from "../helpers/people";

// `db export` / `db import` through the CLI, from an SQLite database with real data into a new database
// of the test provider (PostgreSQL in the second pass of scripts/test-all.sh).
const dir = mkdtempSync(path.join(tmpdir(), "secreq-backup-"));
const source = `file:${path.join(dir, "source.db")}`;
const target = freshDbUrl();
const file = (name: string) => path.join(dir, name);

const cli = (url: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/cli.ts", "db", ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: url } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

beforeAll(async () => {
  const db = await prepareDatabase(source);
  const { officer } = await createAgencyWithUsers(db, "備份測試市政府");
  const id = await createCase(db, officer);
  const answers = emptyAnswers();
  await saveAnswers(db, id, "case", { ...answers.case, caseName: "備份「測試」案 😀\n第二行" }, officer);
  await db.session.create({ data: { id: "s1", token: "t1", userId: officer.id, expiresAt: new Date("2030-01-02T03:04:05.678Z") } });
  // Beyond 2^53: a BigInt must not pass through a JS number.
  await db.rateLimit.create({ data: { id: "r1", key: "127.0.0.1/sign-in", count: 3, lastRequest: 9_007_199_254_740_993n } });
  await db.$disconnect();
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await target.remove();
});

describe(`db export / db import (SQLite → ${TEST_DB})`, { timeout: 60_000 }, () => {
  it("export, import into an empty database, export again: the same file", () => {
    const exported = cli(source, "export", "--out", file("a.json"));
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/^已匯出 .*機關 1、使用者 3、案件 1/);
    const backup = JSON.parse(readFileSync(file("a.json"), "utf8")) as { tables: Record<string, Record<string, unknown>[]> };
    expect(backup.tables.RateLimit![0]!.lastRequest).toBe("9007199254740993");
    expect(backup.tables.Session![0]!.expiresAt).toBe("2030-01-02T03:04:05.678Z");
    expect(backup.tables.AuditEntry!.length).toBeGreaterThanOrEqual(2);

    const imported = cli(target.url, "import", "--in", file("a.json"));
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/^已匯入 /);
    const again = cli(target.url, "export", "--out", file("b.json"));
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(file("b.json"), "utf8")).toBe(readFileSync(file("a.json"), "utf8"));
  });

  it("refuses a non-empty database unless --replace, and --replace restores the backup exactly", () => {
    const refused = cli(target.url, "import", "--in", file("a.json"));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/目標資料庫已有資料.*--replace/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);

    const replaced = cli(target.url, "import", "--in", file("a.json"), "--replace");
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(cli(target.url, "export", "--out", file("c.json")).code).toBe(0);
    expect(readFileSync(file("c.json"), "utf8")).toBe(readFileSync(file("a.json"), "utf8"));
  });

  it("leaves the database's guards in place after a --replace import", async () => {
    const db = createDb(target.url);
    try {
      await expect(db.auditEntry.deleteMany({})).rejects.toSatisfy(isAuditViolation);
      await expect(db.catalogueVersion.updateMany({ data: { title: "x" } })).rejects.toSatisfy(isImmutableViolation);
    } finally {
      await db.$disconnect();
    }
  });

  it("refuses a file that is not a SecReq backup, with a zh-TW line and exit 2, changing nothing", () => {
    writeFileSync(file("bad.json"), JSON.stringify({ format: "something-else", formatVersion: 1, tables: {} }));
    const bad = cli(target.url, "import", "--in", file("bad.json"), "--replace");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^format: 不是 SecReq 備份檔/);
    const missing = cli(target.url, "import", "--in", file("none.json"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/檔案不存在/);
    const noArg = cli(target.url, "import");
    expect(noArg.code).toBe(2);
    expect(noArg.stderr).toMatch(/--in/);
    expect(cli(target.url, "export", "--out", file("d.json")).code).toBe(0);
    expect(readFileSync(file("d.json"), "utf8")).toBe(readFileSync(file("a.json"), "utf8"));
  });
});
