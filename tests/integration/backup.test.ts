import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/lib/setup";
import { createDb } from "@/lib/db/client";
import { createCase, saveAnswers } from "@/lib/cases/store";
import { emptyAnswers } from "@/lib/cases/answers";
import { isAuditViolation, verifyChain } from "@/lib/audit";
import { isImmutableViolation } from "@/lib/catalogue/errors";
import { freshDbUrl, TEST_DB } from "../helpers/db";
import { createAgencyWithUsers } from "../helpers/people";

// `db export` / `db import` through the CLI, from an SQLite database with real data into a new database
// of the test provider (PostgreSQL in the second pass of scripts/test-all.sh).
const dir = mkdtempSync(path.join(tmpdir(), "secreq-backup-"));
const source = `file:${path.join(dir, "source.db")}`;
const target = freshDbUrl();
const file = (name: string) => path.join(dir, name);
const ALL_BYTES = new Uint8Array(Array.from({ length: 256 }, (_, i) => i));
const FILE_ROW = {
  id: "f1",
  ownerType: "test",
  ownerId: "o1",
  name: "全部.bin",
  type: "application/zip",
  size: 256,
  sha256: "x",
  uploadedById: "u",
  uploadedByName: "王",
};

const cli = (url: string, ...args: string[]) => cliEnv({}, url, ...args);
const cliEnv = (env: Record<string, string>, url: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/cli.ts", "db", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

beforeAll(async () => {
  // The CLI does not create databases: the target is migrated (empty) first, as the README says.
  const migrated = spawnSync(process.execPath, ["--import", "tsx", "scripts/db.ts", "migrate"], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: target.url },
  });
  if (migrated.status !== 0) throw new Error(migrated.stderr);
  const db = await prepareDatabase(source);
  const { officer } = await createAgencyWithUsers(db, "備份測試市政府");
  const id = await createCase(db, officer);
  const answers = emptyAnswers();
  await saveAnswers(db, id, "case", { ...answers.case, caseName: "備份「測試」案 😀\n第二行" }, officer);
  await db.session.create({ data: { id: "s1", token: "t1", userId: officer.id, expiresAt: new Date("2030-01-02T03:04:05.678Z") } });
  // Beyond 2^53: a BigInt must not pass through a JS number.
  await db.rateLimit.create({ data: { id: "r1", key: "127.0.0.1/sign-in", count: 3, lastRequest: 9_007_199_254_740_993n } });
  // Every byte value, so the base64 round trip is seen to be lossless.
  await db.storedFile.create({
    data: { ...FILE_ROW, agencyId: officer.agencyId, content: ALL_BYTES },
  });
  await db.$disconnect();
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await target.remove();
});

describe(`db export / db import (SQLite → ${TEST_DB})`, { timeout: 180_000 }, () => {
  it("export, import into an empty database, export again: the same file", () => {
    const exported = cli(source, "export", "--out", file("a.json"));
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/^已匯出 .*機關 1、使用者 3、案件 1/);
    const backup = JSON.parse(readFileSync(file("a.json"), "utf8")) as { tables: Record<string, Record<string, unknown>[]> };
    expect(backup.tables.RateLimit![0]!.lastRequest).toBe("9007199254740993");
    expect(backup.tables.Session![0]!.expiresAt).toBe("2030-01-02T03:04:05.678Z");
    expect(backup.tables.StoredFile![0]!.content).toBe(Buffer.from(ALL_BYTES).toString("base64"));
    expect(backup.tables.AuditEntry!.length).toBeGreaterThanOrEqual(2);

    const imported = cli(target.url, "import", "--in", file("a.json"));
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/^已匯入 /);
    const again = cli(target.url, "export", "--out", file("b.json"));
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(file("b.json"), "utf8")).toBe(readFileSync(file("a.json"), "utf8"));
  });

  it("carries stored files' bytes exactly into the other database", async () => {
    const db = createDb(target.url);
    try {
      const row = await db.storedFile.findUniqueOrThrow({ where: { id: "f1" } });
      expect(Buffer.from(row.content).equals(Buffer.from(ALL_BYTES))).toBe(true);
    } finally {
      await db.$disconnect();
    }
  });

  it("writes the export file readable by its owner only (0600)", () => {
    expect(statSync(file("a.json")).mode & 0o777).toBe(0o600);
  });

  it("refuses a non-empty database unless --replace, and --replace only with its explicit switch", () => {
    const refused = cli(target.url, "import", "--in", file("a.json"));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/目標資料庫已有資料.*--replace/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);

    const unconfirmed = cli(target.url, "import", "--in", file("a.json"), "--replace");
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^--replace 會刪除.*稽核紀錄.*--i-understand-this-replaces-history（或設定環境變數 SECREQ_ALLOW_HISTORY_REPLACE=1）$/),
    ]);
  });

  it("--replace restores the backup and records, as the chain's next entry, that it replaced history", async () => {
    const replaced = cliEnv(
      { SECREQ_OPERATOR: "值班人員 小林" },
      target.url,
      "import",
      "--in",
      file("a.json"),
      "--replace",
      "--i-understand-this-replaces-history",
    );
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(cli(target.url, "export", "--out", file("c.json")).code).toBe(0);
    const a = JSON.parse(readFileSync(file("a.json"), "utf8")) as { tables: Record<string, Record<string, unknown>[]> };
    const c = JSON.parse(readFileSync(file("c.json"), "utf8")) as { tables: Record<string, Record<string, unknown>[]> };
    for (const t of Object.keys(a.tables)) if (t !== "AuditEntry" && t !== "AuditChainHead") expect(c.tables[t], t).toEqual(a.tables[t]);
    const added = c.tables.AuditEntry!.filter((e) => !a.tables.AuditEntry!.some((x) => x.id === e.id));
    expect(c.tables.AuditEntry).toHaveLength(a.tables.AuditEntry!.length + 1);
    expect(added).toHaveLength(1);
    const entry = added[0]!;
    const seqBefore = (a.tables.AuditChainHead![0] as { seq: number }).seq;
    expect(entry).toMatchObject({
      action: "backup.replace",
      actorName: "值班人員 小林",
      agencyId: null,
      targetType: "database",
      targetId: "a.json",
      seq: seqBefore + 1,
    });
    const after = JSON.parse(entry.after as string) as { fileSha256: string; rows: Record<string, number> };
    expect(after.fileSha256).toBe(
      createHash("sha256")
        .update(readFileSync(file("a.json")))
        .digest("hex"),
    );
    expect(after.rows).toMatchObject({ Agency: 1, User: 3, Case: 1, AuditEntry: a.tables.AuditEntry!.length });
    const before = JSON.parse(entry.before as string) as { rows: Record<string, number>; chainHead: { seq: number; sha256: string } };
    expect(before.rows).toMatchObject({ Agency: 1, User: 3, AuditEntry: a.tables.AuditEntry!.length });
    expect(before.chainHead).toEqual({ seq: seqBefore, sha256: (a.tables.AuditChainHead![0] as { hash: string }).hash });
    const db = createDb(target.url);
    try {
      expect(await verifyChain(db)).toMatchObject({ ok: true, count: seqBefore + 1 });
    } finally {
      await db.$disconnect();
    }
    // The environment switch, for scripted restores.
    expect(cliEnv({ SECREQ_ALLOW_HISTORY_REPLACE: "1" }, target.url, "import", "--in", file("a.json"), "--replace").code).toBe(0);
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
    expect(cli(target.url, "export", "--out", file("d0.json")).code).toBe(0);
    writeFileSync(file("bad.json"), JSON.stringify({ format: "something-else", formatVersion: 1, tables: {} }));
    const bad = cli(target.url, "import", "--in", file("bad.json"), "--replace", "--i-understand-this-replaces-history");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^format: 不是 SecReq 備份檔/);
    const missing = cli(target.url, "import", "--in", file("none.json"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/檔案不存在/);
    const noArg = cli(target.url, "import");
    expect(noArg.code).toBe(2);
    expect(noArg.stderr).toMatch(/--in/);
    expect(cli(target.url, "export", "--out", file("d.json")).code).toBe(0);
    expect(readFileSync(file("d.json"), "utf8")).toBe(readFileSync(file("d0.json"), "utf8"));
  });

  it("refuses bad rows, odd keys, NUL and invalid UTF-8 with one zh-TW line (exit 2), writing nothing", () => {
    const a = JSON.parse(readFileSync(file("a.json"), "utf8")) as { tables: Record<string, Record<string, unknown>[]> };
    expect(cli(target.url, "export", "--out", file("e.json")).code).toBe(0);
    const cases: [string, string | Buffer, RegExp][] = [
      [
        "wrong-type.json",
        JSON.stringify({ ...a, tables: { ...a.tables, Agency: [{ ...a.tables.Agency![0], name: 42 }] } }),
        /^tables\.Agency\[0\]\.name: 應為字串$/,
      ],
      ["proto.json", JSON.stringify(a).replace('"tables":{', '"tables":{"__proto__":{"polluted":true},'), /^tables\.__proto__: 不允許的鍵$/],
      [
        "nul.json",
        JSON.stringify({ ...a, tables: { ...a.tables, User: a.tables.User!.map((u, i) => (i ? u : { ...u, email: "x\u0000@example.gov.tw" })) } }),
        /^tables\.User\[0\]\.email: 不得含有 NUL 字元/,
      ],
      ["latin1.json", Buffer.concat([Buffer.from('{"format":"secreq-backup","x":"'), Buffer.from([0xe9, 0xff]), Buffer.from('"}')]), /^備份檔須為 UTF-8 編碼/],
      // Well-formed rows the database refuses: a decision of a case that is not in the file.
      [
        "orphan.json",
        JSON.stringify({
          ...a,
          tables: {
            ...a.tables,
            Decision: [
              { caseId: "no-such-case", itemId: "x", choice: "include", reason: "", reference: "", decidedBy: "u", decidedAt: "2026-01-01T00:00:00.000Z" },
            ],
          },
        }),
        /^資料庫拒絕寫入備份資料.*未匯入任何資料。$/,
      ],
    ];
    for (const [name, content, message] of cases) {
      writeFileSync(file(name), content);
      const r = cli(target.url, "import", "--in", file(name), "--replace", "--i-understand-this-replaces-history");
      expect(r.code, `${name}: ${r.stderr}`).toBe(2);
      expect(r.stderr.trim().split("\n"), name).toEqual([expect.stringMatching(message)]);
    }
    // Atomic: the refused imports changed nothing.
    expect(cli(target.url, "export", "--out", file("f.json")).code).toBe(0);
    expect(readFileSync(file("f.json"), "utf8")).toBe(readFileSync(file("e.json"), "utf8"));
  });
});
