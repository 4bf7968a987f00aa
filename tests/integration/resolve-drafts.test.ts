import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TDb } from "@/lib/db/client";
import { prepareDatabase } from "@/lib/setup";
import { storeCatalogue } from "@/lib/catalogue/store";
import { createUser } from "@/lib/auth/users";
import { bundled, KNOWN_VERSIONS } from "../helpers/catalogue";
import { call, jsonRequest, REALISTIC_CASE, type TPost } from "../helpers/api";
import { freshDbUrl } from "../helpers/db";
import { actAs } from "../helpers/authz-request";
import { PASSWORD } from "../helpers/people";

// Issue 19 #4: drafts are private. The public API resolves published versions only (and names only
// those when a version is unknown); a signed-in 目錄管理者 may resolve a draft; the operator's CLI may too.

vi.mock("next/headers", async () => (await import("../helpers/authz-request")).nextHeadersMock);

const DRAFT = "2099-01-01";
let POST: TPost;
let db: TDb;
let remove: () => Promise<void>;
const cookies: Record<"keeper" | "officer", string> = { keeper: "", officer: "" };

beforeAll(async () => {
  const fresh = freshDbUrl();
  remove = fresh.remove;
  await (await prepareDatabase(fresh.url)).$disconnect();
  process.env.DATABASE_URL = fresh.url;
  process.env.BETTER_AUTH_SECRET = "resolve-drafts-secret-resolve-drafts-secret";
  process.env.BETTER_AUTH_URL = "http://localhost:3000";
  db = (await import("@/lib/db/client")).db();
  const { auth } = await import("@/app/_server/auth");
  ({ POST } = await import("@/app/api/v1/resolve/route"));
  await storeCatalogue(db, { ...bundled(), version: DRAFT, status: "draft" });
  const agencyId = (await db.agency.create({ data: { id: "resolve-drafts-agency", name: "草案測試機關" } })).id;
  for (const [who, roles] of [
    ["keeper", ["catalogue-admin"]],
    ["officer", ["officer"]],
  ] as const) {
    const email = `${who}@drafts.test`;
    await createUser(db, { agencyId, email, name: who, roles: [...roles], password: PASSWORD, mustChangePassword: false });
    const response = await auth().api.signInEmail({ body: { email, password: PASSWORD }, asResponse: true });
    cookies[who] = response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
  }
}, 60_000);
afterAll(async () => {
  await db.$disconnect();
  await remove();
});

const post = (body: unknown) => call(POST, jsonRequest(JSON.stringify(body)));
const issues = (body: unknown) => (body as { error: { issues: { path: string; message: string }[] } }).error.issues;

describe("POST /api/v1/resolve and draft catalogues", () => {
  it("anonymous: a draft is answered like an unknown version, and no error names a draft", async () => {
    actAs(null);
    const draft = await post({ ...REALISTIC_CASE, catalogueVersion: DRAFT });
    expect(draft.status).toBe(400);
    expect(issues(draft.body)).toEqual([{ path: "catalogueVersion", message: `找不到一覽表版本「${DRAFT}」；現有版本：${KNOWN_VERSIONS}` }]);
    const unknown = await post({ ...REALISTIC_CASE, catalogueVersion: "2020-01-01" });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).not.toContain(DRAFT);
  });

  it("a signed-in user without the 目錄管理者 role is treated the same", async () => {
    actAs(cookies.officer);
    const r = await post({ ...REALISTIC_CASE, catalogueVersion: DRAFT });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).not.toContain(`、${DRAFT}`);
  });

  it("a signed-in 目錄管理者 resolves the draft, and sees it listed", async () => {
    actAs(cookies.keeper);
    const r = await post({ ...REALISTIC_CASE, catalogueVersion: DRAFT });
    expect(r.status).toBe(200);
    expect((r.body as { catalogueVersion: string }).catalogueVersion).toBe(DRAFT);
    const unknown = await post({ ...REALISTIC_CASE, catalogueVersion: "2020-01-01" });
    expect(issues(unknown.body)[0]!.message).toContain(DRAFT);
    actAs(null);
  });

  it("`cli resolve` (the operator, on the database itself) resolves a draft", async () => {
    const { runCli } = await import("@/lib/cli");
    const dir = mkdtempSync(path.join(tmpdir(), "secreq-drafts-"));
    try {
      const file = path.join(dir, "case.json");
      writeFileSync(file, JSON.stringify({ ...REALISTIC_CASE, catalogueVersion: DRAFT }));
      const out: string[] = [];
      const code = await runCli(["resolve", "--input", file], { out: (s) => out.push(s), err: (s) => out.push(s) }, { openDb: async () => db });
      expect(code).toBe(0);
      expect(JSON.parse(out.join("\n")).catalogueVersion).toBe(DRAFT);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
