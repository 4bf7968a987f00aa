import { rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { argsError } from "./args";
import { CatalogueError } from "../catalogue/errors";
import type { TCatalogueFile } from "../catalogue/schema";
import { readCatalogue } from "../catalogue/store";
import { supplementFor } from "../catalogue/bundled";
import type { TSupplement } from "../catalogue/schema/supplement";
import type { TDb } from "../db/client";
import { issueLines, refusal, refusedLines, type TIo } from "./io";
import { buildExportModel } from "../export/model/build";
import { caseFileExportInput, parseExportCaseFile } from "../export/model/case-file";
import { DOC_KINDS, DOC_TITLE, INTERNAL_DOCS, renderDocx, type TDocKind } from "../export/docx/render";
import { readBoundedInput } from "./input";

/**
 * `npm run -s cli -- export --input case.json --doc annex|clauses|checklist --out file.docx`
 * case.json: the resolve body + agencyName, caseName, caseNumber, riskLevel, include, otherProcurement,
 * parameters (lib/export/model/case-file.ts). The CLI has no approval step, so its documents are drafts.
 * Exit codes: 0 written; 2 bad arguments or input (zh-TW `path: message` lines on stderr); 1 unexpected.
 */

export interface TExportDeps {
  /** A catalogue version, or the newest published one; unknown → CatalogueError("unknown-version"). */
  readCatalogue: (version?: string) => Promise<TCatalogueFile>;
  /** The version's supplement (專案管理需求, pricing hints); omitted: none. */
  supplementFor?: (catalogue: TCatalogueFile) => TSupplement | null;
  now?: () => Date;
}

/** The dispatcher's deps ({ openDb }) → this command's. */
export function exportDepsFromDb(openDb: () => Promise<TDb>): TExportDeps {
  return { readCatalogue: async (version) => readCatalogue(await openDb(), version), supplementFor };
}

export const EXPORT_USAGE = `用法：
  npm run -s cli -- export --input <個案.json> --doc annex|clauses|checklist --out <檔案.docx>
    annex      資通安全需求規範（招標文件附件）
    clauses    資通安全契約條款
    checklist  廠商資安自評表
  個案.json：resolve 之輸入，另可含 agencyName、caseName、caseNumber、riskLevel、agencySector（機關類別：government、cii-provider、financial、education、medical、other）、ciProvider、
  include（納入之選配項目代碼）、otherProcurement（[{ id, reference }]：▲ 項目納入他案辦理）、parameters（條文參數）`;

const MAX_INPUT_BYTES = 256 * 1024;

export async function exportCommand(args: string[], io: TIo, deps: TExportDeps): Promise<number> {
  try {
    const { input, doc, out } = parseOptions(args);
    const raw = await readJson(input);
    const parsed = parseExportCaseFile(raw);
    if (!parsed.ok) throw refusedLines(parsed.issues.map((i) => `${i.path || input}: ${i.message}`));

    let catalogue: TCatalogueFile;
    try {
      catalogue = await deps.readCatalogue(parsed.file.catalogueVersion);
    } catch (e) {
      if (e instanceof CatalogueError) throw refusedLines([`catalogueVersion: ${e.message}`]);
      throw e;
    }
    const obligations = catalogue.obligations;
    const prepared = caseFileExportInput(parsed.file, catalogue, obligations, (deps.now ?? (() => new Date()))());
    if (!prepared.ok) throw refusedLines(prepared.issues.map((i) => `${i.path || input}: ${i.message}`));

    // An ExportError (e.g. one ▲ item placed in two different other procurements) is a DomainError: exit 2.
    const model = buildExportModel({ ...prepared.input, supplement: deps.supplementFor ? deps.supplementFor(catalogue) : null });
    const bytes = await renderDocx(model, doc);
    await writeAtomically(out, bytes);
    io.out(`已寫入 ${out}（${DOC_TITLE[doc]}，草稿，${bytes.length.toLocaleString("en-US")} 位元組）`);
    return 0;
  } catch (e) {
    return refusal(e, io, issueLines);
  }
}

function parseOptions(args: string[]): { input: string; doc: TDocKind; out: string } {
  let values: { input?: string; doc?: string; out?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { input: { type: "string" }, doc: { type: "string" }, out: { type: "string" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw refusedLines([`參數有誤：${argsError(e) ?? "命令列參數有誤"}`, EXPORT_USAGE]);
  }
  const problems: string[] = [];
  if (!values.input) problems.push("--input: 請指定個案 JSON 檔");
  if (!values.doc) problems.push("--doc: 請指定文件種類：annex、clauses 或 checklist");
  // The internal record (accepted risks, exclusions) comes from reviews a case file does not carry.
  else if (INTERNAL_DOCS.has(values.doc as TDocKind))
    problems.push(`--doc: ${DOC_TITLE[values.doc as TDocKind]}出自系統中資安長之審查，請於案件頁面下載；cli 只產出 annex、clauses、checklist`);
  else if (!(DOC_KINDS as readonly string[]).includes(values.doc))
    problems.push(`--doc: 未知的文件種類「${values.doc}」；須為 annex（資通安全需求規範）、clauses（契約條款）或 checklist（廠商資安自評表）`);
  if (!values.out) problems.push("--out: 請指定輸出檔（.docx）");
  else if (!/\.docx$/i.test(values.out)) problems.push("--out: 輸出檔名須以 .docx 結尾");
  if (problems.length) throw refusedLines([...problems, EXPORT_USAGE]);
  return { input: values.input!, doc: values.doc as TDocKind, out: values.out! };
}

export const READ_ERRORS: Record<string, string> = {
  ENOENT: "找不到輸入檔",
  EISDIR: "輸入檔是目錄，不是檔案",
  EACCES: "沒有讀取輸入檔的權限",
  EPERM: "沒有讀取輸入檔的權限",
  NOTFILE: "輸入檔不是一般檔案（裝置、管線或通訊端）；請指定檔案，或以 --input - 從標準輸入讀取",
};

export async function readJson(file: string): Promise<unknown> {
  let bytes: Uint8Array;
  try {
    bytes = await readBoundedInput(file, MAX_INPUT_BYTES);
  } catch (e) {
    const code = String((e as { code?: unknown }).code ?? "");
    if (code === "TOOLARGE") throw refusedLines([`${file}: 輸入檔超過 ${MAX_INPUT_BYTES / 1024} KiB 上限`]);
    throw refusedLines([`${file}: ${READ_ERRORS[code] ?? `無法讀取輸入檔（${code || "未知原因"}）`}`]);
  }
  let text: string;
  try {
    // Strict: a lenient decoder would turn bad bytes into U+FFFD and export something else.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw refusedLines([`${file}: 輸入檔須為 UTF-8 編碼的 JSON`]);
  }
  if (text.trim() === "") throw refusedLines([`${file}: 輸入檔為空白，請以 JSON 物件提供個案資料`]);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // JSON.parse's own message is English and quotes the input.
    throw refusedLines([`${file}: 輸入檔不是有效的 JSON，請檢查括號、引號與逗號`]);
  }
}

/** Written beside the target and renamed, so a failed run never leaves half a .docx behind. */
async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    const code = String((e as { code?: unknown }).code ?? "");
    throw refusedLines([`--out: 無法寫入輸出檔 ${file}（${code || (e instanceof Error ? e.message : String(e))}）`]);
  }
}
