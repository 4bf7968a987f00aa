import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVICE_TYPE_KEYS } from "@/lib/catalogue/schema";
import { parseResolveInput } from "@/lib/resolve/input";
import { resolve } from "@/lib/resolve/resolve";
import { STATUSES } from "@/lib/resolve/types";
import { NEWEST_VERSION, newestBundled, KNOWN_VERSIONS } from "../helpers/catalogue";
import { call, jsonRequest, REALISTIC_CASE, routeOnFreshDb, type TPost } from "../helpers/api";

const CJK = /[\u4e00-\u9fff]/;
const ALL_TYPES = { ...REALISTIC_CASE, serviceTypes: [...SERVICE_TYPE_KEYS] };

let POST: TPost;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ POST, cleanup } = await routeOnFreshDb()));
afterAll(() => cleanup());

const post = (body: unknown) => call(POST, jsonRequest(JSON.stringify(body)));

type TErrorBody = { error: { message: string; issues: { path: string; message: string }[] } };

/** A 400 with a zh-TW message; returns its issues as `path → message`. */
async function badRequest(request: Request): Promise<Record<string, string>> {
  const { status, body, type } = await call(POST, request);
  expect(status).toBe(400);
  expect(type).toMatch(/^application\/json/);
  const { error } = body as TErrorBody;
  expect(Object.keys(body as object)).toEqual(["error"]);
  expect(error.message).toMatch(CJK);
  for (const issue of error.issues) expect(issue.message, issue.path).toMatch(CJK);
  expect(JSON.stringify(body)).not.toMatch(/\bat \S+:\d+|Error:|Zod/);
  return Object.fromEntries(error.issues.map((issue) => [issue.path, issue.message]));
}
const badBody = (body: unknown) => badRequest(jsonRequest(JSON.stringify(body)));

describe("POST /api/v1/resolve: valid cases", () => {
  it("all nine types → 200 with 149 items in the issue's shape", async () => {
    const { status, body, type } = await post(ALL_TYPES);
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/json/);
    const resolution = body as Record<string, unknown> & { items: Record<string, unknown>[] };
    expect(Object.keys(resolution).sort()).toEqual([
      "agencyObligations",
      "basisSummary",
      "catalogueVersion",
      "effectiveGrade",
      "items",
      "requirements",
      "warnings",
    ]);
    expect(resolution.catalogueVersion).toBe(NEWEST_VERSION);
    expect(resolution.effectiveGrade).toBe("medium");
    for (const list of [resolution.warnings, resolution.agencyObligations]) {
      expect(Array.isArray(list)).toBe(true);
      for (const line of list as unknown[]) expect(line).toMatch(CJK);
    }
    expect(resolution.items).toHaveLength(149);
    expect(new Set(resolution.items.map((i) => i.serviceType))).toEqual(new Set(SERVICE_TYPE_KEYS));
    for (const item of resolution.items) {
      expect(Object.keys(item).sort()).toEqual(
        [
          "basis",
          "category",
          "cisoConfirm",
          "frequency",
          "id",
          "mark",
          "reasons",
          "recommendation",
          "sameAs",
          "serviceType",
          "status",
          "text",
          "thirdPartyTesting",
        ].sort(),
      );
      expect(Array.isArray(item.sameAs)).toBe(true);
      expect(STATUSES).toContain(item.status);
      expect(["●", "◎", "▲", "-"]).toContain(item.mark);
      expect((item.reasons as string[]).length).toBeGreaterThan(0);
      for (const reason of item.reasons as string[]) expect(reason).toMatch(CJK);
      expect(typeof item.thirdPartyTesting).toBe("boolean");
      expect(typeof item.cisoConfirm).toBe("boolean");
      expect(item.frequency === null || typeof item.frequency === "string").toBe(true);
      // Every ▲ line carries its badge; no other line does.
      expect(item.basis === null, String(item.id)).toBe(item.mark !== "▲");
    }
  });

  it("the reference case: 64 items, 58 requirements; the PRC-vendor requirement is one standard row", async () => {
    const { status, body } = await post(REALISTIC_CASE);
    expect(status).toBe(200);
    const out = body as {
      items: { id: string; sameAs: string[] }[];
      requirements: { key: string; itemIds: string[]; status: string; recommendation: unknown }[];
    };
    expect(out.items).toHaveLength(64);
    expect(out.requirements).toHaveLength(58);
    for (const row of out.requirements) expect(Object.keys(row)).toEqual(expect.arrayContaining(["key", "itemIds", "status", "recommendation"]));
    const prc = out.requirements.find((row) => row.itemIds.includes("maintenance.no-prc-vendor"))!;
    expect(prc).toMatchObject({ itemIds: ["development.no-prc-vendor", "maintenance.no-prc-vendor"], status: "standard", recommendation: null });
    expect(out.items.find((i) => i.id === "development.no-prc-vendor")!.sameAs).toEqual(["maintenance.no-prc-vendor"]);
  });

  it("a 特定非公務機關 resolves by its own 附表 (agencyKind, ciProvider)", async () => {
    const body = { ...REALISTIC_CASE, serviceTypes: ["development"], responsibilityLevel: "B", agencyKind: "non-public", ciProvider: false };
    const { status, body: out } = await post(body);
    expect(status).toBe(200);
    const vans = (out as { items: { id: string; status: string; reasons: string[] }[] }).items.find((i) => i.id === "development.vans")!;
    expect(vans.status).toBe("optional");
    expect(vans.reasons.join()).toContain("附表四（B級特定非公務機關）");
  });

  it("answers exactly what the engine gives for the same case", async () => {
    const parsed = parseResolveInput(REALISTIC_CASE);
    if (!parsed.ok) throw new Error("fixture invalid");
    const { status, body } = await post(REALISTIC_CASE);
    expect(status).toBe(200);
    expect(body).toEqual(JSON.parse(JSON.stringify(resolve(newestBundled(), newestBundled().obligations, parsed.input))));
  });

  it("catalogueVersion given or omitted: the same answer (the newest published is the default)", async () => {
    const omitted = await post(REALISTIC_CASE);
    const given = await post({ ...REALISTIC_CASE, catalogueVersion: NEWEST_VERSION });
    expect(given).toEqual(omitted);
  });

  it("does not mind the content type or a UTF-8 BOM", async () => {
    const text = JSON.stringify(REALISTIC_CASE);
    expect((await call(POST, jsonRequest(text, { headers: { "content-type": "text/plain" } }))).status).toBe(200);
    expect((await call(POST, jsonRequest(`\uFEFF${text}`))).status).toBe(200);
  });
});

describe("POST /api/v1/resolve: bad input → 400 with field paths, never 500", () => {
  it("wrong types", async () => {
    expect(await badBody({ ...REALISTIC_CASE, grade: 3 })).toEqual({
      grade: "系統防護需求等級須為 high（高）、medium（中）或 normal（普）",
    });
    expect(Object.keys(await badBody({ ...REALISTIC_CASE, contractValue: "12000000", conditions: { ...REALISTIC_CASE.conditions, cii: "no" } }))).toEqual([
      "contractValue",
      "conditions.cii",
    ]);
  });

  it("unknown service type", async () => {
    expect(await badBody({ ...REALISTIC_CASE, serviceTypes: ["blockchain", "development"] })).toEqual({
      "serviceTypes.0": "未知的服務類型「blockchain」",
    });
  });

  it("negative and fractional contract values", async () => {
    expect(await badBody({ ...REALISTIC_CASE, contractValue: -1 })).toEqual({ contractValue: "契約金額不可為負數" });
    expect(await badBody({ ...REALISTIC_CASE, contractValue: 12.5 })).toEqual({ contractValue: "契約金額須為整數（新臺幣元）" });
  });

  it("missing fields", async () => {
    const { conditions: _drop, ...noConditions } = REALISTIC_CASE;
    expect(await badBody(noConditions)).toEqual({ conditions: "請填寫個案條件" });
    expect(Object.keys(await badBody({}))).toEqual(["serviceTypes", "grade", "responsibilityLevel", "contractValue", "conditions"]);
  });

  it("an extra unknown field, at the top or in conditions", async () => {
    expect(await badBody({ ...REALISTIC_CASE, isAdmin: true })).toEqual({ "": "不接受的欄位：isAdmin" });
    expect(await badBody({ ...REALISTIC_CASE, conditions: { ...REALISTIC_CASE.conditions, x: 1 } })).toEqual({
      conditions: "個案條件含不接受的欄位：x",
    });
  });

  it("an unknown catalogue version names the versions that exist", async () => {
    expect(await badBody({ ...REALISTIC_CASE, catalogueVersion: "2020-01-01" })).toEqual({
      catalogueVersion: `找不到一覽表版本「2020-01-01」；現有版本：${KNOWN_VERSIONS}`,
    });
  });

  it("not JSON at all, or an empty body: a message, no issues", async () => {
    for (const text of ["grade=high&level=B", '{"grade": ', "", "   \n"]) expect(await badRequest(jsonRequest(text)), text).toEqual({});
    expect(await badRequest(jsonRequest(null))).toEqual({});
  });

  it("JSON that is not an object", async () => {
    for (const body of [[REALISTIC_CASE], null, 42, "case"]) expect(await badBody(body)).toEqual({ "": "輸入須為 JSON 物件" });
  });

  it("bytes that are not UTF-8", async () => {
    expect(await badRequest(jsonRequest(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])))).toEqual({});
  });

  it("a huge payload (1 MB), declared or streamed without a length", async () => {
    const huge = JSON.stringify({ ...REALISTIC_CASE, serviceTypes: ["x".repeat(1_000_000)] });
    const declared = jsonRequest(huge, { headers: { "content-type": "application/json", "content-length": String(huge.length) } });
    expect(await badRequest(declared)).toEqual({});
    const bytes = new TextEncoder().encode(huge);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 16_384) controller.enqueue(bytes.subarray(i, i + 16_384));
        controller.close();
      },
    });
    const { status, body } = await call(POST, jsonRequest(stream, { duplex: "half" } as RequestInit));
    expect(status).toBe(400);
    expect((body as TErrorBody).error.message).toBe("請求內容超過 64 KiB 上限");
  });

  it("the cap is 64 KiB exactly, counted in bytes", async () => {
    const text = JSON.stringify({ ...REALISTIC_CASE, riskLevel: "中" }); // 中 is 3 bytes, 1 UTF-16 unit
    const pad = 64 * 1024 - new TextEncoder().encode(text).length;
    expect((await call(POST, jsonRequest(text + " ".repeat(pad)))).status).toBe(200);
    expect((await call(POST, jsonRequest(text + " ".repeat(pad + 1)))).status).toBe(400);
  });
});
