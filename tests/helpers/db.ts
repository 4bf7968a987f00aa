import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { prepareDatabase } from "@/lib/setup";
import type { TDb } from "@/lib/db/client";

/** A migrated database with the bundled catalogue, in its own temp folder. */
export async function freshDb(): Promise<{ db: TDb; url: string; cleanup: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), "secreq-test-"));
  const url = `file:${path.join(dir, "test.db")}`;
  const db = await prepareDatabase(url);
  return {
    db,
    url,
    cleanup: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
