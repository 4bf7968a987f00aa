import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type TDb } from "@/lib/db/client";
import { carryForward, entryHash, isAuditViolation, recordAudit, verifyChain, type TAuditInput, type TChainReport, type TTx } from "@/lib/audit";
import { withoutGuards } from "@/lib/backup";
import { freshDb, TEST_DB } from "../helpers/db";
import { cliRunner } from "../helpers/cli";
import { createAgencyWithUsers } from "../helpers/people";
import { auditChainStatus, CHAIN_CHECK_TTL_MS } from "@/lib/admin";

const A = "agency-chain";
const entry = (over: Partial<TAuditInput> = {}): TAuditInput => ({
  agencyId: A,
  actorId: null,
  actorName: "王小明",
  action: "case.submit",
  targetType: "case",
  targetId: "case-1",
  ...over,
});

class Rollback extends Error {}

/** Tampers as someone with the database would (guards off), verifies, and rolls everything back. */
async function tampered(db: TDb, tamper: (tx: TTx) => Promise<unknown>): Promise<TChainReport> {
  let report: TChainReport | undefined;
  await db
    .$transaction(async (tx) => {
      await withoutGuards(db, tx, async () => {
        await tamper(tx);
      });
      report = await verifyChain(tx);
      throw new Rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Rollback)) throw e;
    });
  return report!;
}

describe(`the audit hash chain (${TEST_DB})`, { timeout: 60_000 }, () => {
  let db: TDb;
  let cleanup: () => Promise<void>;
  let url: string;
  const ids: string[] = [];

  beforeAll(async () => {
    ({ db, cleanup, url } = await freshDb());
    await db.agency.create({ data: { id: A, name: "雜湊鏈測試機關" } });
    for (let i = 0; i < 5; i++) ids.push((await db.$transaction((tx) => recordAudit(tx, entry({ targetId: `case-${i}` })))).id);
  });
  afterAll(() => cleanup());

  it("chains every entry: seq 1, 2, …, each hash over the previous one; the head is the last", async () => {
    const rows = await db.auditEntry.findMany({ orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    let prev = "0".repeat(64);
    for (const r of rows) {
      expect(r.hash).toBe(entryHash(prev, { ...r, seq: r.seq! }));
      prev = r.hash!;
    }
    expect(await db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } })).toEqual({ id: 1, seq: 5, hash: prev });
    expect(await verifyChain(db)).toMatchObject({ ok: true, count: 5, head: { seq: 5, hash: prev }, break: null });
  });

  it("the database refuses REPLACE of an existing entry (SQLite skips the DELETE trigger for it)", async () => {
    const original = await db.auditEntry.findUniqueOrThrow({ where: { id: ids[0] } });
    const forged =
      TEST_DB === "postgres"
        ? `INSERT INTO "AuditEntry" ("id", "actorName", "action", "targetType", "targetId", "at") VALUES ('${ids[0]}', 'x', 'auth.login', 'user', 'u', CURRENT_TIMESTAMP) ON CONFLICT ("id") DO UPDATE SET "action" = EXCLUDED."action"`
        : `REPLACE INTO "AuditEntry" ("id", "actorName", "action", "targetType", "targetId", "at") VALUES ('${ids[0]}', 'x', 'auth.login', 'user', 'u', 0)`;
    await expect(db.$executeRawUnsafe(forged)).rejects.toSatisfy(isAuditViolation);
    if (TEST_DB === "sqlite") {
      // A new id taking an existing entry's place in the chain would delete that entry just the same.
      await expect(
        db.$executeRawUnsafe(
          `INSERT OR REPLACE INTO "AuditEntry" ("id", "actorName", "action", "targetType", "targetId", "at", "seq") VALUES ('new', 'x', 'auth.login', 'user', 'u', 0, 1)`,
        ),
      ).rejects.toSatisfy(isAuditViolation);
      await expect(db.$executeRawUnsafe(`REPLACE INTO "AuditChainHead" ("id", "seq", "hash") VALUES (1, 0, 'x')`)).rejects.toSatisfy(isAuditViolation);
    }
    await expect(db.auditChainHead.update({ where: { id: 1 }, data: { seq: 1 } })).rejects.toSatisfy(isAuditViolation);
    await expect(db.auditChainHead.deleteMany({})).rejects.toSatisfy(isAuditViolation);
    expect(await db.auditEntry.findUniqueOrThrow({ where: { id: ids[0] } })).toEqual(original);
    expect(await db.auditEntry.count()).toBe(5);
  });

  it("an entry's chain fields cannot be changed once set", async () => {
    await expect(db.auditEntry.update({ where: { id: ids[1] }, data: { hash: "0".repeat(64) } })).rejects.toSatisfy(isAuditViolation);
  });

  it("detects an edited entry, naming it", async () => {
    const r = await tampered(db, (tx) => tx.auditEntry.update({ where: { id: ids[2] }, data: { actorName: "李資安" } }));
    expect(r.break).toMatchObject({ kind: "edited", seq: 3, id: ids[2] });
    expect(r.break!.message).toMatch(new RegExp(`^稽核紀錄鏈中斷：第 3 筆（id ${ids[2]}，.*已被修改或偽造`));
  });

  it("detects a removed entry, in the middle or at the end", async () => {
    const middle = await tampered(db, (tx) => tx.auditEntry.delete({ where: { id: ids[1] } }));
    expect(middle.break).toMatchObject({ kind: "missing", seq: 3, id: ids[2] });
    expect(middle.break!.message).toMatch(/缺少 1 筆紀錄（第 2 筆已被刪除）/);
    const tail = await tampered(db, (tx) => tx.auditEntry.delete({ where: { id: ids[4] } }));
    expect(tail.break).toMatchObject({ kind: "head" });
    expect(tail.break!.message).toMatch(/鏈尾的第 5 筆紀錄已被刪除/);
  });

  it("detects a forged entry inserted outside the app, and one whose hash was recomputed", async () => {
    const raw = await tampered(db, (tx) =>
      tx.auditEntry.create({
        data: { id: "forged", agencyId: A, actorName: "偽造", action: "case.approve", targetType: "case", targetId: "case-1", at: new Date() },
      }),
    );
    expect(raw.break).toMatchObject({ kind: "unchained", id: "forged" });
    expect(raw.break!.message).toMatch(/不在鏈上/);
    // The whole entry rewritten with a hash to match: the next entry no longer links to it.
    const rehashed = await tampered(db, async (tx) => {
      const e = await tx.auditEntry.findUniqueOrThrow({ where: { id: ids[1] } });
      const prev = (await tx.auditEntry.findUniqueOrThrow({ where: { id: ids[0] } })).hash!;
      const changed = { ...e, action: "case.approve", seq: 2 };
      await tx.auditEntry.update({ where: { id: e.id }, data: { action: changed.action, hash: entryHash(prev, changed) } });
    });
    expect(rehashed.break).toMatchObject({ kind: "edited", seq: 3 });
  });

  it("detects a backdated entry appended with a valid hash and head", async () => {
    const r = await tampered(db, async (tx) => {
      const head = await tx.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
      const e = {
        id: randomUUID(),
        seq: head.seq + 1,
        agencyId: A,
        actorId: null,
        actorName: "回溯",
        action: "case.approve",
        targetType: "case",
        targetId: "case-1",
        before: null,
        after: null,
        at: new Date("2026-01-01T00:00:00Z"),
      };
      const hash = entryHash(head.hash, e);
      await tx.auditEntry.create({ data: { ...e, hash } });
      await tx.auditChainHead.update({ where: { id: 1 }, data: { seq: e.seq, hash } });
    });
    expect(r.break).toMatchObject({ kind: "backdated", seq: 6 });
    expect(r.break!.message).toMatch(/第 6 筆.*回溯補登/);
  });

  it("stays one unbroken chain when instances append at the same time", async () => {
    // A second instance on PostgreSQL; SQLite is one instance (one writer), its transactions queue in-process.
    const other = TEST_DB === "postgres" ? createDb(url) : db;
    try {
      await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          (i % 2 ? other : db).$transaction((tx) => recordAudit(tx, entry({ targetId: `parallel-${i}` })), { maxWait: 30_000, timeout: 30_000 }),
        ),
      );
      // Outside a transaction the client gets one of its own.
      await recordAudit(other, entry({ targetId: "no-tx" }));
    } finally {
      if (other !== db) await other.$disconnect();
    }
    const r = await verifyChain(db);
    expect(r).toMatchObject({ ok: true, count: 22, head: { seq: 22 } });
  });
});

describe(`the chain's state on /admin/audit (${TEST_DB})`, () => {
  it("intact, then an alarm naming the entry once a check after the cache's minute sees the break; admins only", async () => {
    const { db, cleanup } = await freshDb();
    try {
      const { admin, officer } = await createAgencyWithUsers(db, "稽核頁測試機關");
      await recordAudit(db, entry({ agencyId: null }));
      const t0 = new Date();
      const ok = await auditChainStatus(db, admin, t0);
      expect(ok).toMatchObject({ ok: true, message: null });
      expect(ok.count).toBe(1);
      const first = await db.auditEntry.findFirstOrThrow({ where: { seq: 1 } });
      await db.$transaction((tx) =>
        withoutGuards(db, tx, async () => void (await tx.auditEntry.update({ where: { id: first.id }, data: { action: "auth.login" } }))),
      );
      expect((await auditChainStatus(db, admin, new Date(t0.getTime() + 1000))).ok).toBe(true); // the cached check
      const broken = await auditChainStatus(db, admin, new Date(Date.now() + CHAIN_CHECK_TTL_MS));
      expect(broken).toMatchObject({ ok: false, message: expect.stringMatching(new RegExp(`^稽核紀錄鏈中斷：第 1 筆（id ${first.id}，.*已被修改或偽造`)) });
      await expect(auditChainStatus(db, officer)).rejects.toThrow(/無權/);
    } finally {
      await cleanup();
    }
  });
});

describe(`entries from before the chain (${TEST_DB})`, () => {
  it("are chained in time order at start-up, once; one that appears later is a break", async () => {
    const { db, cleanup } = await freshDb();
    try {
      // As the migration leaves them: rows without seq or hash, head at 0.
      const legacy = (id: string, at: string) => ({ id, actorName: "舊紀錄", action: "auth.login", targetType: "user", targetId: "u", at: new Date(at) });
      await db.auditEntry.createMany({ data: [legacy("b", "2026-11-02T00:00:00Z"), legacy("a", "2026-11-01T00:00:00Z"), legacy("c", "2026-11-02T00:00:00Z")] });
      expect(await carryForward(db)).toBe(3);
      expect(await carryForward(db)).toBe(0);
      expect((await db.auditEntry.findMany({ orderBy: { seq: "asc" } })).map((e) => e.id)).toEqual(["a", "b", "c"]);
      expect(await verifyChain(db)).toMatchObject({ ok: true, count: 3 });
      await db.$transaction((tx) => recordAudit(tx, entry({ agencyId: null })));
      await db.auditEntry.create({ data: legacy("late", "2026-11-03T00:00:00Z") });
      expect(await carryForward(db)).toBe(0);
      expect((await verifyChain(db)).break).toMatchObject({ kind: "unchained", id: "late" });
    } finally {
      await cleanup();
    }
  });
});

describe(`cli audit verify / audit head, and the start-up alarm (${TEST_DB})`, { timeout: 600_000 }, () => {
  const { cli, url, cleanup } = cliRunner("audit");
  afterAll(cleanup);

  it("verify: exit 0 on an intact chain, exit 2 with one zh-TW line naming the first broken entry", async () => {
    const ok = cli("audit", "verify");
    expect(ok.stderr).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^稽核紀錄鏈完整：共 0 筆/);

    const db = createDb(url);
    let second = "";
    try {
      for (let i = 0; i < 3; i++) {
        const { id } = await recordAudit(db, entry({ agencyId: null, targetId: `t-${i}` }));
        if (i === 1) second = id;
      }
      const head = cli("audit", "head", "--json");
      expect(head.code, head.stderr).toBe(0);
      const json = JSON.parse(head.stdout) as { seq: number; hash: string; intact: boolean };
      expect(json).toMatchObject({ seq: 3, hash: (await db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } })).hash, intact: true });

      expect(cli("audit", "verify", "--head", `${json.seq}:${json.hash}`).code).toBe(0);
      // The whole chain rebuilt from scratch by someone with the database: it verifies, but not against the exported head.
      const rows = await db.auditEntry.findMany({ orderBy: { seq: "asc" } });
      await db.$transaction((tx) =>
        withoutGuards(db, tx, async () => {
          let prev = "0".repeat(64);
          for (const r of rows) {
            const hash = entryHash(prev, { ...r, seq: r.seq!, actorName: "改寫" });
            await tx.auditEntry.update({ where: { id: r.id }, data: { actorName: "改寫", hash } });
            prev = hash;
          }
          await tx.auditChainHead.update({ where: { id: 1 }, data: { hash: prev } });
        }),
      );
      expect(cli("audit", "verify").code).toBe(0);
      const rewritten = cli("audit", "verify", "--head", `${json.seq}:${json.hash}`);
      expect(rewritten.code).toBe(2);
      expect(rewritten.stderr.trim()).toBe("稽核紀錄鏈已被改寫：外部保存的鏈頭第 3 筆的雜湊與資料庫不符");
      expect(cli("audit", "verify", "--head", "3:nothex").code).toBe(2);

      await db.$transaction((tx) =>
        withoutGuards(db, tx, async () => void (await tx.auditEntry.update({ where: { id: second }, data: { targetId: "edited" } }))),
      );
    } finally {
      await db.$disconnect();
    }
    const broken = cli("audit", "verify");
    expect(broken.code).toBe(2);
    expect(broken.stdout).toBe("");
    expect(broken.stderr.trim().split("\n")).toEqual([expect.stringMatching(new RegExp(`^稽核紀錄鏈中斷：第 2 筆（id ${second}，.*已被修改或偽造$`))]);

    // Start-up: a loud alarm, but the setup still completes (exit 0).
    const setup = spawnSync(process.execPath, ["--import", "tsx", "scripts/setup.ts"], { encoding: "utf8", env: { ...process.env, DATABASE_URL: url } });
    expect(setup.status, setup.stderr).toBe(0);
    expect(setup.stderr).toMatch(/警告：稽核紀錄遭竄改[\s\S]*第 2 筆/);
    expect(setup.stdout).toMatch(/資料庫就緒/);
  });
});
