import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import type { TDb } from "../db/client";
import { backupJson, exportBackup, importBackup, parseBackup } from "../backup";
import { refusal, type TIo } from "./io";

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
};

export const DB_USAGE = `用法：
  npm run -s cli -- db export --out <備份.json>               匯出資料庫全部資料（DATABASE_URL 所指的資料庫）
  npm run -s cli -- db import --in <備份.json> [--replace]    匯入備份；目標資料庫須為空，--replace 則先清除全部資料`;

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
      await writeFile(tmp, backupJson(backup));
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
    const { values } = parseArgs({ args: rest, options: { in: { type: "string" }, replace: { type: "boolean" } }, strict: true });
    if (!values.in) {
      io.err(`請以 --in 指定備份檔\n${DB_USAGE}`);
      return 2;
    }
    let text: string;
    try {
      text = await readFile(values.in, "utf8");
    } catch (e) {
      io.err(`無法讀取 ${values.in}：${(e as NodeJS.ErrnoException).code === "ENOENT" ? "檔案不存在" : ((e as NodeJS.ErrnoException).code ?? "讀取失敗")}`);
      return 2;
    }
    try {
      const backup = parseBackup(text);
      const counts = await importBackup(await deps.openBareDb(), backup, { replace: values.replace });
      io.out(`已匯入 ${total(counts).toLocaleString("en-US")} 筆資料（${summary(counts)}）`);
      return 0;
    } catch (e) {
      return refusal(e, io);
    }
  }
  io.err(sub ? `未知的 db 指令「${sub}」\n${DB_USAGE}` : DB_USAGE);
  return 2;
}

const LABEL: Record<string, string> = { CatalogueVersion: "目錄版本", Agency: "機關", User: "使用者", Case: "案件", Decision: "決定", Review: "審查意見", AuditEntry: "稽核紀錄" };
const summary = (counts: Record<string, number>) =>
  Object.entries(LABEL)
    .map(([t, label]) => `${label} ${counts[t] ?? 0}`)
    .join("、");
