import { resolveCaseJson, resolveService } from "@/lib/api/resolve";
import { readJsonBody } from "@/lib/http/body";
import { apiRoute, JsonText } from "@/lib/http/route";
import { sessionState } from "../../../_server/auth";

/** Drafts are private: only a signed-in 目錄管理者 may resolve against one (asked only when a draft is named). */
async function catalogueAdmin(): Promise<boolean> {
  const state = await sessionState().catch(() => ({ user: null }));
  return !!state.user && !state.user.mustChangePassword && state.user.roles.includes("catalogue-admin");
}

/** POST /api/v1/resolve: a case's facts → its checklist (see issue 3, Interfaces). */
export const POST = apiRoute(async (request) => new JsonText(await resolveCaseJson(await readJsonBody(request), resolveService(), { drafts: catalogueAdmin })));
