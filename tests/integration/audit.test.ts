import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDb } from "@/lib/db/client";
import {
  AUDIT_CSV_HEADER,
  REDACTED,
  auditCsv,
  changes,
  formatTaipei,
  isAuditViolation,
  listAudit,
  recordAudit,
  taipeiDay,
  type TAuditInput,
} from "@/lib/audit";
import { freshDb } from "../helpers/db";

const A = "agency-a";
const B = "agency-b";

/** A minimal RFC 4180 reader, to check the CSV round-trips rather than eyeballing quotes. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  return rows;
}

describe("the audit trail in the database", () => {
  let db: TDb;
  let cleanup: () => Promise<void>;
  const count = () => db.auditEntry.count();
  const entry = (over: Partial<TAuditInput> = {}): TAuditInput => ({
    agencyId: A,
    actorId: "u-alice",
    actorName: "王小明",
    action: "case.submit",
    targetType: "case",
    targetId: "case-1",
    ...over,
  });

  beforeAll(async () => {
    ({ db, cleanup } = await freshDb());
    await db.agency.create({ data: { id: A, name: "測試市政府" } });
    await db.agency.create({ data: { id: B, name: "另一個機關" } });
    await db.user.create({ data: { id: "u-alice", name: "王小明", email: "alice@example.gov.tw", agencyId: A, roles: '["officer"]' } });
    await db.user.create({ data: { id: "u-bob", name: "李資安", email: "bob@example.gov.tw", agencyId: A, roles: '["ciso"]' } });
    await db.user.create({ data: { id: "u-carol", name: "陳其他", email: "carol@example.gov.tw", agencyId: B, roles: '["admin"]' } });
  });
  afterAll(() => cleanup());

  it("records a change and its entry in one transaction, keeping only what changed and never a secret", async () => {
    const before = await db.user.findUniqueOrThrow({ where: { id: "u-alice" }, select: { roles: true, mustChangePassword: true, name: true } });
    const { id } = await db.$transaction(async (tx) => {
      const after = await tx.user.update({
        where: { id: "u-alice" },
        data: { roles: '["officer","ciso"]' },
        select: { roles: true, mustChangePassword: true, name: true },
      });
      const diff = changes(before, after);
      return recordAudit(tx, { ...entry({ action: "user.roles", targetType: "user", targetId: "u-alice" }), ...diff, actorId: "u-carol", actorName: "管理者" });
    });
    const row = await db.auditEntry.findUniqueOrThrow({ where: { id } });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.parse(row.before!)).toEqual({ roles: '["officer"]' });
    expect(JSON.parse(row.after!)).toEqual({ roles: '["officer","ciso"]' });

    const { id: secretId } = await db.$transaction((tx) =>
      recordAudit(tx, entry({ action: "auth.password-change", after: { password: "S3cret!pass", mustChangePassword: false, nested: { accessToken: "tok" } } })),
    );
    const secret = await db.auditEntry.findUniqueOrThrow({ where: { id: secretId } });
    expect(secret.after).not.toContain("S3cret");
    expect(JSON.parse(secret.after!)).toEqual({ password: REDACTED, mustChangePassword: false, nested: { accessToken: REDACTED } });
    expect(secret.before).toBeNull();
  });

  it("a failing transaction leaves no audit entry (and no change)", async () => {
    const n = await count();
    await expect(
      db.$transaction(async (tx) => {
        await recordAudit(tx, entry({ action: "case.edit" }));
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    // The audited change itself fails after the entry was written: both roll back.
    await expect(
      db.$transaction(async (tx) => {
        await recordAudit(tx, entry({ action: "user.email", targetType: "user", targetId: "u-bob" }));
        await tx.user.update({ where: { id: "u-bob" }, data: { email: "alice@example.gov.tw" } });
      }),
    ).rejects.toThrow();
    expect(await count()).toBe(n);
    expect((await db.user.findUniqueOrThrow({ where: { id: "u-bob" } })).email).toBe("bob@example.gov.tw");
  });

  it("refuses a malformed entry before writing", async () => {
    const n = await count();
    await expect(db.$transaction((tx) => recordAudit(tx, entry({ action: "Submit!" })))).rejects.toThrow();
    await expect(db.$transaction((tx) => recordAudit(tx, entry({ actorName: " " })))).rejects.toThrow();
    expect(await count()).toBe(n);
  });

  it("the database refuses to change or delete an entry, through Prisma or raw SQL", async () => {
    const { id } = await db.$transaction((tx) => recordAudit(tx, entry({ action: "case.approve", after: { status: "approved" } })));
    const original = await db.auditEntry.findUniqueOrThrow({ where: { id } });
    const n = await count();
    await expect(db.auditEntry.update({ where: { id }, data: { action: "case.return" } })).rejects.toSatisfy(isAuditViolation);
    await expect(db.auditEntry.updateMany({ data: { actorName: "x" } })).rejects.toSatisfy(isAuditViolation);
    await expect(db.auditEntry.delete({ where: { id } })).rejects.toSatisfy(isAuditViolation);
    await expect(db.auditEntry.deleteMany({})).rejects.toSatisfy(isAuditViolation);
    await expect(db.$executeRaw`UPDATE "AuditEntry" SET "after" = NULL WHERE "id" = ${id}`).rejects.toSatisfy(isAuditViolation);
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditEntry"`)).rejects.toSatisfy(isAuditViolation);
    await expect(db.$transaction(async (tx) => tx.auditEntry.delete({ where: { id } }))).rejects.toSatisfy(isAuditViolation);
    expect(await db.auditEntry.findUniqueOrThrow({ where: { id } })).toEqual(original);
    expect(await count()).toBe(n);
    expect(isAuditViolation(new Error("SQLITE_CONSTRAINT: UNIQUE"))).toBe(false);
  });

  describe("the agency's log", () => {
    const t = (iso: string) => new Date(iso);
    const seeded: string[] = [];
    beforeAll(async () => {
      const rows: Partial<TAuditInput>[] = [
        { action: "case.create", targetId: "case-9", at: t("2026-11-20T02:00:00Z") },
        { action: "decision.save", targetType: "decision", targetId: "case-9/development.gcb", at: t("2026-11-20T03:00:00Z") },
        { action: "case.submit", targetId: "case-9", at: t("2026-11-20T15:59:59Z") }, // 23:59:59 in Taipei, 11-20
        { action: "case.return", actorId: "u-bob", actorName: "李資安", targetId: "case-9", at: t("2026-11-20T16:00:00Z") }, // 00:00 Taipei, 11-21
        // Same instant twice: paging must neither repeat nor skip them.
        { action: "review.accept-risk", actorId: "u-bob", actorName: "李資安", targetType: "review", targetId: "r-1", at: t("2026-11-21T01:00:00Z") },
        { action: "review.accept-risk", actorId: "u-bob", actorName: "李資安", targetType: "review", targetId: "r-2", at: t("2026-11-21T01:00:00Z") },
        { action: "case.approve", actorId: "u-bob", actorName: "李資安", targetId: "case-9", at: t("2026-11-21T02:00:00Z") },
        { agencyId: B, actorId: "u-carol", actorName: "陳其他", action: "case.create", targetId: "case-b", at: t("2026-11-21T03:00:00Z") },
      ];
      await db.$transaction(async (tx) => {
        for (const r of rows) seeded.push((await recordAudit(tx, entry(r))).id);
      });
    });
    const window = { from: t("2026-11-20T00:00:00Z"), to: t("2026-11-22T00:00:00Z") };
    const actions = async (filter: Partial<Parameters<typeof listAudit>[1]>) =>
      (await listAudit(db, { agencyId: A, take: 100, ...window, ...filter })).entries.map((e) => `${e.action}:${e.targetId}`);

    it("lists newest first, only the agency's own", async () => {
      const all = await actions({});
      expect(all).toHaveLength(7);
      expect(all[0]).toBe("case.approve:case-9");
      expect(all.at(-1)).toBe("case.create:case-9");
      expect(all).not.toContain("case.create:case-b");
      expect(await listAudit(db, { agencyId: B, take: 100 })).toMatchObject({ entries: [{ actorName: "陳其他", targetId: "case-b" }], nextCursor: null });
    });

    it("filters by user, action, object and time", async () => {
      expect(await actions({ actorId: "u-bob" })).toEqual([
        "case.approve:case-9",
        expect.stringMatching(/^review\.accept-risk:r-[12]$/),
        expect.stringMatching(/^review\.accept-risk:r-[12]$/),
        "case.return:case-9",
      ]);
      expect(await actions({ action: "case.submit" })).toEqual(["case.submit:case-9"]);
      expect(await actions({ targetType: "decision" })).toEqual(["decision.save:case-9/development.gcb"]);
      expect(await actions({ targetType: "case", targetId: "case-9", actorId: "u-alice" })).toEqual(["case.submit:case-9", "case.create:case-9"]);
      // A calendar day in Taipei, half-open: the 23:59:59 submit is on the 20th, the 00:00 return on the 21st.
      expect(await actions(taipeiDay("2026-11-20")!)).toEqual(["case.submit:case-9", "decision.save:case-9/development.gcb", "case.create:case-9"]);
      expect((await actions(taipeiDay("2026-11-21")!))[3]).toBe("case.return:case-9");
      expect(await actions({ from: t("2026-11-21T01:00:00Z"), to: t("2026-11-21T01:00:00.001Z") })).toHaveLength(2);
    });

    it("pages with a cursor without repeats or gaps, also across entries of the same instant", async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const r = await listAudit(db, { agencyId: A, take: 2, ...window, ...(cursor ? { cursor } : {}) });
        seen.push(...r.entries.map((e) => e.id));
        if (!r.nextCursor) break;
        cursor = r.nextCursor;
      }
      const all = (await listAudit(db, { agencyId: A, take: 100, ...window })).entries.map((e) => e.id);
      expect(seen).toEqual(all);
      expect(new Set(seen).size).toBe(7);
    });

    it("refuses a filter out of bounds", async () => {
      await expect(listAudit(db, { agencyId: A, take: 0 })).rejects.toThrow();
      await expect(listAudit(db, { agencyId: A, take: 501 })).rejects.toThrow();
      await expect(listAudit(db, { agencyId: "", take: 10 })).rejects.toThrow();
      await expect(listAudit(db, { agencyId: A, take: 10, from: window.to, to: window.from })).rejects.toThrow();
    });
  });

  describe("CSV export", () => {
    it("for Excel in zh-TW: BOM, the header, CRLF, Taipei times, quotes escaped, formulas neutralised", async () => {
      const { id } = await db.$transaction((tx) =>
        recordAudit(tx, {
          agencyId: A,
          actorId: "u-alice",
          actorName: '=HYPERLINK("http://evil.example","點我")',
          action: "review.return",
          targetType: "review",
          targetId: "+1-555",
          before: { comment: "舊" },
          after: { comment: '他說："請補, 附件"\n第二行' },
          at: new Date("2026-11-25T15:54:30.500Z"),
        }),
      );
      const { entries } = await listAudit(db, { agencyId: A, take: 1, targetType: "review", targetId: "+1-555" });
      expect(entries[0]!.id).toBe(id);
      const csv = auditCsv([...entries, { ...entries[0]!, actorName: "@SUM(1+1)", targetType: "-2+3", targetId: "＝1+1", before: null, after: null }]);

      expect(csv.startsWith("\uFEFF時間,使用者,動作,動作代碼,對象類型,對象,對象名稱,變更,變更前,變更後\r\n")).toBe(true);
      expect(csv.endsWith("\r\n")).toBe(true);
      const rows = readCsv(csv.slice(1));
      expect(rows[0]).toEqual([...AUDIT_CSV_HEADER]);
      expect(rows[1]).toEqual([
        "2026-11-25T23:54:30+08:00",
        `'=HYPERLINK("http://evil.example","點我")`,
        "退回項目",
        "review.return",
        "審查",
        "'+1-555",
        "",
        '意見：舊 → 他說："請補, 附件"\n第二行',
        '{"comment":"舊"}',
        JSON.stringify({ comment: '他說："請補, 附件"\n第二行' }),
      ]);
      expect(rows[2]).toEqual(["2026-11-25T23:54:30+08:00", "'@SUM(1+1)", "退回項目", "review.return", "'-2+3", "'＝1+1", "", "", "", ""]);
      expect(rows).toHaveLength(3);
      // Nothing a spreadsheet would evaluate starts a cell.
      for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
    });

    it("strips control and bidi characters, also when they hide a formula", () => {
      const base = { at: new Date("2026-11-25T15:54:30.500Z"), action: "case.edit", targetType: "case", before: null, after: null };
      const csv = auditCsv([
        { ...base, actorName: "\u202Egnp.exe\u202C王小明\u0007", targetId: "\u200F=cmd|' /C calc'!A0", after: { title: "案\u2066名\u2069\u0085" } },
      ]);
      const rows = readCsv(csv.slice(1));
      expect(rows[1]).toEqual([
        "2026-11-25T23:54:30+08:00",
        "gnp.exe王小明",
        "case.edit",
        "case.edit",
        "案件",
        "'=cmd|' /C calc'!A0",
        "",
        "名稱：（無） → 案名",
        "",
        '{"title":"案名"}',
      ]);
      expect(csv).not.toMatch(/[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
    });

    it("an empty log is the header alone", () => {
      expect(auditCsv([])).toBe("\uFEFF時間,使用者,動作,動作代碼,對象類型,對象,對象名稱,變更,變更前,變更後\r\n");
    });
  });
});

describe("audit helpers", () => {
  it("changes: only the keys that differ, compared by value; null when nothing did", () => {
    const at = new Date("2026-01-01T00:00:00Z");
    expect(changes({ a: 1, b: { x: [1, 2] }, c: at, d: "same" }, { a: 2, b: { x: [1, 2] }, c: new Date(at), d: "same", e: true })).toEqual({
      before: { a: 1 },
      after: { a: 2, e: true },
    });
    expect(changes({ a: { p: 1, q: 2 } }, { a: { q: 2, p: 1 } })).toBeNull();
    expect(changes(null, { a: 1 })).toEqual({ before: {}, after: { a: 1 } });
    expect(changes({ a: 1 }, undefined)).toEqual({ before: { a: 1 }, after: {} });
    expect(changes({ a: undefined }, {})).toBeNull();
  });

  it("Taipei time, whatever the server's zone, and a Taipei day as a half-open range", () => {
    expect(formatTaipei(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01T00:00:00+08:00");
    expect(formatTaipei(new Date("2026-06-01T03:04:05.999Z"))).toBe("2026-06-01T11:04:05+08:00");
    expect(taipeiDay("2026-11-20")).toEqual({ from: new Date("2026-11-19T16:00:00Z"), to: new Date("2026-11-20T16:00:00Z") });
    expect(taipeiDay("2026-02-30")).toBeNull();
    expect(taipeiDay("20261120")).toBeNull();
  });
});
