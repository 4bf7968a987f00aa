import { describe, expect, it } from "vitest";
import { daysBetween, nonconformityStatus } from "@/lib/vendor/assessment/summary";
import { ZVerdict } from "@/lib/vendor/assessment/review";

describe("a nonconformity's status (Taipei dates)", () => {
  const at = (dueOn: string, closedAt: Date | null = null) => ({ dueOn, closedAt });
  it("is overdue after its date, due within the 30-day window, not yet due beyond it, closed once closed", () => {
    expect(nonconformityStatus(at("2026-12-09"), "2026-12-10")).toBe("overdue");
    expect(nonconformityStatus(at("2026-12-10"), "2026-12-10")).toBe("due");
    expect(nonconformityStatus(at("2027-01-09"), "2026-12-10")).toBe("due");
    expect(nonconformityStatus(at("2027-01-10"), "2026-12-10")).toBe("not-due");
    expect(nonconformityStatus(at("2026-01-01", new Date()), "2026-12-10")).toBe("closed");
  });
  it("counts calendar days across months and years", () => {
    expect(daysBetween("2026-12-20", "2026-12-21")).toBe(1);
    expect(daysBetween("2026-12-31", "2027-03-01")).toBe(60);
  });
  it("a verdict is accept or return, with a comment and an optional YYYY-MM-DD due date (zh-TW messages)", () => {
    expect(ZVerdict.safeParse({ rowId: "pm.1", verdict: "return", comment: "請補件", dueOn: "2026-12-31" }).success).toBe(true);
    const bad = ZVerdict.safeParse({ rowId: "pm.1", verdict: "maybe", comment: "", dueOn: "12/31" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.message)).toEqual(["請選擇接受或退回", "日期格式須為 YYYY-MM-DD"]);
  });
});
