import { describe, expect, it } from "vitest";
import { parseResolveInput, ZResolveInput } from "../../../lib/resolve/input";

const valid = {
  catalogueVersion: "2023-09-25",
  serviceTypes: ["development", "maintenance"],
  grade: "high",
  responsibilityLevel: "A",
  contractValue: 12000000,
  conditions: { personalData: true, coreSystem: false, cii: false, externalService: true, mobileApp: false, mailServer: true },
};

/** Issues of a bad body as `path → message`, the API's 400 shape. */
function issuesOf(body: unknown): Record<string, string> {
  const parsed = parseResolveInput(body);
  if (parsed.ok) throw new Error("expected failure");
  expect(parsed.error.message).toMatch(/[\u4e00-\u9fff]/);
  return Object.fromEntries(parsed.error.issues.map((issue) => [issue.path, issue.message]));
}

const CJK = /[\u4e00-\u9fff]/;

describe("ZResolveInput", () => {
  it("accepts the issue's example, with or without catalogueVersion and riskLevel", () => {
    // Omitted agencyKind and ciProvider read as a 公務機關 that is not a CI provider (existing clients keep working).
    expect(ZResolveInput.parse(valid)).toEqual({ ...valid, agencyKind: "public", ciProvider: false });
    const { catalogueVersion: _omit, ...rest } = valid;
    expect(parseResolveInput({ ...rest, riskLevel: " 中 " })).toMatchObject({ ok: true, input: { riskLevel: "中" } });
  });

  it("carries agencyKind and ciProvider when sent, and refuses other values", () => {
    expect(ZResolveInput.parse({ ...valid, agencyKind: "non-public", ciProvider: true })).toMatchObject({ agencyKind: "non-public", ciProvider: true });
    expect(ZResolveInput.safeParse({ ...valid, agencyKind: "private" }).success).toBe(false);
    expect(ZResolveInput.safeParse({ ...valid, ciProvider: "yes" }).success).toBe(false);
  });

  it("missing fields → one zh-TW message per path", () => {
    expect(issuesOf({})).toEqual({
      serviceTypes: "請選擇服務類型",
      grade: "請選擇系統防護需求等級",
      responsibilityLevel: "請選擇資通安全責任等級",
      contractValue: "請填寫契約金額",
      conditions: "請填寫個案條件",
    });
  });

  it("each condition is required: a missing answer is not a silent no", () => {
    const { mailServer: _drop, ...five } = valid.conditions;
    expect(issuesOf({ ...valid, conditions: five })).toEqual({ "conditions.mailServer": "請回答機關是否自行維運郵件伺服器" });
  });

  it("wrong types", () => {
    const issues = issuesOf({
      ...valid,
      serviceTypes: "development",
      grade: 3,
      responsibilityLevel: "a",
      contractValue: "12000000",
      conditions: { ...valid.conditions, personalData: "yes" },
    });
    expect(issues).toEqual({
      serviceTypes: "服務類型須為清單",
      grade: "系統防護需求等級須為 high（高）、medium（中）或 normal（普）",
      responsibilityLevel: "資通安全責任等級須為 A、B、C、D 或 E",
      contractValue: "契約金額須為整數（新臺幣元）",
      "conditions.personalData": "「是否涉及個人資料」須為 true 或 false",
    });
  });

  it("unknown, empty and duplicate service types", () => {
    expect(issuesOf({ ...valid, serviceTypes: ["development", "blockchain"] })).toEqual({ "serviceTypes.1": "未知的服務類型「blockchain」" });
    expect(issuesOf({ ...valid, serviceTypes: [] })).toEqual({ serviceTypes: "請至少選擇一種服務類型" });
    expect(issuesOf({ ...valid, serviceTypes: ["maintenance", "maintenance"] })).toEqual({ "serviceTypes.1": "服務類型「maintenance」重複" });
  });

  it("negative, fractional, non-finite and unsafe contract values", () => {
    expect(issuesOf({ ...valid, contractValue: -1 })).toEqual({ contractValue: "契約金額不可為負數" });
    expect(issuesOf({ ...valid, contractValue: 1000.5 })).toEqual({ contractValue: "契約金額須為整數（新臺幣元）" });
    expect(issuesOf({ ...valid, contractValue: Number.POSITIVE_INFINITY }).contractValue).toMatch(CJK);
    expect(issuesOf({ ...valid, contractValue: 2 ** 60 })).toEqual({ contractValue: "契約金額超出可處理的範圍" });
    expect(ZResolveInput.safeParse({ ...valid, contractValue: 0 }).success).toBe(true);
  });

  it("unknown fields, at the top and in conditions", () => {
    expect(issuesOf({ ...valid, admin: true })).toEqual({ "": "不接受的欄位：admin" });
    expect(issuesOf({ ...valid, conditions: { ...valid.conditions, secret: false } })).toEqual({ conditions: "個案條件含不接受的欄位：secret" });
  });

  it("a body that is not an object", () => {
    for (const body of [null, "x", 42, [valid]]) expect(issuesOf(body)).toEqual({ "": "輸入須為 JSON 物件" });
  });

  it("bad catalogueVersion and riskLevel", () => {
    expect(issuesOf({ ...valid, catalogueVersion: "latest" }).catalogueVersion).toMatch(CJK);
    expect(issuesOf({ ...valid, catalogueVersion: 2023 })).toEqual({ catalogueVersion: "一覽表版本須為文字" });
    expect(issuesOf({ ...valid, riskLevel: "  " })).toEqual({ riskLevel: "弱點掃描報告不得含有之風險等級不可為空白" });
    expect(issuesOf({ ...valid, riskLevel: "高".repeat(21) })).toEqual({ riskLevel: "弱點掃描報告不得含有之風險等級最多 20 字" });
  });

  it("every message of a thoroughly broken body is zh-TW", () => {
    const parsed = parseResolveInput({ serviceTypes: [1, null], grade: {}, responsibilityLevel: [], contractValue: null, conditions: [], x: 1 });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) for (const issue of parsed.error.issues) expect(issue.message, issue.path).toMatch(CJK);
  });
});
