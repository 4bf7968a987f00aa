import { z } from "zod";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { submitEvidence } from "@/lib/contracts/store";
import { readUploadForm } from "@/lib/files";
import { authedRoute } from "../../../../../../_server/route";

/**
 * POST /api/contracts/:id/obligations/:obligationId/evidence — multipart, field `file` (≤ 20 MB) and an
 * optional `replaces` (the file it replaces). Under /api/ so the proxy never buffers (and cuts) the body;
 * readUploadForm checks the origin and the size itself.
 */
export const POST = authedRoute<{ id: string; obligationId: string }>({ roles: ["officer"] }, async (request, { user, params }) => {
  if (!z.uuid().safeParse(params.id).success || !z.uuid().safeParse(params.obligationId).success) throw new DomainError("not-found", "找不到這項履約義務。");
  const { fields, file } = await readUploadForm(request);
  const replaces = fields.replaces && z.uuid().safeParse(fields.replaces).success ? fields.replaces : undefined;
  const stored = await submitEvidence(db(), params.obligationId, { ...file, ...(replaces ? { replaces } : {}) }, user, params.id);
  return { id: stored.id, name: stored.name, sha256: stored.sha256, size: stored.size, type: stored.type };
});
