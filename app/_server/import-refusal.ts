import { DomainError, HTTP_STATUS } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route";

/**
 * The Word import's upload routes answer a refused file as JSON with every reason (a list when several
 * rows are wrong), which the upload form shows at the file field; authedRoute's own refusals stay plain text.
 */
export async function importRefusal(run: () => Promise<object>): Promise<object | Response> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof DomainError) || e.code === "not-found" || e.code === "forbidden") throw e;
    return errorResponse(HTTP_STATUS[e.code], e.message, "json", e.issues.length ? [...e.issues] : [{ path: "file", message: e.message }]);
  }
}
