import { db } from "@/lib/db/client";
import { CatalogueError } from "@/lib/catalogue/errors";
import { ZVersionId } from "@/lib/catalogue/schema";
import { exportVersion } from "@/lib/catalogue/versions";
import { sessionState } from "../../../../_server/auth";

/** A version as a data file (data/catalogue format, self-contained) for 目錄管理者. */
export async function GET(_req: Request, { params }: { params: Promise<{ version: string }> }) {
  const state = await sessionState();
  if (!state.user || state.user.mustChangePassword) return new Response("請先登入。", { status: 401 });
  if (!state.user.roles.includes("catalogue-admin")) return new Response("您的角色無權執行此操作。", { status: 403 });
  const version = ZVersionId.safeParse((await params).version);
  if (!version.success) return new Response("找不到這個目錄版本。", { status: 404 });
  try {
    const { fileName, text } = await exportVersion(db(), version.data);
    return new Response(text, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (e) {
    if (e instanceof CatalogueError) return new Response(e.message, { status: 404 });
    throw e;
  }
}
