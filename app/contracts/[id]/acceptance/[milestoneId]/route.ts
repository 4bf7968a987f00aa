import { z } from "zod";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { acceptanceDocument } from "@/lib/contracts/store";
import { DOCX_CONTENT_TYPE } from "@/lib/export";
import { attachment } from "@/lib/http/attachment";
import { authedRoute } from "../../../../_server/route";

/** GET /contracts/:id/acceptance/:milestoneId — the milestone's 資安驗收檢核表 (DOCX). */
export const GET = authedRoute<{ id: string; milestoneId: string }>({ roles: ["officer", "ciso", "admin"] }, async (_request, { user, params }) => {
  if (!z.uuid().safeParse(params.id).success || !z.uuid().safeParse(params.milestoneId).success) throw new DomainError("not-found", "找不到這個驗收階段。");
  const { bytes, fileName, asciiName } = await acceptanceDocument(db(), params.id, params.milestoneId, user);
  return attachment(bytes, { name: fileName, fallback: asciiName, type: DOCX_CONTENT_TYPE });
});
