// Developer database commands: `npm run db:migrate`, `npm run db:migration -- <name>`.
import { readFileSync, writeFileSync } from "node:fs";
import { migrate, createMigration, withSetupLock, SCHEMA_PATH, PG_SCHEMA_PATH, PG_DEV_URL_DEFAULT } from "../lib/db/migrate";
import { databaseUrl } from "../lib/db/url";
import { pgSchemaFrom } from "../lib/db/pg-schema";

const [cmd, name] = process.argv.slice(2);
if (cmd === "migrate") {
  const url = databaseUrl();
  const applied = await withSetupLock(url, () => migrate(url));
  console.log(applied.length ? `已套用 migration：${applied.join(", ")}` : "資料庫已是最新結構");
} else if (cmd === "create") {
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("用法：npm run db:migration -- <名稱（小寫英數與底線）>");
    process.exit(2);
  }
  // The PostgreSQL schema follows prisma/schema.prisma; both providers get a migration of the same name.
  writeFileSync(PG_SCHEMA_PATH, pgSchemaFrom(readFileSync(SCHEMA_PATH, "utf8")));
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dirs = await createMigration(name, undefined, ["sqlite"], stamp);
  try {
    dirs.push(...(await createMigration(name, undefined, ["postgresql"], stamp)));
  } catch (e) {
    if (dirs.length) console.log(`已建立 ${dirs.join("、")}`);
    console.error(
      `無法建立 PostgreSQL migration：${e instanceof Error ? e.message.split("\n")[0] : String(e)}\n` +
        `需要一台 PostgreSQL 伺服器（SECREQ_PG_DEV_URL，預設 ${PG_DEV_URL_DEFAULT}）；啟動後以同一名稱再執行一次即可補上。`,
    );
    process.exit(1);
  }
  console.log(dirs.length ? `已建立 ${dirs.join("、")}` : "schema 與 migrations 一致，無需新 migration");
  if (dirs.length) console.log("觸發程序等 schema 無法描述的規則，請在兩個 migration.sql 各自手寫（SQLite 與 PL/pgSQL）。");
} else {
  console.error("用法：tsx scripts/db.ts migrate|create <name>");
  process.exit(2);
}
