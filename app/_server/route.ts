import type { TRole } from "@/lib/auth/roles";
import { apiRoute, errorResponse } from "@/lib/http/route";
import { sessionState, vendorAdmitted, type TCurrentUser } from "./auth";

// The one wrapper for signed-in routes (dub's withWorkspace): the session, the forced password change
// and the role are checked here, the same way for every route, before the handler runs. Errors go
// through toHttpError (one code → status table); a download answers them as brief plain text.

type TContext<P> = { params: Promise<P> };

export function authedRoute<P = Record<string, never>>(
  opts: { roles?: TRole[]; /** The 403 message when the role is missing. */ forbidden?: string },
  handler: (request: Request, ctx: { user: TCurrentUser; params: P }) => Promise<unknown>,
) {
  return apiRoute(
    async (request: Request, ctx?: TContext<P>) => {
      const state = await sessionState();
      if (!state.user) return errorResponse(401, state.reason === "idle" ? "閒置逾時，已自動登出，請重新登入。" : "請先登入。", "text");
      if (state.user.mustChangePassword) return errorResponse(403, "請先變更初始密碼。", "text");
      if (opts.roles && !opts.roles.some((r) => state.user!.roles.includes(r))) return errorResponse(403, opts.forbidden ?? "您的角色無權執行此操作。", "text");
      if (!vendorAdmitted(state.user, opts)) return errorResponse(403, opts.forbidden ?? "您的角色無權執行此操作。", "text");
      return handler(request, { user: state.user, params: ((await ctx?.params) ?? {}) as P });
    },
    undefined,
    "text",
  );
}
