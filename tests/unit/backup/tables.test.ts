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
  const id = body!.match(/@@id\(\[([^\]]+)\]\)/)?.[1]?.split(",").map((s) => s.trim()) ?? fields.filter((f) => /@id\b/.test(body!.split("\n").find((l) => l.trim().startsWith(f[1]! + " "))!)).map((f) => f[1]!);
  return { name: name!, id, dates: fields.filter((f) => f[2] === "DateTime").map((f) => f[1]!), bigints: fields.filter((f) => f[2] === "BigInt").map((f) => f[1]!) };
});

describe("the backup's table list", () => {
  it("has every model of the schema, with its primary key, DateTime and BigInt columns", () => {
    expect(TABLES.map((t) => t.model).sort()).toEqual(models.map((m) => m.name).sort());
    for (const m of models) {
      const t = TABLES.find((x) => x.model === m.name)!;
      expect({ model: t.model, primaryKey: t.primaryKey, dates: [...t.dates].sort(), bigints: t.bigints }).toEqual({ model: m.name, primaryKey: m.id, dates: [...m.dates].sort(), bigints: m.bigints });
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

  it.each([
    ["not JSON", "{", /不是有效的 JSON/],
    ["another format", JSON.stringify({ ...empty, format: "x" }), /^format: 不是 SecReq 備份檔/],
    ["a missing table", JSON.stringify({ ...empty, tables: { ...empty.tables, Case: undefined } }), /^tables\.Case: 缺少這個資料表/],
    ["an unknown table", JSON.stringify({ ...empty, tables: { ...empty.tables, Secret: [] } }), /^tables\.Secret: 不認得的資料表/],
    ["a date without milliseconds", JSON.stringify({ ...empty, tables: { ...empty.tables, Agency: [{ id: "a", createdAt: "2026-01-01T00:00:00Z" }] } }), /^tables\.Agency\[0\]\.createdAt: 應為 ISO 8601/],
    ["a BigInt as a number", JSON.stringify({ ...empty, tables: { ...empty.tables, RateLimit: [{ id: "r", lastRequest: 1 }] } }), /^tables\.RateLimit\[0\]\.lastRequest: 應為整數字串/],
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
