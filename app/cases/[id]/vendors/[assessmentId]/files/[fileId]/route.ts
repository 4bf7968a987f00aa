import { z } from "zod";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { fileDownload } from "@/lib/files";
import { reviewFile } from "@/lib/vendor/assessment/review-view";
import { authedRoute } from "../../../../../../_server/route";

/** GET /cases/:id/vendors/:assessmentId/files/:fileId — a vendor's evidence file, for the agency's officer or CISO (attachment, nosniff). */
export const GET = authedRoute<{ id: string; assessmentId: string; fileId: string }>({ roles: ["officer", "ciso"] }, async (_request, { user, params }) => {
  if (![params.id, params.assessmentId, params.fileId].every((x) => z.uuid().safeParse(x).success)) throw new DomainError("not-found", "找不到這個檔案。");
  const file = await reviewFile(db(), user, params.assessmentId, params.fileId);
  return fileDownload(file);
});
