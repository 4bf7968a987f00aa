import { z } from "zod";
import { db } from "@/lib/db/client";
import { getCaseFor } from "@/lib/cases/store";
import { exportCase } from "@/lib/cases/export-case";
import { CaseError } from "@/lib/cases/errors";
import { contentDisposition, DOC_KINDS, DOCX_CONTENT_TYPE, ExportError } from "@/lib/export";
import { sessionState } from "../../../../_server/auth";

const text = (status: number, message: string) => new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** GET /cases/:id/export/annex|clauses|checklist — a DOCX of the case, for its own agency only. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; doc: string }> }) {
  const { id, doc } = await params;
  const kind = z.enum(DOC_KINDS).safeParse(doc);
  if (!kind.success || !z.uuid().safeParse(id).success) return text(404, "找不到這份文件");
  const state = await sessionState();
  if (!state.user) return text(401, "請先登入。");
  if (state.user.mustChangePassword) return text(403, "請先變更初始密碼。");
  const record = await getCaseFor(db(), id, state.user);
  if (!record) return text(404, "找不到這個案件");
  try {
    const { bytes, fileName, asciiName } = await exportCase(db(), record, kind.data);
    return new Response(new Uint8Array(bytes), {
      headers: { "content-type": DOCX_CONTENT_TYPE, "content-disposition": contentDisposition(fileName, asciiName), "cache-control": "no-store" },
    });
  } catch (e) {
    if (e instanceof CaseError || e instanceof ExportError) return text(409, e.message);
    console.error("export failed", e);
    return text(500, "系統暫時無法產生文件，請稍後再試。");
  }
}
