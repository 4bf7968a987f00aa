import { AdminError } from "@/lib/admin";
import { ActionRefusal } from "../../_server/action";

/**
 * lib/admin refuses with AdminError; the action client knows ActionRefusal. Another agency's user reads
 * as "forbidden", as a case of another agency does.
 */
export async function adminCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof AdminError) throw new ActionRefusal(e.code === "not-found" ? "forbidden" : e.code, e.message, e.issues);
    throw e;
  }
}
