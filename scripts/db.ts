// Developer database commands: `npm run db:migrate`, `npm run db:migration -- <name>`.
import { migrate, createMigration } from "../lib/db/migrate";
import { databaseUrl } from "../lib/db/url";

const [cmd, name] = process.argv.slice(2);
if (cmd === "migrate") {
  const applied = await migrate(databaseUrl());
  console.log(applied.length ? `已套用 migration：${applied.join(", ")}` : "資料庫已是最新結構");
} else if (cmd === "create") {
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("用法：npm run db:migration -- <名稱（小寫英數與底線）>");
    process.exit(2);
  }
  const dir = await createMigration(name);
  console.log(dir ? `已建立 ${dir}` : "schema 與 migrations 一致，無需新 migration");
} else {
  console.error("用法：tsx scripts/db.ts migrate|create <name>");
  process.exit(2);
}
