import { readFileSync } from "node:fs";
import path from "node:path";
import { ZClauseLibrary, type TClauseLibrary } from "./schema";

/** Read like the obligations table (lib/resolve/load-obligations.ts): a data file beside the app, not bundled code. */
export const CLAUSE_LIBRARY_PATH = path.join(process.cwd(), "data", "clauses", "2026-11-25.json");

let cached: TClauseLibrary | null = null;

/** The clause library, validated once per process (a malformed file fails loudly, at first use). */
export function clauseLibrary(): TClauseLibrary {
  cached ??= loadClauseLibrary();
  return cached;
}

export function loadClauseLibrary(file: string = CLAUSE_LIBRARY_PATH): TClauseLibrary {
  return ZClauseLibrary.parse(JSON.parse(readFileSync(/*turbopackIgnore: true*/ file, "utf8")) as unknown);
}
