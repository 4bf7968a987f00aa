import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pgSchemaFrom } from "@/lib/db/pg-schema";

const root = path.join(import.meta.dirname, "..", "..", "..");
const sqlite = readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8");

describe("the PostgreSQL schema", () => {
  it("is exactly what `npm run db:schema:pg` derives from prisma/schema.prisma (the two never drift)", () => {
    const committed = readFileSync(path.join(root, "prisma", "postgres", "schema.prisma"), "utf8");
    expect(committed, "run `npm run db:schema:pg` after editing prisma/schema.prisma").toBe(pgSchemaFrom(sqlite));
  });

  it("differs from the SQLite one only in the provider and the generated client's folder", () => {
    const pg = pgSchemaFrom(sqlite).split("\n").slice(1);
    const changed = pg.filter((line, i) => line !== sqlite.split("\n")[i]);
    expect(changed.map((l) => l.trim())).toEqual(['output       = "../../lib/db/generated-pg"', 'provider = "postgresql"']);
  });

  it("refuses a schema whose provider it does not recognise", () => {
    expect(() => pgSchemaFrom(sqlite.replace('"sqlite"', '"mysql"'))).toThrow(/provider/);
  });
});
