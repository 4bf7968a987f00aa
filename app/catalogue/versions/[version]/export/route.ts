import { db } from "@/lib/db/client";
import { CatalogueError } from "@/lib/catalogue/errors";
import { ZVersionId } from "@/lib/catalogue/schema";
import { exportVersion } from "@/lib/catalogue/versions";
import { attachment } from "@/lib/http/attachment";
import { authedRoute } from "../../../../_server/route";

/** A version as a data file (data/catalogue format, self-contained) for 目錄管理者. */
export const GET = authedRoute<{ version: string }>({ roles: ["catalogue-admin"] }, async (_request, { params }) => {
  const version = ZVersionId.safeParse(params.version);
  if (!version.success) throw new CatalogueError("not-found", "找不到這個目錄版本。");
  const { fileName, text } = await exportVersion(db(), version.data);
  return attachment(text, { name: fileName, fallback: fileName, type: "application/json; charset=utf-8" });
});
