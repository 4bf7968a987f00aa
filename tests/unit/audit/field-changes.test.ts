import { describe, expect, it } from "vitest";
import { fieldChanges, fieldChangesText } from "@/lib/audit";

describe("fieldChanges: before/after as the fields that changed", () => {
  it("a status change reads old → new in words", () => {
    expect(fieldChanges({ status: "submitted" }, { status: "returned", comment: "請補充" })).toEqual([
      { field: "狀態", before: "送審中", after: "已退回" },
      { field: "意見", before: null, after: "請補充" },
    ]);
  });

  it("leaves out fields equal on both sides and flattens nested objects to paths", () => {
    expect(fieldChanges({ a: { x: 1, y: 2 }, same: "s" }, { a: { x: 1, y: 3 }, same: "s" })).toEqual([{ field: "a．y", before: "2", after: "3" }]);
  });

  it("lists, booleans and removed fields", () => {
    expect(fieldChanges({ roles: ["officer"], active: true }, { roles: ["officer", "ciso"] })).toEqual([
      { field: "角色", before: "承辦人", after: "承辦人、資安長" },
      { field: "啟用", before: "是", after: null },
    ]);
  });

  it("the agency profile reads as the form names it, its codes in words, an empty value as （無）", () => {
    const before = { agencyKind: "", ciProvider: null, sector: "", responsibilityLevel: "", levelBasis: "", mailServer: null, cisoName: "" };
    const after = {
      agencyKind: "public",
      ciProvider: false,
      sector: "government",
      responsibilityLevel: "C",
      levelBasis: "approved",
      mailServer: false,
      cisoName: "林副鄉長",
    };
    expect(fieldChangesText(fieldChanges(before, after))).toBe(
      [
        "機關性質：（無） → 公務機關",
        "關鍵基礎設施提供者：（無） → 否",
        "機關類別：（無） → 政府機關",
        "資通安全責任等級：（無） → C",
        "等級核定或提交：（無） → 核定",
        "自行維運郵件伺服器：（無） → 否",
        "資安長姓名：（無） → 林副鄉長",
      ].join("\n"),
    );
    expect(fieldChanges({ mustChangePassword: true }, { mustChangePassword: false })).toEqual([{ field: "須變更密碼", before: "是", after: "否" }]);
    expect(fieldChanges({ cisoName: "" }, {})).toEqual([]);
  });

  it("nothing recorded is no change; a bare value is one", () => {
    expect(fieldChanges(null, null)).toEqual([]);
    expect(fieldChanges(undefined, { rows: 3 })).toEqual([{ field: "筆數", before: null, after: "3" }]);
    expect(fieldChanges(null, "x")).toEqual([{ field: "值", before: null, after: "x" }]);
  });

  it("a long value is cut short, never dumped whole", () => {
    const [c] = fieldChanges({}, { list: [{ big: "x".repeat(500) }] });
    expect(c!.after!.length).toBeLessThanOrEqual(201);
    expect(c!.after!.endsWith("…")).toBe(true);
  });

  it("as text for the CSV, one line per field", () => {
    expect(fieldChangesText(fieldChanges({ status: "draft" }, { status: "submitted", x: 1 }))).toBe("狀態：草稿 → 送審中\nx：（無） → 1");
  });
});
