import { open } from "node:fs/promises";
import { BadInputError } from "../api/errors";
import { DomainError } from "../errors";
import { decodeUtf8, MAX_INPUT_BYTES, parseJsonInput, tooLarge } from "../api/json";
import { createResolveService, resolveCase } from "../api/resolve";
import { refusal, type TCliDeps, type TIo } from "./io";

const SUBJECT = "輸入檔";

const READ_ERRORS: Record<string, string> = {
  ENOENT: "找不到輸入檔",
  EISDIR: "輸入檔是目錄，不是檔案",
  EACCES: "沒有讀取輸入檔的權限",
  EPERM: "沒有讀取輸入檔的權限",
};

/** The file's bytes, capped like the API body; any failure to read is the caller's to fix (exit 2). */
async function readInput(file: string): Promise<string> {
  let handle;
  try {
    handle = await open(file, "r");
    const { size } = await handle.stat();
    if (size > MAX_INPUT_BYTES) throw tooLarge(SUBJECT, MAX_INPUT_BYTES);
    return decodeUtf8(await handle.readFile(), SUBJECT);
  } catch (e) {
    if (e instanceof DomainError) throw e;
    const code = (e as { code?: unknown }).code;
    throw new BadInputError(READ_ERRORS[String(code)] ?? `無法讀取輸入檔（${String(code ?? "未知原因")}）`);
  } finally {
    await handle?.close();
  }
}

/** `resolve --input case.json`: the API's 200 body on stdout; bad input → `path: message` lines, exit 2. */
export async function resolveCommand(input: string, io: TIo, deps: TCliDeps): Promise<number> {
  try {
    const raw = parseJsonInput(await readInput(input), SUBJECT);
    // A fresh service: the CLI resolves once, and its database is prepared only when the input is valid.
    const resolution = await resolveCase(raw, createResolveService({ db: deps.openDb }));
    io.out(JSON.stringify(resolution, null, 2));
    return 0;
  } catch (e) {
    // The root of the document is the file itself, so "" reads as the file's name.
    return refusal(e, io, (x) => (x.issues.length ? x.issues : [{ path: "", message: x.message }]).map((i) => `${i.path || input}: ${i.message}`));
  }
}
