import path from "node:path";

/** Where the embedded database lives unless DATABASE_URL says otherwise (never committed: var/ is ignored). */
export const DEFAULT_DATABASE_URL = "file:./var/secreq.db";

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

/** Absolute file path of a `file:` URL, relative paths taken from the working directory. */
export function sqliteFilePath(url: string): string {
  if (!url.startsWith("file:")) throw new Error(`不支援的資料庫連線字串：${url.split(":")[0]}:`);
  const p = url.slice("file:".length);
  if (p === ":memory:") return p;
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), p);
}

export type TDbProvider = "sqlite" | "postgresql";

/** Which database a URL names: `file:` → embedded SQLite, `postgres://` / `postgresql://` → PostgreSQL. */
export function databaseProvider(url: string): TDbProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`不支援的資料庫連線字串：${url.split(":")[0]}:（請使用 file: 或 postgres://）`);
}

/** A URL fit for logs: a PostgreSQL password is replaced by ***. */
export function displayUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:@/]+:)[^@/]*@/, "$1***@");
}
