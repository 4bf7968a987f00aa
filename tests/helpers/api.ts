import { prepareDatabase } from "@/lib/setup";
import { freshDbUrl } from "./db";

/** The realistic case: development + maintenance, grade medium, level B. */
export const REALISTIC_CASE = {
  serviceTypes: ["development", "maintenance"],
  grade: "medium",
  responsibilityLevel: "B",
  contractValue: 12_000_000,
  conditions: { personalData: true, coreSystem: false, cii: false, externalService: true, mobileApp: false, mailServer: true },
};

export type TPost = (request: Request) => Promise<Response>;

/**
 * The route handler on a temp database. DATABASE_URL is set before the route is imported, so the
 * app's `db()` opens this file and never var/secreq.db.
 */
export async function routeOnFreshDb(): Promise<{ POST: TPost; url: string; cleanup: () => Promise<void> }> {
  const { url, remove } = freshDbUrl();
  await (await prepareDatabase(url)).$disconnect();
  process.env.DATABASE_URL = url;
  const { POST } = await import("@/app/api/v1/resolve/route");
  const { db } = await import("@/lib/db/client");
  return {
    POST,
    url,
    cleanup: async () => {
      await db().$disconnect();
      await remove();
    },
  };
}

export function jsonRequest(body: BodyInit | null, init: RequestInit = {}): Request {
  return new Request("http://127.0.0.1/api/v1/resolve", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    ...init,
  });
}

/** Status and parsed body of one call. */
export async function call(POST: TPost, request: Request): Promise<{ status: number; body: unknown; type: string | null }> {
  const response = await POST(request);
  return { status: response.status, body: (await response.json()) as unknown, type: response.headers.get("content-type") };
}
