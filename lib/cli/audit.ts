import { parseArgs } from "node:util";
import type { TDb } from "../db/client";
import { verifyChain } from "../audit/chain";
import type { TIo } from "./index";

export const AUDIT_USAGE = `  npm run -s cli -- audit verify                             驗證稽核紀錄雜湊鏈（完整：結束代碼 0；中斷：2，並指出第一筆有問題的紀錄）
  npm run -s cli -- audit head --json                        輸出鏈頭（最後一筆的序號與雜湊），供寫入外部只能附加的紀錄處`;

/** `audit verify` / `audit head --json`: the chain checked, and its head for an external append-only sink. */
export async function auditCommand(args: string[], io: TIo, openDb: () => Promise<TDb>): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "verify") {
    parseArgs({ args: rest, options: {}, strict: true });
    const r = await verifyChain(await openDb());
    if (r.break) {
      io.err(r.break.message);
      return 2;
    }
    io.out(`稽核紀錄鏈完整：共 ${r.count.toLocaleString("en-US")} 筆，鏈頭第 ${r.head.seq} 筆 ${r.head.hash}`);
    return 0;
  }
  if (sub === "head") {
    const { values } = parseArgs({ args: rest, options: { json: { type: "boolean" } }, strict: true });
    if (!values.json) {
      io.err(`目前只支援 --json 輸出\n用法：\n${AUDIT_USAGE}`);
      return 2;
    }
    const r = await verifyChain(await openDb());
    // The head as stored; `intact` tells the sink whether this installation still verifies up to it.
    io.out(JSON.stringify({ seq: r.head.seq, hash: r.head.hash, lastAt: r.head.at?.toISOString() ?? null, intact: r.ok, exportedAt: new Date().toISOString() }));
    return 0;
  }
  io.err(`${sub ? `未知的 audit 子指令「${sub}」\n` : ""}用法：\n${AUDIT_USAGE}`);
  return 2;
}
