import { z } from "zod";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { readUploadForm } from "@/lib/files";
import { attachEvidence, bulkYes } from "@/lib/vendor/assessment/files";
import { authedRoute } from "../../../../_server/route";

/**
 * POST /api/vendor/:caseId/files — multipart: the `file` (≤ 20 MB) and `rowIds` (comma-separated). With
 * `bulkYes=1` (and an optional `evidence` text) the rows are also marked 是, in the same transaction and audit entry.
 */
export const POST = authedRoute<{ caseId: string }>({ roles: ["vendor"] }, async (request, { user, params }) => {
  if (!z.uuid().safeParse(params.caseId).success) throw new DomainError("not-found", "找不到此案件，或您未受邀填寫");
  const { fields, file } = await readUploadForm(request);
  const rowIds = (fields.rowIds ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (fields.bulkYes === "1") {
    const r = await bulkYes(db(), user, params.caseId, { rowIds, ...(fields.evidence ? { evidence: fields.evidence } : {}) }, file);
    return { id: r.file!.id, name: r.file!.name, rows: r.written.length };
  }
  const stored = await attachEvidence(db(), user, params.caseId, file, rowIds);
  return { id: stored.id, name: stored.name, sha256: stored.sha256, size: stored.size, type: stored.type };
});
