import { describe, expect, it } from "vitest";
import { approvalProblems, reviewGroups } from "@/lib/workflow/review-groups";
import { ZReviewInput, latestReviews } from "@/lib/workflow/reviews";
import { checklist, decided, item, optional, realChecklist, review, triangle } from "./fixtures";

const ciiWarning = "本案涉及關鍵資訊基礎設施（CII）；…建議將系統防護需求等級提高至「中」級以上";

const items = [
  item("std"),
  item("std-ciso", { cisoConfirm: true }),
  optional("in", { decision: decided("include", "需要") }),
  optional("in-ciso", { cisoConfirm: true, decision: decided("include", "需要") }),
  optional("out", { decision: decided("exclude", "不需要") }),
  optional("out-ciso", { cisoConfirm: true, decision: decided("exclude", "不需要") }),
  optional("open"),
  triangle("here-ciso", { cisoConfirm: true, decision: decided("this-case", "") }),
  triangle("away", { decision: decided("other-procurement", "", "另案 A") }),
  triangle("away-ciso", { cisoConfirm: true, decision: decided("other-procurement", "", "另案 B") }),
  triangle("open-ciso", { cisoConfirm: true }),
  item("na-ciso", { status: "not-applicable", mark: "-", cisoConfirm: true }),
];
const ids = (list: { id: string }[]) => list.map((i) => i.id);

describe("the CISO's review page", () => {
  const c = checklist(items, [ciiWarning], ["機關應辦事項"]);
  if (!c.ok) throw new Error("fixture");
  const groups = reviewGroups(c);

  it("groups the decisions", () => {
    expect(ids(groups.includedOptional)).toEqual(["in", "in-ciso"]);
    expect(ids(groups.excludedOptional)).toEqual(["out", "out-ciso"]);
    expect(ids(groups.undecided)).toEqual(["open", "open-ciso"]);
    expect(ids(groups.placedElsewhere)).toEqual(["away", "away-ciso"]);
    expect(groups.warnings).toEqual([ciiWarning]);
    expect(groups.agencyObligations).toEqual(["機關應辦事項"]);
  });

  it("asks for risk acceptance on exactly the included 「提請機關資安長確認」 items", () => {
    // An undecided ▲ is required here by the level, so it counts as included until placed elsewhere.
    expect(ids(groups.riskAcceptance)).toEqual(["std-ciso", "in-ciso", "here-ciso", "open-ciso"]);
  });

  it("takes the CII-below-中 warning from the resolution", () => {
    const real = realChecklist({ grade: "normal", conditions: { cii: true } });
    expect(reviewGroups(real).warnings.some((w) => w.includes("CII") && w.includes("中"))).toBe(true);
    expect(reviewGroups(real).riskAcceptance.map((i) => i.id)).toEqual(["development.gcb"]);
  });
});

describe("what stands in the way of approving", () => {
  const c = checklist(items);
  const accepted = ["std-ciso", "in-ciso", "here-ciso", "open-ciso"].map((id) => review(id, "accept-risk", "已評估，接受"));

  it("every included 「提請機關資安長確認」 item needs an accept-risk review", () => {
    expect(approvalProblems(c, []).map((p) => (p.kind === "item" ? p.itemId : p.step))).toEqual(["std-ciso", "in-ciso", "here-ciso", "open-ciso"]);
    expect(approvalProblems(c, [])[0]).toMatchObject({
      kind: "item",
      serviceType: "development",
      text: "項目 std-ciso",
      message: expect.stringMatching(/接受風險/),
    });
    expect(approvalProblems(c, accepted)).toEqual([]);
  });

  it("an approval is not a risk acceptance, and an acceptance needs a comment", () => {
    const problems = approvalProblems(c, [...accepted, review("in-ciso", "approve", "可"), review("std-ciso", "accept-risk", " ")]);
    expect(problems).toEqual([
      expect.objectContaining({ itemId: "std-ciso", message: "接受風險時須填寫意見，說明接受的理由" }),
      expect.objectContaining({ itemId: "in-ciso", message: expect.stringMatching(/請資安長明確接受風險/) }),
    ]);
  });

  it("the latest verdict wins: a returned item blocks until reviewed again", () => {
    const returned = [...accepted, review("in", "return", "理由不足")];
    expect(approvalProblems(c, returned)).toEqual([expect.objectContaining({ itemId: "in", message: "資安長已退回本項：理由不足；須由承辦人修正並重新審查" })]);
    expect(approvalProblems(c, [...returned, review("in", "approve", "已修正")])).toEqual([]);
    // An old acceptance does not survive a later return of the same item.
    expect(approvalProblems(c, [...accepted, review("here-ciso", "return", "請再確認")]).map((p) => p.kind === "item" && p.itemId)).toEqual(["here-ciso"]);
  });

  it("latest means latest in time, not in the list; case-level reviews are not item verdicts", () => {
    const late = review("x", "approve");
    const early = { ...review("x", "return"), at: new Date(late.at.getTime() - 1000) };
    expect(latestReviews([late, early]).get("x")).toBe(late);
    expect(latestReviews([review("", "approve")]).size).toBe(0);
  });

  it("an incomplete case cannot be approved", () => {
    expect(approvalProblems({ ok: false, issues: [{ step: "grade", path: "grade", message: "請選擇系統防護需求等級" }] }, [])).toEqual([
      { kind: "step", step: "grade", message: "「系統等級」步驟尚未完成：請選擇系統防護需求等級" },
    ]);
  });
});

describe("a CISO's verdict as submitted", () => {
  it("returning and accepting a risk need a comment; approving does not", () => {
    expect(ZReviewInput.safeParse({ itemId: "a", verdict: "approve" }).success).toBe(true);
    const returned = ZReviewInput.safeParse({ itemId: "a", verdict: "return", comment: "  " });
    expect(returned.error?.issues).toEqual([expect.objectContaining({ path: ["comment"], message: "退回本項時請填寫意見，說明需要修正之處" })]);
    const accepted = ZReviewInput.safeParse({ itemId: "a", verdict: "accept-risk" });
    expect(accepted.error?.issues[0]?.message).toBe("接受風險時請填寫意見，說明接受的理由");
    expect(ZReviewInput.safeParse({ itemId: "a", verdict: "ok" }).error?.issues[0]?.message).toBe("請選擇同意、退回或接受風險");
  });
});
