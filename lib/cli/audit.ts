import { parseArgs } from "node:util";
import type { TDb } from "../db/client";
import { verifyChain } from "../audit/chain";
import type { TIo } from "./io";

export const AUDIT_USAGE = `  npm run -s cli -- audit verify [--head <序號>:<雜湊>]       驗證稽核紀錄雜湊鏈（完整：結束代碼 0；中斷：2，並指出第一筆有問題的紀錄）；
                                                            --head 另比對先前匯出的鏈頭仍在鏈上
  npm run -s cli -- audit head --json                        輸出鏈頭（最後一筆的序號與雜湊），供寫入外部只能附加的紀錄處`;

/** `audit verify` / `audit head --json`: the chain checked, and its head for an external append-only sink. */
export async function auditCommand(args: string[], io: TIo, openDb: () => Promise<TDb>): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "verify") {
    const { values } = parseArgs({ args: rest, options: { head: { type: "string" } }, strict: true });
    const expected = values.head === undefined ? null : /^(\d+):([0-9a-f]{64})$/.exec(values.head);
    if (values.head !== undefined && !expected) {
      io.err(`--head: 應為「序號:雜湊」，即 audit head --json 輸出的 seq 與 hash，例如 12:${"0".repeat(64)}`);
      return 2;
    }
    const db = await openDb();
    const r = await verifyChain(db);
    if (r.break) {
      io.err(r.break.message);
      return 2;
    }
    if (expected) {
      // An exported head must still be in the chain, with the same hash: else the history was rewritten.
      const seq = Number(expected[1]);
      const found = seq === 0 ? null : await db.auditEntry.findUnique({ where: { seq }, select: { hash: true } });
      if (seq > 0 && found?.hash !== expected[2]) {
        io.err(`稽核紀錄鏈已被改寫：外部保存的鏈頭第 ${seq} 筆${found ? "的雜湊與資料庫不符" : "已不在鏈上"}`);
        return 2;
      }
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
    io.out(
      JSON.stringify({ seq: r.head.seq, hash: r.head.hash, lastAt: r.head.at?.toISOString() ?? null, intact: r.ok, exportedAt: new Date().toISOString() }),
    );
    return 0;
  }
  io.err(`${sub ? `未知的 audit 子指令「${sub}」\n` : ""}用法：\n${AUDIT_USAGE}`);
  return 2;
}
