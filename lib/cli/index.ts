import { parseArgs } from "node:util";
import "../validation/zh-tw"; // zh-TW zod messages for every command
import { diffCatalogues } from "../catalogue/diff";
import { readCatalogue } from "../catalogue/store";
import { refusal, type TCliDeps, type TIo } from "./io";
import { resolveCommand } from "./resolve";
import { argsError } from "./args";
import { exportCommand, exportDepsFromDb } from "./export";
import { operatorGrantRole } from "../admin/operator-grant-role";
import { ROLE_LABEL, STAFF_ROLES, type TRole } from "../auth/roles";
import { dbCommand, DB_USAGE } from "./db";
import { COLUMN_INFO } from "../catalogue/schema/obligations";
import { obligationMatrix } from "../resolve/obligation-matrix";
import { auditCommand, AUDIT_USAGE } from "./audit";
import { agencyCommand, AGENCY_USAGE, platformCommand } from "./agency";
import { checklistCommand, CHECKLIST_USAGE } from "./checklist";
import { contractCommand, CONTRACT_USAGE, incidentCommand } from "./contract";

export type { TCliDeps, TIo } from "./io";

const USAGE = `用法：
  npm run -s cli -- catalogue --json [--version <版本代碼>]   以 JSON 輸出目錄版本（預設為最新已發布版本）
  npm run -s cli -- catalogue diff --from <版本代碼> --to <版本代碼> --json
                                                            比較兩個目錄版本：新增、退場與變更的項目（JSON）
  npm run -s cli -- obligations --json [--version <版本代碼>] 以 JSON 輸出該版本之 ▲ 應辦事項表（附表一～八，八欄逐格）
  npm run -s cli -- resolve --input <個案.json|->           依個案條件產生資安需求清單（JSON，與 POST /api/v1/resolve 相同）
  npm run -s cli -- export --input <個案.json> --doc annex|clauses|checklist --out <檔名.docx>
                                                            產生需求規範、契約條款或廠商自評表（草稿）
${CHECKLIST_USAGE}
  npm run -s cli -- user grant --email <電子郵件> --role catalogue-admin|platform-admin|admin|ciso|officer
                                                            授予角色（用於指定第一位目錄管理者或機關管理者；寫入稽核紀錄）
${CONTRACT_USAGE}
${AGENCY_USAGE}
${DB_USAGE.replace(/^用法：\n/, "")}
${AUDIT_USAGE}
結束代碼：0 成功；2 輸入有誤（訊息寫在 stderr，每行「欄位: 說明」）；1 未預期的錯誤`;

/** Runs one CLI command; returns the exit code (0 ok, 2 bad input or unknown version, 1 unexpected). */
export async function runCli(argv: string[], io: TIo, deps: TCliDeps): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === "catalogue") return await catalogueCommand(rest, io, deps);
    if (command === "obligations") return await obligationsCommand(rest, io, deps);
    if (command === "resolve") return await resolveArgs(rest, io, deps);
    if (command === "export") return await exportCommand(rest, io, exportDepsFromDb(deps.openDb));
    if (command === "checklist") return await checklistCommand(rest, io, USAGE);
    if (command === "contract") return await contractCommand(rest, io);
    if (command === "incident") return await incidentCommand(rest, io);
    if (command === "user") return await userCommand(rest, io, deps);
    if (command === "audit") return await auditCommand(rest, io, deps.openDb);
    if (command === "agency") return await agencyCommand(rest, io, deps.openDb, USAGE);
    if (command === "platform") return await platformCommand(rest, io, deps.openDb, USAGE);
    if (command === "db") return await dbCommand(rest, io, { openDb: deps.openDb, openBareDb: deps.openBareDb ?? deps.openDb, env: deps.env ?? {} });
    io.err(command ? `未知的指令「${command}」\n${USAGE}` : USAGE);
    return 2;
  } catch (e) {
    const args = argsError(e);
    if (args) {
      io.err(`${args}\n${USAGE}`);
      return 2;
    }
    return refusal(e, io);
  }
}

async function catalogueCommand(args: string[], io: TIo, deps: TCliDeps): Promise<number> {
  if (args[0] === "diff") return catalogueDiffCommand(args.slice(1), io, deps);
  const { values } = parseArgs({ args, options: { json: { type: "boolean" }, version: { type: "string" } }, strict: true });
  if (!values.json) {
    io.err(`目前只支援 --json 輸出\n${USAGE}`);
    return 2;
  }
  const catalogue = await readCatalogue(await deps.openDb(), values.version);
  io.out(JSON.stringify(catalogue, null, 2));
  return 0;
}

/** The ▲ table of a version in eight columns (a format-1 table read through its migration). */
async function obligationsCommand(args: string[], io: TIo, deps: TCliDeps): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: "boolean" }, version: { type: "string" } }, strict: true });
  if (!values.json) {
    io.err(`目前只支援 --json 輸出\n${USAGE}`);
    return 2;
  }
  const catalogue = await readCatalogue(await deps.openDb(), values.version);
  io.out(
    JSON.stringify(
      { catalogueVersion: catalogue.version, status: catalogue.status, columns: COLUMN_INFO, obligations: obligationMatrix(catalogue.obligations) },
      null,
      2,
    ),
  );
  return 0;
}

async function catalogueDiffCommand(args: string[], io: TIo, deps: TCliDeps): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { json: { type: "boolean" }, from: { type: "string" }, to: { type: "string" } },
    strict: true,
  });
  if (!values.from || !values.to) {
    io.err(`請以 --from 與 --to 指定要比較的兩個目錄版本\n${USAGE}`);
    return 2;
  }
  if (!values.json) {
    io.err(`目前只支援 --json 輸出\n${USAGE}`);
    return 2;
  }
  const db = await deps.openDb();
  const from = await readCatalogue(db, values.from);
  const to = await readCatalogue(db, values.to);
  io.out(JSON.stringify(diffCatalogues(from, to), null, 2));
  return 0;
}

async function resolveArgs(args: string[], io: TIo, deps: TCliDeps): Promise<number> {
  const { values } = parseArgs({ args, options: { input: { type: "string" } }, strict: true });
  if (!values.input) {
    io.err(`請以 --input 指定個案 JSON 檔\n${USAGE}`);
    return 2;
  }
  return resolveCommand(values.input, io, deps);
}

async function userCommand(args: string[], io: TIo, deps: TCliDeps): Promise<number> {
  if (args[0] !== "grant") {
    io.err(`未知的 user 子指令「${args[0] ?? ""}」\n${USAGE}`);
    return 2;
  }
  const { values } = parseArgs({ args: args.slice(1), options: { email: { type: "string" }, role: { type: "string" } }, strict: true });
  const role = STAFF_ROLES.find((r) => r === values.role);
  if (!values.email || !role) {
    io.err(`請以 --email 指定帳號、以 --role 指定角色（${STAFF_ROLES.join("、")}）\n${USAGE}`);
    return 2;
  }
  const r = await operatorGrantRole(await deps.openDb(), values.email, role as TRole);
  io.out(r.changed ? `已授予 ${values.email}「${ROLE_LABEL[role]}」角色。` : `${values.email} 已有「${ROLE_LABEL[role]}」角色，未變更。`);
  return 0;
}
