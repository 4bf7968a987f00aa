import { z } from "zod";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { readUploadForm } from "@/lib/files";
import { agencyAssessment } from "@/lib/vendor/assessment/store";
import { previewImport } from "@/lib/vendor/assessment/import";
import { authedRoute } from "../../../../_server/route";
import { importRefusal } from "../../../../_server/import-refusal";

/**
 * POST /api/vendor-assessments/:id/import — the case's officer uploads a vendor's filled Word 自評表 on its
 * behalf. Answers `{ fileId, href }` (the preview page) or, refused, `{ error: { message, issues } }`.
 */
export const POST = authedRoute<{ id: string }>({ roles: ["officer"] }, async (request, { user, params }) => {
  if (!z.uuid().safeParse(params.id).success) throw new DomainError("not-found", "找不到這份廠商自評");
  const assessment = await agencyAssessment(db(), user, params.id);
  return importRefusal(async () => {
    const { file } = await readUploadForm(request);
    const p = await previewImport(db(), user, assessment, file);
    return { fileId: p.fileId, href: `/cases/${assessment.caseId}/vendors/${assessment.id}/import?file=${p.fileId}` };
  });
});
