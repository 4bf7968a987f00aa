import type { TDb } from "./client";
import { providerOf } from "./client";
import type { TTx } from "../audit/tx";

/**
 * Takes the case's row lock for the rest of the transaction, before it is read: two instances saving
 * the same case then run one after the other, the second seeing what the first committed (and refusing
 * it as a conflict where the caller's rules say so). PostgreSQL: `SELECT … FOR UPDATE`. SQLite has one
 * writer at a time and serializes the transactions already.
 */
export async function lockCaseRow(db: TDb, tx: TTx, caseId: string): Promise<void> {
  if (providerOf(db) === "postgresql") await tx.$queryRawUnsafe(`SELECT 1 FROM "Case" WHERE "id" = $1 FOR UPDATE`, caseId);
}

/** The same for a catalogue draft: two 目錄管理者 saving at once meet its lock version one after the other. */
export async function lockCatalogueVersionRow(db: TDb, tx: TTx, versionId: string): Promise<void> {
  if (providerOf(db) === "postgresql") await tx.$queryRawUnsafe(`SELECT 1 FROM "CatalogueVersion" WHERE "id" = $1 FOR UPDATE`, versionId);
}

/** The same for one obligation of a contract: evidence and reviews of it run one after the other. */
export async function lockObligationRow(db: TDb, tx: TTx, obligationId: string): Promise<void> {
  if (providerOf(db) === "postgresql") await tx.$queryRawUnsafe(`SELECT 1 FROM "Obligation" WHERE "id" = $1 FOR UPDATE`, obligationId);
}
