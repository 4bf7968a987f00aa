import { parseArgs } from "node:util";
import { CatalogueError } from "../catalogue/errors";
import { readCatalogue } from "../catalogue/store";
import type { TDb } from "../db/client";

export type TIo = { out: (s: string) => void; err: (s: string) => void };
export type TCliDeps = { openDb: () => Promise<TDb> };

const USAGE = `用法：
  npm run -s cli -- catalogue --json [--version <版本代碼>]   以 JSON 輸出目錄版本（預設為最新已發布版本）`;

/** Runs one CLI command; returns the exit code (0 ok, 2 bad input or unknown version, 1 unexpected). */
export async function runCli(argv: string[], io: TIo, deps: TCliDeps): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === "catalogue") return await catalogueCommand(rest, io, deps);
    io.err(command ? `未知的指令「${command}」\n${USAGE}` : USAGE);
    return 2;
  } catch (e) {
    if (e instanceof CatalogueError) {
      io.err(e.message);
      return 2;
    }
    if (e instanceof TypeError && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS")) {
      io.err(`${e.message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}

async function catalogueCommand(args: string[], io: TIo, deps: TCliDeps): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: "boolean" }, version: { type: "string" } }, strict: true });
  if (!values.json) {
    io.err(`目前只支援 --json 輸出\n${USAGE}`);
    return 2;
  }
  const catalogue = await readCatalogue(await deps.openDb(), values.version);
  io.out(JSON.stringify(catalogue, null, 2));
  return 0;
}
