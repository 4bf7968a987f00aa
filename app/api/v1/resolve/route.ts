import { resolveCaseJson } from "@/lib/api/resolve";
import { readJsonBody } from "@/lib/http/body";
import { apiRoute, JsonText } from "@/lib/http/route";

/** POST /api/v1/resolve: a case's facts → its checklist (see issue 3, Interfaces). */
export const POST = apiRoute(async (request) => new JsonText(await resolveCaseJson(await readJsonBody(request))));
