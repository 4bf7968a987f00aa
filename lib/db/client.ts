import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";
import { databaseUrl, sqliteFilePath } from "./url";

export type TDb = InstanceType<typeof PrismaClient>;

export function createDb(url: string = databaseUrl()): TDb {
  const file = sqliteFilePath(url);
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: file === ":memory:" ? file : `file:${file}` }) });
}

// One client per server process (Next dev reloads modules; keep the connection on globalThis).
const globalForDb = globalThis as unknown as { secreqDb?: TDb };
export function db(): TDb {
  globalForDb.secreqDb ??= createDb();
  return globalForDb.secreqDb;
}
