import { describe, expect, it } from "vitest";
import { answerIssues, NEEDS_ANSWER, NEEDS_NOTE, submissionProblems, vendorMayEdit, ZAnswerChange } from "@/lib/vendor/assessment/rules";

describe("the self-assessment's rules", () => {
  it("asks a 說明 for 否 and 不適用, not for 是", () => {
    expect(answerIssues({ answer: "yes", note: "" })).toEqual([]);
    expect(answerIssues({ answer: "no", note: " " })).toEqual([{ path: "note", message: NEEDS_NOTE }]);
    expect(answerIssues({ answer: "na", note: "" })).toEqual([{ path: "note", message: NEEDS_NOTE }]);
    expect(answerIssues({ answer: "na", note: "本案無行動應用程式" })).toEqual([]);
    expect(answerIssues({ answer: "", note: "x" })).toEqual([{ path: "answer", message: NEEDS_ANSWER }]);
  });

  it("submits only when every row is answered and explained", () => {
    const rows = [
      { id: "a", name: "甲" },
      { id: "b", name: "乙" },
      { id: "c", name: "丙" },
    ];
    const answers = new Map([
      ["a", { answer: "yes" as const, note: "" }],
      ["b", { answer: "no" as const, note: "" }],
    ]);
    expect(submissionProblems(rows, answers).map((p) => [p.rowId, p.issues[0]!.path])).toEqual([
      ["b", "note"],
      ["c", "answer"],
    ]);
  });

  it("locks a submitted set, and after a return only the rows not accepted", () => {
    expect(vendorMayEdit("draft", "")).toBe(true);
    expect(vendorMayEdit("submitted", "")).toBe(false);
    expect(vendorMayEdit("returned", "returned")).toBe(true);
    expect(vendorMayEdit("returned", "")).toBe(true);
    expect(vendorMayEdit("returned", "accepted")).toBe(false);
    expect(vendorMayEdit("accepted", "")).toBe(false);
  });

  it("refuses an answer outside 是／否／不適用 with a zh-TW message and drops control characters", () => {
    const bad = ZAnswerChange.safeParse({ rowId: "r", answer: "maybe", evidence: "", note: "" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.message).toContain("是、否或不適用");
    const ok = ZAnswerChange.parse({ rowId: "r", answer: "yes", evidence: "ISO\u202E 27001", note: "" });
    expect(ok.evidence).toBe("ISO 27001");
  });
});
