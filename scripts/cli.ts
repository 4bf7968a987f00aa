// `npm run -s cli -- <command>`: a public, scriptable interface. Only the result goes to stdout.
import { runCli } from "../lib/cli/index";
import { prepareDatabase } from "../lib/setup";
import { createDb, type TDb } from "../lib/db/client";
import { assertDatabaseExists, migrate, withSetupLock } from "../lib/db/migrate";
import { databaseUrl } from "../lib/db/url";

let opened: TDb | undefined;
const code = await runCli(
  process.argv.slice(2),
  { out: (s) => process.stdout.write(s + "\n"), err: (s) => process.stderr.write(s + "\n") },
  {
    // Only setup and db:migrate create a database; a mistyped DATABASE_URL is refused here (exit 2).
    openDb: async () => {
      if (opened) return opened;
      await assertDatabaseExists(databaseUrl());
      return (opened = await prepareDatabase());
    },
    openBareDb: async () => {
      const url = databaseUrl();
      await assertDatabaseExists(url);
      await withSetupLock(url, () => migrate(url));
      return (opened ??= createDb(url));
    },
    env: process.env,
  },
).catch((e: unknown) => {
  process.stderr.write(`發生未預期的錯誤：${e instanceof Error ? e.message : String(e)}\n`);
  return 1;
});
// A PostgreSQL pool would keep the process alive until its idle connections time out.
await opened?.$disconnect();
process.exitCode = code;
