// Run before the app starts: migrate the database and load the bundled catalogue versions.
import { prepareDatabase } from "../lib/setup";
import { databaseUrl } from "../lib/db/url";

const db = await prepareDatabase(databaseUrl(), (m) => console.log(m));
await db.$disconnect();
console.log(`資料庫就緒：${databaseUrl()}`);
