import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync, openSync, closeSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { databaseProvider, sqliteFilePath, type TDbProvider } from "./url";
import { DatabaseMissingError } from "./errors";

// Prisma's native schema engine cannot be downloaded here, so migrations run on its WASM build, for
// SQLite (better-sqlite3 adapter) and PostgreSQL (pg adapter) alike. The wasm is instantiated by hand:
// no --experimental-wasm-modules needed, and the `_prisma_migrations` table stays compatible with
// `prisma migrate deploy`.

const ROOT = process.cwd();
export const SCHEMA_PATH = path.join(ROOT, "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");
export const PG_SCHEMA_PATH = path.join(ROOT, "prisma", "postgres", "schema.prisma");
export const PG_MIGRATIONS_DIR = path.join(ROOT, "prisma", "postgres", "migrations");

/** A PostgreSQL server to diff against when creating migrations (the engine creates and drops its shadow database there). */
export const PG_DEV_URL_DEFAULT = "postgres://postgres@127.0.0.1:5432/postgres";

const paths = (provider: TDbProvider) =>
  provider === "postgresql" ? { schema: PG_SCHEMA_PATH, migrations: PG_MIGRATIONS_DIR } : { schema: SCHEMA_PATH, migrations: MIGRATIONS_DIR };

type Engine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};

let bg: Record<string, unknown> | undefined;
async function wasmBindings() {
  if (bg) return bg;
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const bindings = (await import(/* webpackIgnore: true */ path.join(dir, "schema_engine_bg.js"))) as Record<string, unknown>;
  const bytes = readFileSync(path.join(dir, "schema_engine_bg.wasm"));
  // The engine arms 10 s timers (query timeouts) it never clears; unref them so that a CLI run ends
  // when its work does instead of waiting them out.
  const imports: Record<string, unknown> = { ...bindings };
  for (const [name, fn] of Object.entries(bindings))
    if (name.startsWith("__wbg_setTimeout_") && typeof fn === "function")
      imports[name] = (...args: unknown[]) => {
        const timer = (fn as (...a: unknown[]) => unknown)(...args);
        (timer as { unref?: () => void } | null)?.unref?.();
        return timer;
      };
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports as WebAssembly.ModuleImports });
  (bindings.__wbg_set_wasm as (w: unknown) => void)(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  bg = bindings;
  return bg;
}

type TDisposable = { dispose(): Promise<void> };

/**
 * The engine replays each migration file into the shadow database with one `executeRaw`, which
 * better-sqlite3 refuses for multi-statement SQL; run such scripts with `executeScript` instead.
 */
class ShadowSafeBetterSqlite3 extends PrismaBetterSqlite3 {
  // The engine does not close its connections on free(); an open one would keep SQLite locked.
  readonly opened: TDisposable[] = [];

  override async connect() {
    const adapter = await super.connect();
    this.opened.push(adapter);
    return adapter;
  }

  async disposeAll() {
    await Promise.all(this.opened.splice(0).map((a) => a.dispose().catch(() => {})));
  }

  override async connectToShadowDb() {
    const adapter = await super.connectToShadowDb();
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (query) => {
      try {
        return await executeRaw(query);
      } catch (e) {
        if (!(e instanceof RangeError) || !/more than one statement/.test(e.message) || query.args.length) throw e;
        await adapter.executeScript(query.sql);
        return 0;
      }
    };
    this.opened.push(adapter);
    return adapter;
  }
}

/**
 * The pg adapter, given a config object (not a connection string: with one, pg would ignore the
 * temporary shadow database's name and replay migrations into the real database). The engine does not
 * close its pools on free(); they are closed here, which also drops the shadow database.
 */
class ClosingPg extends PrismaPg {
  readonly opened: TDisposable[] = [];
  constructor(url: string) {
    super(pgConfig(url));
  }
  override async connect() {
    const adapter = await super.connect();
    charAsText(adapter.underlyingDriver());
    wholeScripts(adapter);
    this.opened.push(adapter);
    return adapter;
  }
  override async connectToShadowDb() {
    const adapter = await super.connectToShadowDb();
    charAsText(adapter.underlyingDriver());
    wholeScripts(adapter);
    // The adapter drops the shadow database before closing its own pool, which the server refuses
    // ("being accessed by other users"): close the pool first, then let it drop the database.
    const release = adapter.dispose.bind(adapter);
    let disposed = false;
    adapter.dispose = async () => {
      if (disposed) return;
      disposed = true;
      await adapter.underlyingDriver().end();
      await release().catch((e: unknown) => {
        if (!/more than once/.test(String((e as Error)?.message))) throw e;
      });
    };
    this.opened.push(adapter);
    return adapter;
  }
  async disposeAll() {
    // Shadow databases first (their release drops the database through the main connection).
    for (const a of this.opened.splice(0).reverse()) await a.dispose().catch(() => {});
  }
}

/**
 * The engine reads PostgreSQL's catalogue, whose `"char"` columns (type oid 18, e.g. pg_class.relkind)
 * the pg adapter refuses as an unsupported type; pg hands them over as strings, so call them text.
 */
function charAsText(pool: pg.Pool) {
  type TResult = { fields?: { dataTypeID: number }[] };
  const fix = <T>(r: T): T => {
    for (const f of (r as TResult)?.fields ?? []) if (f.dataTypeID === 18) f.dataTypeID = 25;
    return r;
  };
  const wrapQuery = (target: { query: (...a: unknown[]) => unknown }) => {
    const query = target.query.bind(target);
    target.query = (...args: unknown[]) => {
      const r = query(...args);
      return r instanceof Promise ? r.then(fix) : r;
    };
  };
  wrapQuery(pool as unknown as { query: (...a: unknown[]) => unknown });
  // Transactions take a client of their own (pool.query uses the callback form, left alone).
  const connect = pool.connect.bind(pool) as (...a: unknown[]) => unknown;
  (pool as unknown as { connect: (...a: unknown[]) => unknown }).connect = (...args: unknown[]) => {
    if (args.length) return connect(...args);
    return (connect() as Promise<pg.PoolClient>).then((client) => {
      if (!(client as unknown as { secreqCharAsText?: true }).secreqCharAsText) {
        wrapQuery(client as unknown as { query: (...a: unknown[]) => unknown });
        (client as unknown as { secreqCharAsText?: true }).secreqCharAsText = true;
      }
      return client;
    });
  };
}

/**
 * The pg adapter runs a script by splitting it at every `;`, which cuts PL/pgSQL bodies (and comments)
 * apart; the simple query protocol takes the whole script as one implicit transaction instead.
 */
function wholeScripts(adapter: { executeScript(script: string): Promise<void>; underlyingDriver(): pg.Pool }) {
  adapter.executeScript = async (script) => {
    await adapter.underlyingDriver().query(script);
  };
}

/** A postgres:// URL as a pg config object. */
export function pgConfig(url: string): pg.PoolConfig {
  const u = new URL(url);
  const ssl = u.searchParams.get("sslmode");
  return {
    host: decodeURIComponent(u.hostname) || "localhost",
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || undefined,
    ...(ssl && ssl !== "disable" ? { ssl: ssl === "no-verify" ? { rejectUnauthorized: false } : true } : {}),
  };
}

/** Runs `fn` with a client on the server's maintenance database (`postgres`). */
async function withMaintenance<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ ...pgConfig(url), database: "postgres" });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Creates the PostgreSQL database a URL names if the server does not have it yet. */
export async function ensurePgDatabase(url: string): Promise<void> {
  const name = pgConfig(url).database;
  if (!name || name === "postgres") return;
  await withMaintenance(url, async (c) => {
    const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return;
    try {
      await c.query(`CREATE DATABASE ${quoteIdent(name)}`);
    } catch (e) {
      if ((e as { code?: string }).code !== "42P04") throw e; // another instance created it meanwhile
    }
  });
}

/** Drops a PostgreSQL database (tests); connections still open to it are ended. */
export async function dropPgDatabase(url: string): Promise<void> {
  const name = pgConfig(url).database;
  if (!name || name === "postgres") throw new Error("refusing to drop the maintenance database");
  await withMaintenance(url, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

/**
 * Runs `fn` holding a PostgreSQL advisory lock, so that several app instances starting at once migrate
 * and load the bundled catalogue one after the other. SQLite needs none (one machine, one writer).
 */
export async function withSetupLock<T>(url: string, fn: () => Promise<T>): Promise<T> {
  if (databaseProvider(url) !== "postgresql") return fn();
  await ensurePgDatabase(url);
  const client = new pg.Client(pgConfig(url));
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(5345715)"); // "SECREQ" setup
    return await fn();
  } finally {
    await client.query("SELECT pg_advisory_unlock(5345715)").catch(() => {});
    await client.end();
  }
}

/**
 * A new SQLite file is created empty with mode 0600 before SQLite opens it (it would use 0644 less the
 * umask): the database holds password hashes and session tokens. SQLite gives its journal and WAL files
 * the database file's mode.
 */
function createSqliteFile(file: string) {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    closeSync(openSync(file, "wx", 0o600));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
}

/** Whether the database a URL names exists (an SQLite file, a PostgreSQL database on its server); creates nothing. */
export async function databaseExists(url: string): Promise<boolean> {
  if (databaseProvider(url) === "sqlite") {
    const file = sqliteFilePath(url);
    return file === ":memory:" || existsSync(file);
  }
  const name = pgConfig(url).database;
  if (!name || name === "postgres") return true;
  return withMaintenance(url, async (c) => ((await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount ?? 0) > 0);
}

/** DatabaseMissingError unless the database exists: for every command but setup and db:migrate. */
export async function assertDatabaseExists(url: string): Promise<void> {
  if (!(await databaseExists(url))) throw new DatabaseMissingError(url);
}

async function openEngine(url: string, log: (msg: string) => void): Promise<Engine & { close(): Promise<void> }> {
  const provider = databaseProvider(url);
  let factory: ShadowSafeBetterSqlite3 | ClosingPg;
  if (provider === "postgresql") factory = new ClosingPg(url);
  else {
    const file = sqliteFilePath(url);
    if (file !== ":memory:") createSqliteFile(file);
    factory = new ShadowSafeBetterSqlite3({ url: file === ":memory:" ? file : `file:${file}` });
  }
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const { SchemaEngine } = (await wasmBindings()) as { SchemaEngine: { new: (...a: unknown[]) => Promise<Engine> } };
  const schemaPath = paths(provider).schema;
  const schema = readFileSync(schemaPath, "utf8");
  const engine = await SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, (m: string) => log(m), adapter);
  return Object.assign(engine, {
    async close() {
      engine.free();
      await factory.disposeAll();
    },
  });
}

function migrationsList(provider: TDbProvider) {
  const dir = paths(provider).migrations;
  const dirs = existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => {
      const file = path.join(dir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file) ? { tag: "ok", value: readFileSync(file, "utf8") } : { tag: "error", value: "missing migration.sql" },
        },
      };
    }),
  };
}

const noFilter = { externalTables: [], externalEnums: [] };

/** Applies pending migrations (SQLite or PostgreSQL, by the URL); returns the names applied now. */
export async function migrate(url: string, log: (msg: string) => void = () => {}): Promise<string[]> {
  const provider = databaseProvider(url);
  if (provider === "postgresql") await ensurePgDatabase(url);
  const engine = await openEngine(url, log);
  try {
    const out = await engine.applyMigrations({ migrationsList: migrationsList(provider), filters: noFilter });
    return out.appliedMigrationNames;
  } finally {
    await engine.close();
  }
}

/**
 * The SQL that takes a provider's migrations to its schema ("" when they agree). SQLite replays them
 * into an in-memory shadow database; PostgreSQL into a temporary database on the server `pgUrl` names.
 */
export async function pendingSchemaSql(
  provider: TDbProvider,
  pgUrl: string = process.env.SECREQ_PG_DEV_URL || PG_DEV_URL_DEFAULT,
  log: (msg: string) => void = () => {},
): Promise<string> {
  const engine = await openEngine(provider === "postgresql" ? pgUrl : "file::memory:", log);
  try {
    const schemaPath = paths(provider).schema;
    const out = await engine.diff({
      from: { tag: "migrations", ...migrationsList(provider) },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }] },
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    const sql = out.stdout?.trim() ?? "";
    return !sql || /^-- This is an empty migration\.?$/.test(sql) ? "" : sql;
  } finally {
    await engine.close();
  }
}

function ensureLockfile(provider: TDbProvider) {
  const base = paths(provider).migrations;
  const lock = path.join(base, "migration_lock.toml");
  if (existsSync(lock)) return;
  mkdirSync(base, { recursive: true });
  writeFileSync(lock, `# Please do not edit this file manually\nprovider = "${provider}"\n`);
}

function writeMigration(provider: TDbProvider, dirName: string, sql: string): string {
  const base = paths(provider).migrations;
  const dir = path.join(base, dirName);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
  return dir;
}

/**
 * Writes a new migration for each provider whose migrations fall short of its schema (same name and
 * timestamp for both); empty when nothing changed. The PostgreSQL schema must be regenerated first
 * (`npm run db:schema:pg`; scripts/db.ts does it).
 */
export async function createMigration(
  name: string,
  log: (msg: string) => void = () => {},
  providers: TDbProvider[] = ["sqlite", "postgresql"],
  stamp: string = new Date().toISOString().replace(/\D/g, "").slice(0, 14),
): Promise<string[]> {
  const written: string[] = [];
  for (const provider of providers) {
    ensureLockfile(provider);
    const sql = await pendingSchemaSql(provider, undefined, log);
    if (sql) written.push(writeMigration(provider, `${stamp}_${name}`, sql));
  }
  return written;
}
