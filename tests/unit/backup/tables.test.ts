import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TABLES } from "@/lib/backup/tables";
import { BackupError, backupJson, parseBackup } from "@/lib/backup";

// A backup that silently skipped a new table or restored a new DateTime column as a string would not
// be lossless: the table list must follow prisma/schema.prisma.
const schema = readFileSync(path.join(import.meta.dirname, "..", "..", "..", "prisma", "schema.prisma"), "utf8");
const models = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].map(([, name, body]) => {
  const fields = body!
    .split("\n")
    .map((l) => l.trim().match(/^(\w+)\s+(\w+)(\??)/))
    .filter((m): m is RegExpMatchArray => !!m);
  const id =
    body!
      .match(/@@id\(\[([^\]]+)\]\)/)?.[1]
      ?.split(",")
      .map((s) => s.trim()) ?? fields.filter((f) => /@id\b/.test(body!.split("\n").find((l) => l.trim().startsWith(f[1]! + " "))!)).map((f) => f[1]!);
  const lines = body!.split("\n").map((l) => l.trim());
  const columns = Object.fromEntries(
    fields
      .filter((f) => ["String", "Int", "Boolean", "DateTime", "BigInt", "Float", "Bytes"].includes(f[2]!))
      .map((f) => {
        const line = lines.find((l) => l.startsWith(f[1]! + " "))!;
        return [f[1]!, `${f[2]}${f[3]}${/@default|@updatedAt/.test(line) ? "=" : ""}`];
      }),
  );
  return {
    name: name!,
    id,
    columns,
    dates: fields.filter((f) => f[2] === "DateTime").map((f) => f[1]!),
    bigints: fields.filter((f) => f[2] === "BigInt").map((f) => f[1]!),
    bytes: fields.filter((f) => f[2] === "Bytes").map((f) => f[1]!),
  };
});

describe("the backup's table list", () => {
  it("has every model of the schema, with its primary key, DateTime, BigInt and Bytes columns", () => {
    expect(TABLES.map((t) => t.model).sort()).toEqual(models.map((m) => m.name).sort());
    for (const m of models) {
      const t = TABLES.find((x) => x.model === m.name)!;
      expect({ model: t.model, primaryKey: t.primaryKey, dates: [...t.dates].sort(), bigints: t.bigints, bytes: t.bytes, columns: t.columns }).toEqual({
        model: m.name,
        primaryKey: m.id,
        dates: [...m.dates].sort(),
        bigints: m.bigints,
        bytes: m.bytes,
        columns: m.columns,
      });
    }
  });

  it("puts parents before children (a row's foreign keys name rows already inserted)", () => {
    const order = TABLES.map((t) => t.model);
    for (const [, child, body] of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm))
      for (const [, parent] of body!.matchAll(/^\s+\w+\s+(\w+)\??\s+@relation\(.*fields:/gm))
        expect(order.indexOf(parent!), `${parent} before ${child}`).toBeLessThan(order.indexOf(child!));
  });
});

describe("parsing a backup file", () => {
  const empty = { format: "secreq-backup" as const, formatVersion: 1 as const, tables: Object.fromEntries(TABLES.map((t) => [t.model, []])) };

  it("reads back what backupJson writes", () => {
    expect(parseBackup(backupJson(empty))).toEqual(empty);
  });

  it("reads a backup made before the newer tables and columns (no LoginThrottle, no chain head, no agency profile)", () => {
    const older = {
      ...empty,
      tables: { ...empty.tables, Agency: [{ id: "a", name: "舊機關", idleTimeoutMinutes: 30, clauseDefaults: "{}", createdAt: "2026-11-01T00:00:00.000Z" }] },
    };
    delete (older.tables as Record<string, unknown>).LoginThrottle;
    delete (older.tables as Record<string, unknown>).AuditChainHead;
    const parsed = parseBackup(JSON.stringify(older));
    expect(parsed.tables.LoginThrottle).toEqual([]);
    expect(parsed.tables.AuditChainHead).toEqual([]);
    expect(parsed.tables.Agency).toEqual(older.tables.Agency);
    // Only tables added later may be missing.
    expect(
      TABLES.filter((t) => t.addedLater)
        .map((t) => t.model)
        .sort(),
    ).toEqual([
      "AuditChainHead",
      "CalendarFeed",
      "CaseDocument",
      "CaseSubmission",
      "Contract",
      "ContractMilestone",
      "DecisionSplit",
      "Incident",
      "ItemComment",
      "LoginThrottle",
      "Nonconformity",
      "Notification",
      "NotificationSetting",
      "Obligation",
      "ObligationEvent",
      "PmExclusion",
      "ReasonPreset",
      "StoredFile",
      "VendorAnswer",
      "VendorAnswerEvent",
      "VendorAnswerFile",
      "VendorAssessment",
      "VendorInvitation",
    ]);
  });

  it("reads Bytes as canonical base64 only (what the export writes), so the import is exact", () => {
    const row = {
      id: "f",
      agencyId: "a",
      ownerType: "t",
      ownerId: "o",
      name: "a.pdf",
      type: "application/pdf",
      size: 2,
      sha256: "x",
      uploadedById: "u",
      uploadedByName: "王",
    };
    const withContent = (content: unknown) => JSON.stringify({ ...empty, tables: { ...empty.tables, StoredFile: [{ ...row, content }] } });
    expect(parseBackup(withContent("AAH/")).tables.StoredFile![0]!.content).toBe("AAH/");
    for (const bad of ["AAH", "AA=H", "not base64!", 12])
      expect(() => parseBackup(withContent(bad)), String(bad)).toThrow(/StoredFile\[0\]\.content: 應為 ?base64/);
  });

  it.each([
    ["not JSON", "{", /不是有效的 JSON/],
    ["another format", JSON.stringify({ ...empty, format: "x" }), /^format: 不是 SecReq 備份檔/],
    ["a missing table", JSON.stringify({ ...empty, tables: { ...empty.tables, Case: undefined } }), /^tables\.Case: 缺少這個資料表/],
    ["an unknown table", JSON.stringify({ ...empty, tables: { ...empty.tables, Secret: [] } }), /^tables\.Secret: 不認得的資料表/],
    [
      "a date without milliseconds",
      JSON.stringify({ ...empty, tables: { ...empty.tables, Agency: [{ id: "a", name: "n", createdAt: "2026-01-01T00:00:00Z" }] } }),
      /^tables\.Agency\[0\]\.createdAt: 應為 ISO 8601/,
    ],
    [
      "an impossible date",
      JSON.stringify({ ...empty, tables: { ...empty.tables, Agency: [{ id: "a", name: "n", createdAt: "2026-02-30T00:00:00.000Z" }] } }),
      /^tables\.Agency\[0\]\.createdAt: 應為 ISO 8601/,
    ],
    [
      "a BigInt as a number",
      JSON.stringify({ ...empty, tables: { ...empty.tables, RateLimit: [{ id: "r", key: "k", count: 1, lastRequest: 1 }] } }),
      /^tables\.RateLimit\[0\]\.lastRequest: 應為整數字串/,
    ],
    [
      "bytes that are not base64",
      JSON.stringify({
        ...empty,
        tables: {
          ...empty.tables,
          CaseDocument: [{ caseId: "c", kind: "annex", bytes: "not base64!", sha256: "x", size: 1, rendererVersion: "1" }],
        },
      }),
      /^tables\.CaseDocument\[0\]\.bytes: 應為 base64 字串$/,
    ],
    [
      "a missing required column",
      JSON.stringify({ ...empty, tables: { ...empty.tables, Agency: [{ id: "a" }] } }),
      /^tables\.Agency\[0\]\.name: 缺少必填欄位$/,
    ],
    [
      "a column of the wrong type",
      JSON.stringify({ ...empty, tables: { ...empty.tables, User: [{ id: "u", name: "n", email: "e", agencyId: "a", active: "yes" }] } }),
      /^tables\.User\[0\]\.active: 應為布林值 true 或 false$/,
    ],
    [
      "null in a required column",
      JSON.stringify({ ...empty, tables: { ...empty.tables, Agency: [{ id: "a", name: null }] } }),
      /^tables\.Agency\[0\]\.name: 應為字串$/,
    ],
    [
      "an unknown column",
      JSON.stringify({ ...empty, tables: { ...empty.tables, Agency: [{ id: "a", name: "n", isAdmin: true }] } }),
      /^tables\.Agency\[0\]: 不認得的欄位：isAdmin$/,
    ],
    ["a row that is not an object", JSON.stringify({ ...empty, tables: { ...empty.tables, Agency: ["a"] } }), /^tables\.Agency\.0: 應為資料列物件$/],
    [
      "a __proto__ key",
      `{"format":"secreq-backup","formatVersion":1,"tables":{"Agency":[{"id":"a","name":"n","__proto__":{"admin":true}}]}}`,
      /^tables\.Agency\[0\]\.__proto__: 不允許的鍵$/,
    ],
    ["a constructor key", JSON.stringify({ ...empty, tables: { ...empty.tables, constructor: [] } }), /^tables\.constructor: 不允許的鍵$/],
    [
      "a NUL in an e-mail",
      JSON.stringify({ ...empty, tables: { ...empty.tables, User: [{ id: "u", name: "n", email: "a\u0000@x.tw", agencyId: "a" }] } }),
      /^tables\.User\[0\]\.email: 不得含有 NUL 字元/,
    ],
    ["an array for a document", "[]", /^備份檔: 不是 SecReq 備份檔/],
  ])("refuses %s with the place of the problem", (_, text, message) => {
    const e = (() => {
      try {
        parseBackup(text);
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(BackupError);
    expect((e as BackupError).message).toMatch(message);
  });
});
