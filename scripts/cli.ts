// `npm run -s cli -- <command>`: a public, scriptable interface. Only the result goes to stdout.
import { runCli } from "../lib/cli/index";
import { prepareDatabase } from "../lib/setup";

const code = await runCli(
  process.argv.slice(2),
  { out: (s) => process.stdout.write(s + "\n"), err: (s) => process.stderr.write(s + "\n") },
  { openDb: () => prepareDatabase() },
).catch((e: unknown) => {
  process.stderr.write(`發生未預期的錯誤：${e instanceof Error ? e.message : String(e)}\n`);
  return 1;
});
process.exitCode = code;
