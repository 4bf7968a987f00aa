import { parseArgs } from "node:util";
import { readFilledChecklist } from "../vendor/read-checklist";
import { READ_ERRORS } from "./export";
import { readBoundedInput } from "./input";
import { issueLines, refusal, refusedLines, type TIo } from "./io";

export const CHECKLIST_USAGE = `  npm run -s cli -- checklist read --in <已填寫之自評表.docx|-> --json
                                                            讀出廠商填寫之自評表（案件、版次與每項之符合、佐證資料、說明；JSON）`;

const MAX_DOCX_BYTES = 20 * 1024 * 1024;

/**
 * `checklist read --in filled.docx --json`: what a filled 廠商資安自評表 says, without a database.
 * Exit 2 with the reasons (one per line) for a file that is not SecReq's form or has edited or unknown rows.
 */
export async function checklistCommand(args: string[], io: TIo, usage: string): Promise<number> {
  if (args[0] !== "read") {
    io.err(`未知的 checklist 子指令「${args[0] ?? ""}」\n${usage}`);
    return 2;
  }
  const { values } = parseArgs({ args: args.slice(1), options: { in: { type: "string" }, json: { type: "boolean" } }, strict: true });
  if (!values.in) {
    io.err(`請以 --in 指定已填寫之自評表（.docx）\n${usage}`);
    return 2;
  }
  if (!values.json) {
    io.err(`目前只支援 --json 輸出\n${usage}`);
    return 2;
  }
  try {
    let bytes: Uint8Array;
    try {
      bytes = await readBoundedInput(values.in, MAX_DOCX_BYTES);
    } catch (e) {
      const code = String((e as { code?: unknown }).code ?? "");
      if (code === "TOOLARGE") throw refusedLines([`${values.in}: 檔案超過 ${MAX_DOCX_BYTES / 1024 / 1024} MiB 上限`]);
      throw refusedLines([`${values.in}: ${READ_ERRORS[code] ?? `無法讀取輸入檔（${code || "未知原因"}）`}`]);
    }
    io.out(JSON.stringify(readFilledChecklist(bytes), null, 2));
    return 0;
  } catch (e) {
    return refusal(e, io, issueLines);
  }
}
