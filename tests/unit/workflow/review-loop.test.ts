import { describe, expect, it } from "vitest";
import { resubmissionProblems } from "@/lib/workflow/submission";
import { approvalGroups, approvalProblems, currentReviews, deviationCount, riskStatement } from "@/lib/workflow/review-groups";
import { decisionChanges, itemThreads, returnedItems, ZReviewInput } from "@/lib/workflow/reviews";
import { checklist, decided, item, optional, review } from "./fixtures";

// Issue 14: the pure rules of the return-and-resubmit loop.

const risk = (id: string) => item(id, { cisoConfirm: true });

describe("resubmitting a returned case", () => {
  it("names each returned item that has neither a different decision or reason nor an answer since the return", () => {
    const before = { a: decided("include", "機關需要"), b: decided("include", "機關需要"), c: decided("include", "機關需要") };
    const reviews = [review("a", "return", "請說明"), review("b", "return", "請說明"), review("c", "return", "請說明"), review("d", "approve")];
    const c = checklist([
      optional("a", { decision: decided("include", "機關需要") }),
      optional("b", { decision: decided("include", "機關需要，且系統對外服務") }),
      optional("c", { decision: decided("include", "機關需要") }),
      optional("d", { decision: decided("include", "機關需要") }),
    ]);
    const answers = [{ itemId: "c", authorName: "王小明", body: "已與資訊室確認", at: new Date(reviews[2]!.at.getTime() + 1) }];
    const problems = resubmissionProblems(c, reviews, before, answers);
    expect(problems.map((p) => (p.kind === "item" ? p.itemId : null))).toEqual(["a"]);
    expect(problems[0]!.message).toMatch(/請說明/);
  });

  it("an answer written before the return does not count; an item approved again is no longer returned", () => {
    const early = { itemId: "a", authorName: "王小明", body: "先前回覆", at: new Date(0) };
    const c = checklist([optional("a", { decision: decided("include", "理由") })]);
    const returned = [review("a", "return")];
    expect(resubmissionProblems(c, returned, { a: decided("include", "理由") }, [early])).toHaveLength(1);
    expect(resubmissionProblems(c, [...returned, review("a", "approve")], { a: decided("include", "理由") }, [])).toEqual([]);
  });

  it("without a kept submission, a decision saved after the return counts as new", () => {
    const r = review("a", "return");
    const later = checklist([optional("a", { decision: { ...decided("include", "理由"), decidedAt: new Date(r.at.getTime() + 1) } })]);
    const earlier = checklist([optional("a", { decision: { ...decided("include", "理由"), decidedAt: new Date(r.at.getTime() - 1) } })]);
    expect(resubmissionProblems(later, [r], null, [])).toEqual([]);
    expect(resubmissionProblems(earlier, [r], null, [])).toHaveLength(1);
  });
});

describe("what changed and who said what", () => {
  it("lists per item the decision before and after, only where they differ", () => {
    const changes = decisionChanges(
      { a: decided("include", "x"), b: decided("include", "x"), c: decided("exclude", "y") },
      { a: decided("include", " x "), b: decided("exclude", "x"), d: decided("include", "z") },
    );
    expect(changes).toEqual([
      { itemId: "b", before: decided("include", "x"), after: decided("exclude", "x") },
      { itemId: "d", before: null, after: decided("include", "z") },
      { itemId: "c", before: decided("exclude", "y"), after: null },
    ]);
  });

  it("keeps one thread per item, oldest first, with the CISO's verdicts and the officer's answers", () => {
    const r1 = { ...review("a", "return", "請說明"), reviewerName: "林資安長" };
    const answer = { itemId: "a", authorName: "王小明", body: "已說明", at: new Date(r1.at.getTime() + 1) };
    const r2 = { ...review("a", "approve", ""), reviewerName: "林資安長" };
    const t = itemThreads([r2, r1], [answer]).get("a")!;
    expect(t.map((e) => [e.role, e.verdict, e.text])).toEqual([
      ["ciso", "return", "請說明"],
      ["officer", null, "已說明"],
      ["ciso", "approve", ""],
    ]);
    expect(returnedItems([r1, r2])).toEqual([]);
  });
});

describe("approval after a resubmission", () => {
  it("an unchanged item stays approved; a changed one needs a new verdict; a return stands until replaced", () => {
    const reviews = [review("a", "approve"), review("b", "accept-risk", "接受"), review("c", "return")];
    const submittedAt = new Date(reviews[2]!.at.getTime() + 1000);
    const since = { submittedAt, changed: new Set(["b", "c"]) };
    expect(currentReviews(reviews, since).map((r) => r.itemId)).toEqual(["a", "c"]);
    const c = checklist([optional("a", { decision: decided("include") }), risk("b"), optional("c", { decision: decided("include") })]);
    expect(approvalProblems(c, reviews, since).map((p) => (p.kind === "item" ? p.itemId : null))).toEqual(["b", "c"]);
    expect(approvalProblems(c, reviews).map((p) => (p.kind === "item" ? p.itemId : null))).toEqual(["c"]);
  });

  it("groups risk, returned, answered and changed items as 須您確認 and the other decided items as 可檢視", () => {
    const c = checklist([
      item("std"),
      risk("r"),
      optional("ret", { decision: decided("include") }),
      optional("ans", { decision: decided("include") }),
      optional("chg", { decision: decided("exclude") }),
      optional("plain", { decision: decided("include") }),
    ]);
    if (!c.ok) throw new Error();
    const { needsYou, reviewable } = approvalGroups(c, [review("ret", "return")], { answered: new Set(["ans"]), changed: new Set(["chg"]) });
    expect(needsYou.map((n) => [n.item.id, n.why])).toEqual([
      ["r", ["risk"]],
      ["ret", ["returned"]],
      ["ans", ["answered"]],
      ["chg", ["changed"]],
    ]);
    expect(reviewable.map((i) => i.id)).toEqual(["plain"]);
  });
});

describe("a risk acceptance", () => {
  it("states which requirement is taken on, why, who accepts it and until when", () => {
    const s = riskStatement(
      { filledText: "軟體安全開發生命週期", decision: decided("include", "對外服務") },
      "已要求檢測報告",
      "林資安長",
      new Date("2099-06-30T00:00:00+08:00"),
    );
    expect(s).toContain("本案納入並由機關承擔其風險：「軟體安全開發生命週期」");
    expect(s).toContain("理由：對外服務");
    expect(s).toContain("資安長意見：已要求檢測報告");
    expect(s).toContain("接受者：林資安長");
    expect(s).toContain("重新檢視日期：2099-06-30");
  });

  it("takes a review date only with 接受風險, as a real date", () => {
    expect(ZReviewInput.safeParse({ itemId: "a", verdict: "accept-risk", comment: "接受", reviewBy: "2099-06-30" }).success).toBe(true);
    expect(ZReviewInput.safeParse({ itemId: "a", verdict: "accept-risk", comment: "接受", reviewBy: "2099-02-30" }).success).toBe(false);
    expect(ZReviewInput.safeParse({ itemId: "a", verdict: "approve", reviewBy: "2099-06-30" }).success).toBe(false);
    expect(ZReviewInput.safeParse({ itemId: "a", verdict: "accept-risk", comment: "接受", reviewBy: "2020-01-01" }).error?.issues[0]?.message).toBe(
      "重新檢視日期須晚於今天",
    );
  });

  it("deviations from recommendations are unknown until items carry one", () => {
    expect(deviationCount([optional("a", { decision: decided("include") })])).toBeNull();
    const withAdvice = [
      { ...optional("a", { decision: decided("include") }), recommendation: { decision: "include", reason: "r", basis: "b" } },
      { ...optional("b", { decision: decided("exclude") }), recommendation: { decision: "include", reason: "r", basis: "b" } },
      { ...optional("c", { decision: decided("exclude") }), recommendation: null },
    ];
    expect(deviationCount(withAdvice)).toBe(1);
  });
});
