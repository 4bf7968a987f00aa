// Liveness only (no database): the benchmark's baseline and a probe for ops.
// Rendered per request like any API route, so the baseline pays the same framework cost as /resolve.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
