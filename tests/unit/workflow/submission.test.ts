import { describe, expect, it } from "vitest";
import type { TChecklist } from "@/lib/cases/checklist";
import type { TWorkflowChecklist } from "@/lib/workflow/checklist-view";
import { submissionProblems } from "@/lib/workflow/submission";
import { checklist, decided, item, optional, realChecklist, triangle } from "./fixtures";

// Compile-time: the case checklist is what the workflow reads.
export const fromCases = (c: TChecklist): TWorkflowChecklist => c;

describe("what stands in the way of submitting", () => {
  it("nothing when every decision is made with its reason and every ▲ is placed", () => {
    const c = checklist([
      item("a"),
      optional("b", { decision: decided("include", "機關需要") }),
      optional("c", { status: "needs-decision", mark: "●", decision: decided("exclude", "本案無此服務") }),
      triangle("d", { decision: decided("this-case", "") }),
      triangle("e", { decision: decided("other-procurement", "", "115 年度資安健診案") }),
      item("f", { status: "not-applicable", mark: "-" }),
    ]);
    expect(submissionProblems(c)).toEqual([]);
  });

  it("names each item that lacks a decision, a reason, a placement or the other procurement, in checklist order", () => {
    const c = checklist([
      optional("b"),
      optional("c", { status: "needs-decision", mark: "●" }),
      optional("g", { decision: decided("include", "  ") }),
      triangle("d"),
      triangle("e", { decision: decided("other-procurement", "已另案", " ") }),
      item("a"),
    ]);
    expect(submissionProblems(c)).toEqual([
      { kind: "item", itemId: "b", serviceType: "development", text: "項目 b", message: "◎ 選擇項目：請決定是否納入本案並說明理由" },
      { kind: "item", itemId: "c", serviceType: "development", text: "項目 c", message: "本項須依案件情形判斷：請決定是否納入本案並說明理由" },
      { kind: "item", itemId: "g", serviceType: "development", text: "項目 g", message: "請說明納入或不納入本案的理由" },
      { kind: "item", itemId: "d", serviceType: "development", text: "項目 d", message: "▲ 項目依責任等級應辦理：請決定於本案辦理，或已納入他案辦理" },
      { kind: "item", itemId: "e", serviceType: "development", text: "項目 e", message: "已選擇納入他案辦理，請填寫他案名稱或案號" },
    ]);
  });

  it("incomplete wizard steps: one problem per step, in the wizard's order, naming the step", () => {
    const problems = submissionProblems({
      ok: false,
      issues: [
        { step: "facts", path: "cii", message: "請回答：是否涉及關鍵資訊基礎設施（CII）" },
        { step: "agency", path: "agencyName", message: "請填寫機關名稱" },
        { step: "facts", path: "mobileApp", message: "請回答：是否包含行動應用程式（App）" },
        { step: "agency", path: "agencyName", message: "請填寫機關名稱" },
      ],
    });
    expect(problems).toEqual([
      { kind: "step", step: "agency", message: "「機關」步驟尚未完成：請填寫機關名稱" },
      { kind: "step", step: "facts", message: "「案件性質」步驟尚未完成：請回答：是否涉及關鍵資訊基礎設施（CII）；請回答：是否包含行動應用程式（App）" },
    ]);
    expect(submissionProblems({ ok: false, issues: [] })).toEqual([{ kind: "step", step: null, message: expect.stringMatching(/尚未完成/) }]);
  });

  it("on a real checklist: every decision item until decided, then nothing", () => {
    const c = realChecklist({ grade: "medium", serviceTypes: ["development", "maintenance"] });
    const needing = c.items.filter((i) => i.decisionKind);
    expect(needing.length).toBeGreaterThan(0);
    expect(needing.some((i) => i.decisionKind === "placement")).toBe(true);
    expect(submissionProblems(c).map((p) => (p.kind === "item" ? p.itemId : null))).toEqual(needing.map((i) => i.id));

    const done = {
      ...c,
      items: c.items.map((i) =>
        i.decisionKind === "choice"
          ? { ...i, decision: decided("exclude", "本案不需要") }
          : i.decisionKind === "placement"
            ? { ...i, decision: decided("this-case", "") }
            : i,
      ),
    };
    expect(submissionProblems(done)).toEqual([]);
  });
});
