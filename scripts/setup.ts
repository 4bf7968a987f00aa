// Run before the app starts: migrate the database and load the bundled catalogue versions.
import { prepareDatabase } from "../lib/setup";
import { databaseUrl, displayUrl } from "../lib/db/url";

const db = await prepareDatabase(databaseUrl(), (m) => console.log(m), { demo: process.env.SECREQ_DEMO === "1" });
await db.$disconnect();
console.log(`資料庫就緒：${displayUrl(databaseUrl())}`);
