import { parseArgs } from "node:util";
import type { TDb } from "../db/client";
import type { DomainError } from "../errors";
import { operatorGrantRole } from "../admin/operator-grant-role";
import { createAgency, listAgencies } from "../platform";
import { refusal, type TIo } from "./io";

export const AGENCY_USAGE = `  npm run -s cli -- agency create --name <機關名稱> --admin-email <電子郵件> [--admin-name <姓名>] [--json]
                                                            建立機關與第一位管理者（初始密碼只顯示這一次；寫入稽核紀錄）
  npm run -s cli -- agency list [--json]                    列出機關（代碼、名稱、啟用、使用者數、案件數）
  npm run -s cli -- platform grant --email <電子郵件>        授予「平台管理者」角色（寫入稽核紀錄）`;

const FIELD_LABEL: Record<string, string> = {
  name: "機關名稱（--name）",
  adminEmail: "管理者電子郵件（--admin-email）",
  adminName: "管理者姓名（--admin-name）",
};

/** One zh-TW line per field, as the issue asks: "欄位: 說明". */
const fieldLines = (e: DomainError): string[] => (e.issues.length ? e.issues.map((i) => `${FIELD_LABEL[i.path] ?? i.path}: ${i.message}`) : [e.message]);

export async function agencyCommand(args: string[], io: TIo, openDb: () => Promise<TDb>, usage: string): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "create") {
    const { values } = parseArgs({
      args: rest,
      options: { name: { type: "string" }, "admin-email": { type: "string" }, "admin-name": { type: "string" }, json: { type: "boolean" } },
      strict: true,
    });
    try {
      const r = await createAgency(await openDb(), "operator", {
        name: values.name ?? "",
        adminEmail: values["admin-email"] ?? "",
        adminName: values["admin-name"],
      });
      if (values.json) io.out(JSON.stringify({ agencyId: r.agencyId, agencyName: r.agencyName, adminEmail: r.adminEmail, initialPassword: r.initialPassword }));
      else
        io.out(
          [
            `已建立機關「${r.agencyName}」（代碼 ${r.agencyId}）。`,
            `第一位管理者：${r.adminEmail}`,
            `初始密碼（只顯示這一次，首次登入須變更）：${r.initialPassword}`,
          ].join("\n"),
        );
      return 0;
    } catch (e) {
      return refusal(e, io, fieldLines);
    }
  }
  if (sub === "list") {
    const { values } = parseArgs({ args: rest, options: { json: { type: "boolean" } }, strict: true });
    const rows = await listAgencies(await openDb(), "operator");
    if (values.json)
      io.out(
        JSON.stringify(
          rows.map(({ id, name, active, users, cases }) => ({ id, name, active, users, cases })),
          null,
          2,
        ),
      );
    else if (!rows.length) io.out("尚無機關。請以 agency create 建立第一個機關。");
    else io.out(rows.map((r) => `${r.id}\t${r.name}\t${r.active ? "啟用" : "停用"}\t使用者 ${r.users}\t案件 ${r.cases}`).join("\n"));
    return 0;
  }
  io.err(`未知的 agency 子指令「${sub ?? ""}」\n${usage}`);
  return 2;
}

export async function platformCommand(args: string[], io: TIo, openDb: () => Promise<TDb>, usage: string): Promise<number> {
  if (args[0] !== "grant") {
    io.err(`未知的 platform 子指令「${args[0] ?? ""}」\n${usage}`);
    return 2;
  }
  const { values } = parseArgs({ args: args.slice(1), options: { email: { type: "string" } }, strict: true });
  if (!values.email) {
    io.err(`請以 --email 指定帳號\n${usage}`);
    return 2;
  }
  const r = await operatorGrantRole(await openDb(), values.email, "platform-admin");
  io.out(r.changed ? `已授予 ${values.email}「平台管理者」角色。` : `${values.email} 已有「平台管理者」角色，未變更。`);
  return 0;
}
