import "../validation/zh-tw"; // zh-TW zod messages for every API route
import { toHttpError, type TErrorLog } from "./errors";

export type TRouteHandler<TArgs extends unknown[] = []> = (request: Request, ...args: TArgs) => Promise<Response>;

const HEADERS = { "cache-control": "no-store" };

/** A 200 body that is JSON text already (e.g. a memoized answer): sent as is, not serialized again. */
export class JsonText {
  constructor(readonly text: string) {}
}

/** How errors are answered: JSON `{ error }` for API clients, brief plain text for browser downloads. */
export type TErrorFormat = "json" | "text";

/** A brief refusal in the route's error format (the body toHttpError would give, without issues). */
export function errorResponse(status: number, message: string, format: TErrorFormat = "json", issues: { path: string; message: string }[] = []): Response {
  if (format === "text")
    return new Response(message, { status, headers: { ...HEADERS, "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" } });
  return Response.json({ error: { message, issues } }, { status, headers: HEADERS });
}

/**
 * Wraps a route: the handler returns the 200 body (a value, JsonText, or a finished Response such as
 * attachment()); every error goes through toHttpError. Web Response only (no Next imports), so tests
 * call the route with a plain Request.
 */
export function apiRoute<TArgs extends unknown[] = []>(
  handler: (request: Request, ...args: TArgs) => Promise<unknown>,
  log?: TErrorLog,
  format: TErrorFormat = "json",
): TRouteHandler<TArgs> {
  return async (request, ...args) => {
    try {
      const result = await handler(request, ...args);
      if (result instanceof Response) return result;
      if (result instanceof JsonText) return new Response(result.text, { headers: { ...HEADERS, "content-type": "application/json" } });
      return Response.json(result, { headers: HEADERS });
    } catch (e) {
      const { status, body } = toHttpError(e, log);
      if (format === "text") return errorResponse(status, body.error.message, "text");
      return Response.json(body, { status, headers: HEADERS });
    }
  };
}
