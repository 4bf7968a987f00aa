import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { TABLES } from "@/lib/backup/tables";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TEST_PG_SERVER } from "../helpers/db";
import { BASE_VERSION, NEWEST_VERSION, newestBundled, KNOWN_VERSIONS } from "../helpers/catalogue";
import { cliRunner } from "../helpers/cli";

const { cli, cleanup } = cliRunner("cli");
afterAll(cleanup);

describe("npm run -s cli -- catalogue --json", () => {
  it("on a fresh database prints the newest published version as JSON and nothing else", () => {
    const r = cli("catalogue", "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.version).toBe(NEWEST_VERSION);
    expect(out.title).toBe("各類資訊(服務)採購之共通性資通安全基本要求參考一覽表（法規條次更新；▲ 依機關類別）");
    expect(out).toEqual(newestBundled());
    const first = out.serviceTypes[0].items[0];
    expect(Object.keys(first)).toEqual(expect.arrayContaining(["id", "category", "text", "marks", "note"]));
    expect(
      out.serviceTypes.find((t: { key: string }) => t.key === "saas-package").items.find((i: { id: string }) => i.id === "saas-package.cmmc").marks,
    ).toEqual({
      high: "◎",
      medium: "◎",
      normal: "-",
    });
  });

  it("takes --version", () => {
    const r = cli("catalogue", "--json", "--version", "2023-09-25");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).version).toBe("2023-09-25");
  });

  it("an unknown version exits 2 with one line naming the versions that exist", () => {
    const r = cli("catalogue", "--json", "--version", "2020-01-01");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toEqual([`找不到目錄版本 2020-01-01。現有版本：${KNOWN_VERSIONS}`]);
  });

  it("an unknown command or option exits 2 with usage", () => {
    expect(cli("frobnicate").code).toBe(2);
    expect(cli("catalogue", "--json", "--colour").code).toBe(2);
  });
});

describe("npm run -s cli -- obligations --json", () => {
  it("prints the newest version's ▲ table in eight columns, each cell with its citation and label", () => {
    const r = cli("obligations", "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.catalogueVersion).toBe(NEWEST_VERSION);
    expect(Object.keys(out.columns)).toEqual(["A公", "A特", "B公", "B特", "C公", "C特", "D", "E"]);
    expect(out.obligations.measures.vans.columns["B特"]).toMatchObject({
      status: "conditional",
      condition: "ci-provider",
      reliability: "O",
      citation: { annex: "附表四", version: "110" },
    });
  });

  it("reads a version with the first table through its migration (--version)", () => {
    const r = cli("obligations", "--json", "--version", BASE_VERSION);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.obligations.format).toBe(2);
    expect(out.obligations.measures.soc.columns["A特"].citation.annex).toBe("附表二");
  });

  it("without --json or with an unknown version exits 2", () => {
    expect(cli("obligations").code).toBe(2);
    expect(cli("obligations", "--json", "--version", "2020-01-01").code).toBe(2);
  });
});

describe("a DATABASE_URL that names no database", () => {
  const run = (url: string, ...args: string[]) => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/cli.ts", ...args], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: url },
      timeout: 120_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it("SQLite: every command refuses it (exit 2, one zh-TW line naming the URL) and creates neither file nor folder", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "secreq-missing-"));
    try {
      const url = `file:${path.join(dir, "typo", "secreq.db")}`;
      const backup = path.join(dir, "empty.json");
      writeFileSync(backup, JSON.stringify({ format: "secreq-backup", formatVersion: 1, tables: Object.fromEntries(TABLES.map((t) => [t.model, []])) }));
      for (const args of [
        ["catalogue", "--json"],
        ["audit", "verify"],
        ["db", "import", "--in", backup],
        ["user", "grant", "--email", "a@b.tw", "--role", "admin"],
      ]) {
        const r = run(url, ...args);
        expect(r.code, args.join(" ")).toBe(2);
        expect(r.stdout).toBe("");
        expect(r.stderr.trim().split("\n")).toEqual([
          `找不到 DATABASE_URL 所指的資料庫：${url}。請檢查 DATABASE_URL；要建立新的資料庫，請先執行 npm run setup（或 npm run db:migrate）。`,
        ]);
      }
      expect(existsSync(path.join(dir, "typo"))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(process.env.SECREQ_TEST_DB === "postgres")("PostgreSQL: refused the same, the password not shown", () => {
    const u = new URL(TEST_PG_SERVER);
    u.username ||= "postgres";
    u.password = "s3cret-pass";
    u.pathname = `/secreq_missing_${Date.now()}`;
    const r = run(u.toString(), "catalogue", "--json");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^找不到 DATABASE_URL 所指的資料庫：postgres:\/\/[^:]+:\*\*\*@/);
    expect(r.stderr).not.toContain("s3cret-pass");
  });
});
