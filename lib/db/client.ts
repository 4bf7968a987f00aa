import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { PrismaClient as PrismaClientPg } from "./generated-pg/client";
import { databaseProvider, databaseUrl, sqliteFilePath, type TDbProvider } from "./url";

/**
 * The one client type the app uses. Both generated clients come from the same models
 * (prisma/postgres/schema.prisma is derived from prisma/schema.prisma), so their APIs are the same.
 */
export type TDb = InstanceType<typeof PrismaClient>;

// On globalThis: Next may bundle this module more than once (one copy per layer), and a client made by
// one copy must be recognised by the others.
const globalForProviders = globalThis as unknown as { secreqDbProviders?: WeakMap<object, TDbProvider> };
const providers = (globalForProviders.secreqDbProviders ??= new WeakMap<object, TDbProvider>());

/** Opens the database DATABASE_URL names: `file:` → SQLite (better-sqlite3), `postgres://` → PostgreSQL (pg). */
export function createDb(url: string = databaseUrl()): TDb {
  if (databaseProvider(url) === "postgresql") {
    const client = new PrismaClientPg({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as TDb;
    providers.set(client, "postgresql");
    return client;
  }
  const file = sqliteFilePath(url);
  const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: file === ":memory:" ? file : `file:${file}` }) });
  providers.set(client, "sqlite");
  return client;
}

/** The provider a client from createDb talks to (else the one DATABASE_URL names). */
export function providerOf(db: TDb): TDbProvider {
  return providers.get(db) ?? databaseProvider(databaseUrl());
}

/** A client from createDb, as opposed to a transaction's client (which has a `$transaction` too, at runtime). */
export function isClient(x: unknown): x is TDb {
  return typeof x === "object" && x !== null && providers.has(x);
}

// One client per server process (Next dev reloads modules; keep the connection on globalThis).
const globalForDb = globalThis as unknown as { secreqDb?: TDb };
export function db(): TDb {
  globalForDb.secreqDb ??= createDb();
  return globalForDb.secreqDb;
}
