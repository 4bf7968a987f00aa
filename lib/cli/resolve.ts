import { BadInputError } from "../api/errors";
import { DomainError } from "../errors";
import { decodeUtf8, MAX_INPUT_BYTES, parseJsonInput, tooLarge } from "../api/json";
import { createResolveService, resolveCase } from "../api/resolve";
import { refusal, type TCliDeps, type TIo } from "./io";
import { InputReadError, readBoundedInput } from "./input";

const SUBJECT = "輸入檔";

const READ_ERRORS: Record<string, string> = {
  ENOENT: "找不到輸入檔",
  EISDIR: "輸入檔是目錄，不是檔案",
  EACCES: "沒有讀取輸入檔的權限",
  EPERM: "沒有讀取輸入檔的權限",
  NOTFILE: "輸入檔不是一般檔案（裝置、管線或通訊端）；請指定檔案，或以 --input - 從標準輸入讀取",
};

/** The file's (or stdin's) bytes, capped like the API body; any failure to read is the caller's to fix (exit 2). */
async function readInput(file: string): Promise<string> {
  try {
    return decodeUtf8(await readBoundedInput(file, MAX_INPUT_BYTES), SUBJECT);
  } catch (e) {
    if (e instanceof DomainError) throw e;
    const code = e instanceof InputReadError ? e.code : String((e as { code?: unknown }).code ?? "未知原因");
    if (code === "TOOLARGE") throw tooLarge(SUBJECT, MAX_INPUT_BYTES);
    throw new BadInputError(READ_ERRORS[code] ?? `無法讀取輸入檔（${code}）`);
  }
}

/** `resolve --input case.json`: the API's 200 body on stdout; bad input → `path: message` lines, exit 2. */
export async function resolveCommand(input: string, io: TIo, deps: TCliDeps): Promise<number> {
  try {
    const raw = parseJsonInput(await readInput(input), SUBJECT);
    // A fresh service: the CLI resolves once, and its database is prepared only when the input is valid.
    // The CLI is the operator's shell on the database itself, so it may resolve drafts (to check one before publishing).
    const resolution = await resolveCase(raw, createResolveService({ db: deps.openDb }), { drafts: true });
    io.out(JSON.stringify(resolution, null, 2));
    return 0;
  } catch (e) {
    // The root of the document is the file itself, so "" reads as the file's name.
    return refusal(e, io, (x) => (x.issues.length ? x.issues : [{ path: "", message: x.message }]).map((i) => `${i.path || input}: ${i.message}`));
  }
}
