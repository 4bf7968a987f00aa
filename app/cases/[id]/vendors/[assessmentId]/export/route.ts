import { z } from "zod";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { DOCX_CONTENT_TYPE } from "@/lib/export";
import { attachment } from "@/lib/http/attachment";
import { reviewedAssessmentDocument } from "@/lib/vendor/assessment/export";
import { authedRoute } from "../../../../../_server/route";

/** GET /cases/:id/vendors/:assessmentId/export — the reviewed self-assessment (DOCX), for the agency's officer or CISO. */
export const GET = authedRoute<{ id: string; assessmentId: string }>({ roles: ["officer", "ciso"] }, async (_request, { user, params }) => {
  if (!z.uuid().safeParse(params.id).success || !z.uuid().safeParse(params.assessmentId).success) throw new DomainError("not-found", "找不到這份廠商自評");
  const { bytes, fileName, asciiName } = await reviewedAssessmentDocument(db(), user, params.assessmentId);
  return attachment(bytes, { name: fileName, fallback: asciiName, type: DOCX_CONTENT_TYPE });
});
