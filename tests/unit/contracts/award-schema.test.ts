import { describe, expect, it } from "vitest";
import { ZAward } from "../../../lib/contracts/store/schemas";

const messages = (input: object) => {
  const r = ZAward.safeParse(input);
  if (r.success) return {};
  const out: Record<string, string[]> = {};
  for (const i of r.error.issues) (out[i.path.join(".")] ??= []).push(i.message);
  return out;
};
const EMPTY = { vendorName: "", vendorTaxId: "", contractNumber: "", award: "", signed: "", start: "", end: "", milestones: [{ name: "驗收", dueOn: "" }] };

describe("決標建立契約: one clear message per field", () => {
  it("an empty form asks for each field, never calls an empty 統一編號 a checksum error", () => {
    expect(messages(EMPTY)).toEqual({
      vendorName: ["請填寫廠商名稱"],
      vendorTaxId: ["請填寫廠商統一編號"],
      contractNumber: ["請填寫契約編號"],
      award: ["請填寫決標日"],
      signed: ["請填寫簽約日"],
      start: ["請填寫契約開始日"],
      end: ["請填寫契約結束日"],
      "milestones.0.dueOn": ["請填寫驗收日"],
    });
  });

  it("a malformed 統一編號 or date gets the format message alone; a wrong checksum the checksum one", () => {
    const m = messages({ ...EMPTY, vendorTaxId: "1234", award: "2027-02-29" });
    expect(m.vendorTaxId).toEqual(["統一編號應為 8 位數字"]);
    expect(m.award).toEqual(["決標日須為有效日期（YYYY-MM-DD）"]);
    expect(messages({ ...EMPTY, vendorTaxId: "04595258" }).vendorTaxId).toEqual(["統一編號檢查碼不符，請確認是否輸入正確"]);
    expect(messages({ ...EMPTY, vendorTaxId: "04595257" }).vendorTaxId).toBeUndefined();
  });
});
