import { z } from "zod";
import { db } from "@/lib/db/client";
import { exportCase } from "@/lib/cases/export-case";
import { DOCX_CONTENT_TYPE } from "@/lib/export";
import { attachment } from "@/lib/http/attachment";
import { vendorCase } from "@/lib/vendor/access";
import { VendorError } from "@/lib/vendor/invitations";
import { authedRoute } from "../../../_server/route";

/** GET /vendor/:caseId/checklist — the fillable 廠商資安自評表 of a case the vendor was invited to. */
export const GET = authedRoute<{ caseId: string }>({ roles: ["vendor"] }, async (_request, { user, params }) => {
  if (!z.uuid().safeParse(params.caseId).success) throw new VendorError("not-found", "找不到此案件，或您未受邀填寫");
  const record = await vendorCase(db(), user, params.caseId);
  const { bytes, fileName, asciiName } = await exportCase(db(), record, "checklist");
  return attachment(bytes, { name: fileName, fallback: asciiName, type: DOCX_CONTENT_TYPE });
});
