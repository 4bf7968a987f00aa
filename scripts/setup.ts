// Run before the app starts: migrate the database and load the bundled catalogue versions.
import { prepareDatabase } from "../lib/setup";
import { databaseUrl, displayUrl } from "../lib/db/url";
import { verifyChain } from "../lib/audit/chain";
import { mailConfig, mailStatus } from "../lib/mail";

const db = await prepareDatabase(databaseUrl(), (m) => console.log(m), { demo: process.env.SECREQ_DEMO === "1" });
// A broken audit chain is an alarm, not a reason to stay down: the app keeps recording (and /admin/audit
// shows the break) while the operator investigates with `npm run -s cli -- audit verify`.
const chain = await verifyChain(db);
if (chain.break)
  console.error(
    [
      "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
      "!!! 警告：稽核紀錄遭竄改（雜湊鏈驗證失敗）",
      `!!! ${chain.break.message}`,
      "!!! 系統仍會啟動；請立即調查：npm run -s cli -- audit verify",
      "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
    ].join("\n"),
  );
else console.log(`稽核紀錄鏈完整（${chain.count} 筆）`);
await db.$disconnect();
console.log(`資料庫就緒：${displayUrl(databaseUrl())}`);
console.log(mailStatus(mailConfig()));
