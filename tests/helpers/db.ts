import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { prepareDatabase } from "@/lib/setup";
import { dropPgDatabase } from "@/lib/db/migrate";
import type { TDb } from "@/lib/db/client";

/** The test database's provider: SQLite unless SECREQ_TEST_DB=postgres (scripts/test-all.sh runs both). */
export const TEST_DB: "sqlite" | "postgres" = process.env.SECREQ_TEST_DB === "postgres" ? "postgres" : "sqlite";

/** The PostgreSQL server the tests use (trust auth on the machine; .ci/run starts it). */
export const TEST_PG_SERVER = process.env.SECREQ_TEST_PG_URL || "postgres://postgres@127.0.0.1:5432";

/** A URL for a new, empty database of the test provider, and how to remove it. */
export function freshDbUrl(): { url: string; remove: () => Promise<void> } {
  if (TEST_DB === "postgres") {
    const url = `${TEST_PG_SERVER.replace(/\/+$/, "")}/secreq_test_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
    return { url, remove: () => dropPgDatabase(url) };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "secreq-test-"));
  return { url: `file:${path.join(dir, "test.db")}`, remove: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A migrated database with the bundled catalogue: a SQLite file in its own temp folder, or a new PostgreSQL database. */
export async function freshDb(): Promise<{ db: TDb; url: string; cleanup: () => Promise<void> }> {
  const { url, remove } = freshDbUrl();
  const db = await prepareDatabase(url);
  return {
    db,
    url,
    cleanup: async () => {
      await db.$disconnect();
      await remove();
    },
  };
}
