import { db } from "@/lib/db/client";
import { AdminError, attachmentDisposition, auditCsvFileName, exportAuditCsv, readAuditQuery } from "@/lib/admin";
import { sessionState } from "../../../_server/auth";

export const dynamic = "force-dynamic";

/** A brief zh-TW answer; never a stack trace. */
const refuse = (status: number, message: string) =>
  new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/** GET /admin/audit/export?user&action&from&to: the agency's filtered log as CSV, for its admins only. */
export async function GET(request: Request): Promise<Response> {
  const state = await sessionState();
  if (!state.user) return refuse(401, state.reason === "idle" ? "閒置逾時，已自動登出，請重新登入。" : "請先登入。");
  if (state.user.mustChangePassword) return refuse(403, "請先變更初始密碼。");
  if (!state.user.roles.includes("admin")) return refuse(403, "您的角色無權匯出稽核紀錄。");
  const query = readAuditQuery(new URL(request.url).searchParams);
  if (!query.filter) return refuse(400, `篩選條件有誤：${Object.values(query.errors).join("；")}`);
  const { cursor: _page, ...filter } = query.filter;
  try {
    const { csv } = await exportAuditCsv(db(), state.user, filter);
    const { name, fallback } = auditCsvFileName(new Date());
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": attachmentDisposition(name, fallback),
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (e) {
    if (e instanceof AdminError) return refuse(403, e.message);
    console.error("audit export failed", e);
    return refuse(500, "系統暫時無法匯出稽核紀錄，請稍後再試。");
  }
}
