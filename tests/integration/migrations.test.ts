import { describe, expect, it } from "vitest";
import { pendingSchemaSql } from "@/lib/db/migrate";
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
