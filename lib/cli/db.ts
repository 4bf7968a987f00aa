import { createHash } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { hostname, userInfo } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { TDb } from "../db/client";
import { backupJson, exportBackup, importBackup, parseBackup } from "../backup";
import { decodeUtf8 } from "../api/json";
import { DomainError } from "../errors";
import { refusal, type TIo } from "./io";

/** Set to 1 to allow `db import --replace` without the long flag (scripted restores). */
export const ALLOW_REPLACE_ENV = "SECREQ_ALLOW_HISTORY_REPLACE";
export const REPLACE_FLAG = "i-understand-this-replaces-history";

/**
 * `npm run -s cli -- db export --out backup.json` / `db import --in backup.json [--replace]`: move every
 * table between databases (SQLite ↔ PostgreSQL) or keep a backup. The database is DATABASE_URL's.
 * Exit codes: 0 done; 2 bad arguments, an unreadable or invalid backup, or a non-empty target; 1 unexpected.
 */
export type TDbCommandDeps = {
  /** The database with the app's setup done (export). */
  openDb: () => Promise<TDb>;
  /** The database migrated and nothing else loaded (import: a new database must stay empty until then). */
  openBareDb: () => Promise<TDb>;
  /** The environment (process.env in the CLI): the replace switch, the operator's name. */
  env?: Record<string, string | undefined>;
};

/** Who runs the restore, for its audit entry: SECREQ_OPERATOR, else the OS account and host. */
function operatorName(env: Record<string, string | undefined> = {}): string {
  const named = env.SECREQ_OPERATOR?.trim();
  if (named) return named.slice(0, 200);
  let user = "unknown";
  try {
    user = userInfo().username;
  } catch {
    // no passwd entry (some containers)
  }
  return `${user}@${hostname()}（命令列）`.slice(0, 200);
}

const PRISMA_REFUSAL: Record<string, string> = {
  P2000: "有欄位的值超過資料庫欄位長度",
  P2002: "有重複的主鍵或唯一值",
  P2003: "有資料參照不存在的資料列",
  P2007: "有欄位的值不符資料庫型別",
  P2011: "有必填欄位為空值",
  P2012: "缺少必填欄位",
  P2023: "有欄位的值不符資料庫型別",
};

/** A database refusal during import as one zh-TW line (the transaction has rolled back: nothing was written). */
function databaseRefusal(e: unknown): DomainError | null {
  const err = e as { name?: unknown; code?: unknown; meta?: { modelName?: unknown } } | null;
  if (!err || typeof err.name !== "string" || !err.name.startsWith("PrismaClient")) return null;
  const code = typeof err.code === "string" ? err.code : "";
  const table = typeof err.meta?.modelName === "string" ? `（資料表 ${err.meta.modelName}）` : "";
  return new DomainError("invalid", `資料庫拒絕寫入備份資料${table}：${PRISMA_REFUSAL[code] ?? `資料庫錯誤${code ? ` ${code}` : ""}`}。未匯入任何資料。`);
}

export const DB_USAGE = `用法：
  npm run -s cli -- db export --out <備份.json>               匯出資料庫全部資料（DATABASE_URL 所指的資料庫）
  npm run -s cli -- db import --in <備份.json> [--replace --i-understand-this-replaces-history]
                                                            匯入備份；目標資料庫須為空，--replace 則先清除全部資料（含稽核紀錄，並記下此次取代）`;

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export async function dbCommand(args: string[], io: TIo, deps: TDbCommandDeps): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "export") {
    const { values } = parseArgs({ args: rest, options: { out: { type: "string" } }, strict: true });
    if (!values.out) {
      io.err(`請以 --out 指定備份檔名\n${DB_USAGE}`);
      return 2;
    }
    const backup = await exportBackup(await deps.openDb());
    const file = path.resolve(values.out);
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      // 0600: the file holds password hashes and session tokens.
      await writeFile(tmp, backupJson(backup), { mode: 0o600 });
      await rename(tmp, file);
    } catch (e) {
      await rm(tmp, { force: true });
      io.err(`無法寫入 ${values.out}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      return 2;
    }
    const counts = Object.fromEntries(Object.entries(backup.tables).map(([t, rows]) => [t, rows.length]));
    io.out(`已匯出 ${total(counts).toLocaleString("en-US")} 筆資料至 ${values.out}（${summary(counts)}）`);
    return 0;
  }
  if (sub === "import") {
    const { values } = parseArgs({
      args: rest,
      options: { in: { type: "string" }, replace: { type: "boolean" }, [REPLACE_FLAG]: { type: "boolean" } },
      strict: true,
    });
    if (!values.in) {
      io.err(`請以 --in 指定備份檔\n${DB_USAGE}`);
      return 2;
    }
    if (values.replace && !values[REPLACE_FLAG] && deps.env?.[ALLOW_REPLACE_ENV] !== "1") {
      io.err(`--replace 會刪除目標資料庫的全部資料與稽核紀錄，改以備份內容取代；確定時請再加上 --${REPLACE_FLAG}（或設定環境變數 ${ALLOW_REPLACE_ENV}=1）`);
      return 2;
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(values.in);
    } catch (e) {
      io.err(`無法讀取 ${values.in}：${(e as NodeJS.ErrnoException).code === "ENOENT" ? "檔案不存在" : ((e as NodeJS.ErrnoException).code ?? "讀取失敗")}`);
      return 2;
    }
    try {
      const backup = parseBackup(decodeUtf8(bytes, "備份檔"));
      const origin = { operator: operatorName(deps.env), file: path.basename(values.in), sha256: createHash("sha256").update(bytes).digest("hex") };
      const counts = await importBackup(await deps.openBareDb(), backup, { replace: values.replace, origin });
      io.out(`已匯入 ${total(counts).toLocaleString("en-US")} 筆資料（${summary(counts)}）`);
      return 0;
    } catch (e) {
      return refusal(databaseRefusal(e) ?? e, io);
    }
  }
  io.err(sub ? `未知的 db 指令「${sub}」\n${DB_USAGE}` : DB_USAGE);
  return 2;
}

const LABEL: Record<string, string> = {
  CatalogueVersion: "目錄版本",
  Agency: "機關",
  User: "使用者",
  Case: "案件",
  Decision: "決定",
  Review: "審查意見",
  AuditEntry: "稽核紀錄",
};
const summary = (counts: Record<string, number>) =>
  Object.entries(LABEL)
    .map(([t, label]) => `${label} ${counts[t] ?? 0}`)
    .join("、");
