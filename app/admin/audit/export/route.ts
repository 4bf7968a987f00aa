import { db } from "@/lib/db/client";
import { auditCsvFileName, exportAuditCsv, readAuditQuery } from "@/lib/admin";
import { DomainError } from "@/lib/errors";
import { attachment } from "@/lib/http/attachment";
import { authedRoute } from "../../../_server/route";

export const dynamic = "force-dynamic";

/** GET /admin/audit/export?user&action&from&to: the agency's filtered log as CSV, for its admins only. */
export const GET = authedRoute({ roles: ["admin"], forbidden: "您的角色無權匯出稽核紀錄。" }, async (request, { user }) => {
  const query = readAuditQuery(new URL(request.url).searchParams);
  if (!query.filter) throw new DomainError("invalid", `篩選條件有誤：${Object.values(query.errors).join("；")}`);
  const { cursor: _page, ...filter } = query.filter;
  const { csv } = await exportAuditCsv(db(), user, filter);
  const { name, fallback } = auditCsvFileName(new Date());
  return attachment(csv, { name, fallback, type: "text/csv; charset=utf-8" });
});
