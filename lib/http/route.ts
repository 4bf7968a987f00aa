import "../validation/zh-tw"; // zh-TW zod messages for every API route
import { toHttpError, type TErrorLog } from "./errors";

export type TRouteHandler = (request: Request) => Promise<Response>;

const HEADERS = { "cache-control": "no-store" };

/** A 200 body that is JSON text already (e.g. a memoized answer): sent as is, not serialized again. */
export class JsonText {
  constructor(readonly text: string) {}
}

/**
 * Wraps a route: the handler returns the 200 body (a value or JsonText); every error goes through
 * toHttpError. Web Response only (no Next imports), so tests call the route with a plain Request.
 */
export function apiRoute(handler: (request: Request) => Promise<unknown>, log?: TErrorLog): TRouteHandler {
  return async (request) => {
    try {
      const result = await handler(request);
      if (result instanceof JsonText)
        return new Response(result.text, { headers: { ...HEADERS, "content-type": "application/json" } });
      return Response.json(result, { headers: HEADERS });
    } catch (e) {
      const { status, body } = toHttpError(e, log);
      return Response.json(body, { status, headers: HEADERS });
    }
  };
}
