// `npm run -s cli -- <command>`: a public, scriptable interface. Only the result goes to stdout.
import { runCli } from "../lib/cli/index";
import { prepareDatabase } from "../lib/setup";
import type { TDb } from "../lib/db/client";

let opened: TDb | undefined;
const code = await runCli(
  process.argv.slice(2),
  { out: (s) => process.stdout.write(s + "\n"), err: (s) => process.stderr.write(s + "\n") },
  { openDb: async () => (opened ??= await prepareDatabase()) },
).catch((e: unknown) => {
  process.stderr.write(`發生未預期的錯誤：${e instanceof Error ? e.message : String(e)}\n`);
  return 1;
});
// A PostgreSQL pool would keep the process alive until its idle connections time out.
await opened?.$disconnect();
process.exitCode = code;
