import { z } from "zod";
import { db } from "@/lib/db/client";
import { readUploadForm } from "@/lib/files";
import { VendorError } from "@/lib/vendor/invitations";
import { vendorAssessment } from "@/lib/vendor/assessment/store";
import { previewImport } from "@/lib/vendor/assessment/import";
import { authedRoute } from "../../../../_server/route";
import { importRefusal } from "../../../../_server/import-refusal";

/**
 * POST /api/vendor/:caseId/import — multipart, field `file`: the vendor's filled Word 自評表. Stored and
 * checked; answers `{ fileId, href }` (the preview page) or, refused, `{ error: { message, issues } }`.
 */
export const POST = authedRoute<{ caseId: string }>({ roles: ["vendor"] }, async (request, { user, params }) => {
  if (!z.uuid().safeParse(params.caseId).success) throw new VendorError("not-found", "找不到此案件，或您未受邀填寫");
  const assessment = await vendorAssessment(db(), user, params.caseId);
  return importRefusal(async () => {
    const { file } = await readUploadForm(request);
    const p = await previewImport(db(), user, assessment, file);
    return { fileId: p.fileId, href: `/vendor/${params.caseId}/import?file=${p.fileId}` };
  });
});
