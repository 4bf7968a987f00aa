/** node:util parseArgs refusals in zh-TW (its own messages are English); null for any other error. */
export function argsError(e: unknown): string | null {
  if (!(e instanceof TypeError) || !("code" in e) || !String(e.code).startsWith("ERR_PARSE_ARGS")) return null;
  const name = /'([^']+)'/.exec(e.message)?.[1] ?? "";
  switch (e.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `不認得的選項「${name}」`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return /argument missing/.test(e.message) ? `選項「${name.split(" ")[0]}」需要一個值` : `選項「${name.split(" ")[0]}」不接受值`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `多餘的參數「${name}」`;
    default:
      return "命令列參數有誤";
  }
}
