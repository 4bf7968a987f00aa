import { migrate, withSetupLock } from "./db/migrate";
import { createDb, type TDb } from "./db/client";
import { databaseUrl } from "./db/url";
import { loadBundledCatalogues } from "./catalogue/bundled";
import { seedDemo } from "./demo";
import { carryForward } from "./audit/chain";

/**
 * Brings a database to a usable state: migrations applied, bundled catalogue versions loaded. On
 * PostgreSQL, instances starting together take turns (an advisory lock) and a missing database is created.
 */
export async function prepareDatabase(url: string = databaseUrl(), log: (msg: string) => void = () => {}, opts: { demo?: boolean } = {}): Promise<TDb> {
  return withSetupLock(url, async () => {
    const applied = await migrate(url);
    if (applied.length) log(`已套用資料庫 migration：${applied.join("、")}`);
    const db = createDb(url);
    const chained = await carryForward(db);
    if (chained) log(`已將 ${chained} 筆既有稽核紀錄依時間順序串入雜湊鏈`);
    for (const r of await loadBundledCatalogues(db)) if (r.outcome !== "unchanged") log(`已載入目錄版本 ${r.version}（${r.outcome}）`);
    if (opts.demo && (await seedDemo(db))) log("已建立示範機關與帳號（僅供示範，首次登入須變更密碼）");
    return db;
  });
}
