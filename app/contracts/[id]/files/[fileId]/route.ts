import { z } from "zod";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { evidenceFile } from "@/lib/contracts/store";
import { fileDownload } from "@/lib/files";
import { authedRoute } from "../../../../_server/route";

/** GET /contracts/:id/files/:fileId — one evidence file of the contract, as an attachment with nosniff. */
export const GET = authedRoute<{ id: string; fileId: string }>({ roles: ["officer", "ciso", "admin"] }, async (_request, { user, params }) => {
  if (!z.uuid().safeParse(params.id).success || !z.uuid().safeParse(params.fileId).success) throw new DomainError("not-found", "找不到這個檔案。");
  return fileDownload(await evidenceFile(db(), params.id, params.fileId, user));
});
