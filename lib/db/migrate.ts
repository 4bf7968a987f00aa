import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { sqliteFilePath } from "./url";

// Prisma's native schema engine cannot be downloaded here, so migrations run on its WASM build.
// The wasm is instantiated by hand: no --experimental-wasm-modules needed, and the
// `_prisma_migrations` table stays compatible with `prisma migrate deploy`.

const ROOT = process.cwd();
export const SCHEMA_PATH = path.join(ROOT, "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");

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
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings as WebAssembly.ModuleImports });
  (bindings.__wbg_set_wasm as (w: unknown) => void)(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  bg = bindings;
  return bg;
}

/**
 * The engine replays each migration file into the shadow database with one `executeRaw`, which
 * better-sqlite3 refuses for multi-statement SQL; run such scripts with `executeScript` instead.
 */
class ShadowSafeBetterSqlite3 extends PrismaBetterSqlite3 {
  // The engine does not close its connections on free(); an open one would keep SQLite locked.
  readonly opened: { dispose(): Promise<void> }[] = [];

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

async function openEngine(url: string, log: (msg: string) => void): Promise<Engine & { close(): Promise<void> }> {
  const file = sqliteFilePath(url);
  if (file !== ":memory:") mkdirSync(path.dirname(file), { recursive: true });
  const factory = new ShadowSafeBetterSqlite3({ url: file === ":memory:" ? file : `file:${file}` });
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const { SchemaEngine } = (await wasmBindings()) as { SchemaEngine: { new: (...a: unknown[]) => Promise<Engine> } };
  const schema = readFileSync(SCHEMA_PATH, "utf8");
  const engine = await SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, (m: string) => log(m), adapter);
  return Object.assign(engine, {
    async close() {
      engine.free();
      await factory.disposeAll();
    },
  });
}

function migrationsList() {
  const dirs = existsSync(MIGRATIONS_DIR)
    ? readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => {
      const file = path.join(MIGRATIONS_DIR, name, "migration.sql");
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

/** Applies pending migrations; returns the names applied now. */
export async function migrate(url: string, log: (msg: string) => void = () => {}): Promise<string[]> {
  const engine = await openEngine(url, log);
  try {
    const out = await engine.applyMigrations({ migrationsList: migrationsList(), filters: noFilter });
    return out.appliedMigrationNames;
  } finally {
    await engine.close();
  }
}

/** Writes a new migration with the SQL that takes the migrations to the schema; null when nothing changed. */
export async function createMigration(name: string, log: (msg: string) => void = () => {}): Promise<string | null> {
  const lock = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  if (!existsSync(lock)) {
    mkdirSync(MIGRATIONS_DIR, { recursive: true });
    writeFileSync(lock, '# Please do not edit this file manually\nprovider = "sqlite"\n');
  }
  // The engine replays the migrations into an in-memory shadow database.
  const engine = await openEngine("file::memory:", log);
  try {
    const schema = readFileSync(SCHEMA_PATH, "utf8");
    const out = await engine.diff({
      from: { tag: "migrations", ...migrationsList() },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilter,
    });
    const sql = out.stdout?.trim() ?? "";
    if (!sql || /^-- This is an empty migration\.?$/.test(sql)) return null;
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
    return dir;
  } finally {
    await engine.close();
  }
}
