import type { TActionResult } from "@/lib/action-result";

export type TAdminAction<TIn, TOut extends object = object> = (input: TIn) => Promise<TActionResult<TOut>>;

/** Field errors keyed by the first path segment ("roles.0" → "roles"), the first message per field. */
export function fieldErrors(issues: readonly { path: string; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) out[i.path.split(".")[0] || "form"] ??= i.message;
  return out;
}

/** A failed request (network, server restart) reads like any other refusal; the input stays. */
export const OFFLINE: Extract<TActionResult, { ok: false }> = {
  ok: false,
  code: "error",
  message: "無法連線到伺服器，請稍後再試；您輸入的內容仍保留在此頁。",
  issues: [],
};
