import { z } from "zod";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { fileDownload } from "@/lib/files";
import { assessmentFile } from "@/lib/vendor/assessment/files";
import { authedRoute } from "../../../../_server/route";

/** GET /vendor/:caseId/files/:fileId — one of the vendor's own evidence files, as an attachment with nosniff. */
export const GET = authedRoute<{ caseId: string; fileId: string }>({ roles: ["vendor"] }, async (_request, { user, params }) => {
  if (!z.uuid().safeParse(params.caseId).success || !z.uuid().safeParse(params.fileId).success) throw new DomainError("not-found", "找不到這個檔案。");
  return fileDownload(await assessmentFile(db(), user, params.fileId, params.caseId));
});
