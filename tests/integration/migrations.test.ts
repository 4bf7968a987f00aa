import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate, pendingSchemaSql } from "@/lib/db/migrate";
import { TEST_DB, TEST_PG_SERVER } from "../helpers/db";

// A schema change without its migration (for either provider) would pass every test on a database
// the tests migrate from scratch, and fail on a real one; `npm run db:migration -- <name>` writes both.
describe("the migrations take an empty database to the schema", () => {
  it("SQLite (prisma/migrations ↔ prisma/schema.prisma)", async () => {
    expect(await pendingSchemaSql("sqlite")).toBe("");
  });

  it.runIf(TEST_DB === "postgres")("PostgreSQL (prisma/postgres/migrations ↔ prisma/postgres/schema.prisma)", async () => {
    expect(await pendingSchemaSql("postgresql", `${TEST_PG_SERVER.replace(/\/+$/, "")}/postgres`)).toBe("");
  });
});

describe("a new SQLite database", () => {
  it("is created readable and writable by its owner only (0600), its folder 0700", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "secreq-mode-"));
    try {
      const file = path.join(dir, "new", "secreq.db");
      await migrate(`file:${file}`);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
