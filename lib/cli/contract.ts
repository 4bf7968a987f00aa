import { parseArgs } from "node:util";
import { argsError } from "./args";
import { bundledCalendarYears, bundledCatalogueFiles, readCatalogueFile, supplementFor } from "../catalogue/bundled";
import type { TCatalogueFile } from "../catalogue/schema";
import { buildExportModel } from "../export/model/build";
import { caseFileExportInput, parseExportCaseFile } from "../export/model/case-file";
import { incidentDeadlines } from "../contracts/incidents";
import { scheduleObligations } from "../contracts/schedule";
import { workCalendar } from "../contracts/working-days";
import { DomainError } from "../errors";
import { readJson } from "./export";
import { issueLines, refusal, refusedLines, type TIo } from "./io";

/**
 * `contract schedule` and `incident deadlines`: the due-date engine without a database. The catalogue
 * is the bundled version case.json names (or the newest), with its supplement's deliverables hints.
 * Exit codes: 0 printed; 2 bad arguments or input (zh-TW `field: message` lines on stderr).
 */

export const CONTRACT_USAGE = `  npm run -s cli -- contract schedule --input <個案.json> --award YYYY-MM-DD --start YYYY-MM-DD --end YYYY-MM-DD --json
                                                            契約之資安履約義務與期限（個案.json 同 export 之輸入）
  npm run -s cli -- incident deadlines --level 1-4 --known-at <含時區之 ISO 8601 時間> [--parameters '{"incidentNoticeHours":1}'] --json
                                                            資安事件之通報、到場、應變、復原與報告期限`;

const usage = (lines: string[]) => refusedLines([...lines, `用法：\n${CONTRACT_USAGE}`]);

function options<T extends Record<string, { type: "string" | "boolean" }>>(args: string[], spec: T) {
  try {
    return parseArgs({ args, options: spec, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw usage([`參數有誤：${argsError(e) ?? "命令列參數有誤"}`]);
  }
}

/** A bundled catalogue version by id, or the newest; unknown → a refusal naming the versions there are. */
function bundledCatalogue(version: string | undefined): TCatalogueFile {
  const all = bundledCatalogueFiles().map(readCatalogueFile);
  const found = version ? all.find((c) => c.version === version) : all.at(-1);
  if (!found) throw refusedLines([`catalogueVersion: 找不到目錄版本 ${version}。現有版本：${all.map((c) => c.version).join("、")}`]);
  return found;
}

const fieldLines = (e: DomainError) => (e.issues.length ? e.issues.map((i) => (i.path ? `${FLAG[i.path] ?? i.path}: ${i.message}` : i.message)) : [e.message]);
const FLAG: Record<string, string> = { award: "--award", start: "--start", end: "--end", level: "--level", knownAt: "--known-at" };

export async function contractCommand(args: string[], io: TIo): Promise<number> {
  try {
    if (args[0] !== "schedule") throw usage([args[0] ? `未知的子指令「${args[0]}」` : "請指定子指令 schedule"]);
    const values = options(args.slice(1), {
      input: { type: "string" },
      award: { type: "string" },
      start: { type: "string" },
      end: { type: "string" },
      json: { type: "boolean" },
    });
    const missing: string[] = [];
    if (!values.input) missing.push("--input: 請指定個案 JSON 檔");
    for (const [flag, label] of [
      ["award", "決標日"],
      ["start", "契約開始日"],
      ["end", "契約結束日"],
    ] as const)
      if (!values[flag]) missing.push(`--${flag}: 請指定${label}（YYYY-MM-DD）`);
    if (!values.json) missing.push("--json: 目前只支援 --json 輸出");
    if (missing.length) throw usage(missing);

    const raw = await readJson(values.input!);
    const parsed = parseExportCaseFile(raw);
    if (!parsed.ok) throw refusedLines(parsed.issues.map((i) => `${i.path || values.input}: ${i.message}`));
    const catalogue = bundledCatalogue(parsed.file.catalogueVersion);
    const prepared = caseFileExportInput(parsed.file, catalogue, catalogue.obligations, new Date());
    if (!prepared.ok) throw refusedLines(prepared.issues.map((i) => `${i.path || values.input}: ${i.message}`));
    const supplement = supplementFor(catalogue);
    const model = buildExportModel({ ...prepared.input, supplement });
    const obligations = scheduleObligations({ model, supplement, award: values.award!, start: values.start!, end: values.end! });
    io.out(JSON.stringify({ catalogueVersion: catalogue.version, obligations }, null, 2));
    return 0;
  } catch (e) {
    return refusal(e, io, (x) => (x.issues.some((i) => i.path) ? fieldLines(x) : issueLines(x)));
  }
}

export async function incidentCommand(args: string[], io: TIo): Promise<number> {
  try {
    if (args[0] !== "deadlines") throw usage([args[0] ? `未知的子指令「${args[0]}」` : "請指定子指令 deadlines"]);
    const values = options(args.slice(1), {
      level: { type: "string" },
      "known-at": { type: "string" },
      parameters: { type: "string" },
      json: { type: "boolean" },
    });
    const missing: string[] = [];
    if (!values.level) missing.push("--level: 請指定事件等級（1～4）");
    if (!values["known-at"]) missing.push("--known-at: 請指定廠商知悉時間（含時區之 ISO 8601，例如 2026-12-02T09:30:00+08:00）");
    if (!values.json) missing.push("--json: 目前只支援 --json 輸出");
    if (missing.length) throw usage(missing);
    let parameters: unknown;
    if (values.parameters !== undefined)
      try {
        parameters = JSON.parse(values.parameters) as unknown;
      } catch {
        throw refusedLines(['--parameters: 須為 JSON 物件，例如 {"incidentNoticeHours":1}']);
      }
    const level = /^\d+$/.test(values.level!) ? Number(values.level) : Number.NaN;
    const library = bundledCatalogue(undefined).clauses;
    const deadlines = incidentDeadlines({
      level,
      knownAt: values["known-at"]!,
      parameters,
      library,
      calendar: workCalendar(bundledCalendarYears()),
    });
    io.out(JSON.stringify({ level, knownAt: values["known-at"], deadlines }, null, 2));
    return 0;
  } catch (e) {
    return refusal(e, io, (x) => (x.issues.some((i) => i.path) ? fieldLines(x).map((l) => l.replace(/^parameters\./, "--parameters.")) : issueLines(x)));
  }
}
