import { z } from "zod";
import { db } from "@/lib/db/client";
import { getCaseFor } from "@/lib/cases/store";
import { caseDocument } from "@/lib/cases/case-documents";
import { CaseError } from "@/lib/cases/errors";
import { DOC_KINDS, DOCX_CONTENT_TYPE } from "@/lib/export";
import { attachment } from "@/lib/http/attachment";
import { authedRoute } from "../../../../_server/route";

/** GET /cases/:id/export/<kind> — a DOCX of the case, for its own agency only; an approved revision's are the stored bytes. */
export const GET = authedRoute<{ id: string; doc: string }>({}, async (_request, { user, params }) => {
  const kind = z.enum(DOC_KINDS).safeParse(params.doc);
  if (!kind.success || !z.uuid().safeParse(params.id).success) throw new CaseError("not-found", "找不到這份文件");
  const record = await getCaseFor(db(), params.id, user);
  if (!record) throw new CaseError("not-found", "找不到這個案件");
  const { bytes, fileName, asciiName } = await caseDocument(db(), record, kind.data, user);
  return attachment(bytes, { name: fileName, fallback: asciiName, type: DOCX_CONTENT_TYPE });
});
