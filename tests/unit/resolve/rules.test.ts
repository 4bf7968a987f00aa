import { describe, expect, it } from "vitest";
import { ZCatalogueItem, type TCatalogueItem } from "../../../lib/catalogue/schema";
import { buildContext } from "../../../lib/resolve/context";
import { resolveItem } from "../../../lib/resolve/resolve";
import {
  cisoConfirmRule,
  coreSystemRule,
  finalizeRule,
  levelRule,
  markRule,
  personalDataRule,
  placeholdersRule,
  PIPELINE,
  recommendedRule,
  thirdPartyTestingRule,
} from "../../../lib/resolve/rules";
import type { TDraft } from "../../../lib/resolve/types";
import { parseObligations } from "../../../lib/catalogue/schema/obligations";
import { caseInput, catalogue, obligations } from "./fixtures";

/** Each rule on its own, over hand-made rows, so a rule's behaviour does not hide behind another's. */

function row(partial: { marks?: TCatalogueItem["marks"]; hints?: Partial<TCatalogueItem["hints"]> } = {}): TCatalogueItem {
  return ZCatalogueItem.parse({
    id: "development.sample",
    category: "測試",
    text: "測試子項",
    marks: partial.marks ?? { high: "●", medium: "◎", normal: "-" },
    hints: partial.hints ?? {},
  });
}

function draft(item: TCatalogueItem, grade: "high" | "medium" | "normal" = "medium"): TDraft {
  return {
    item,
    serviceType: "development",
    mark: item.marks[grade],
    status: null,
    reasons: [],
    thirdPartyTesting: false,
    cisoConfirm: false,
    frequency: null,
    basis: null,
  };
}

const ctx = (overrides: Parameters<typeof caseInput>[0] = {}) => buildContext(catalogue, obligations, caseInput(overrides));
const triangle = (levelMeasure: string) => row({ marks: { high: "▲", medium: "▲", normal: "▲" }, hints: { levelMeasure } });

describe("markRule", () => {
  const sample = row();
  it("● → standard, ◎ → optional, - → not-applicable, each citing the table and the grade", () => {
    expect(markRule.apply(draft(sample, "high"), ctx({ grade: "high" }))).toMatchObject({
      status: "standard",
      reasons: ["一覽表（112-09-25）標示 ● 建議辦理（標配）：高級系統"],
    });
    expect(markRule.apply(draft(sample, "medium"), ctx()).status).toBe("optional");
    expect(markRule.apply(draft(sample, "normal"), ctx({ grade: "normal" }))).toMatchObject({
      status: "not-applicable",
      reasons: ["一覽表（112-09-25）標示 - 不適用：普級系統"],
    });
  });
  it("▲ leaves the status open for the level rule", () => {
    const next = markRule.apply(draft(triangle("soc")), ctx());
    expect(next.status).toBeNull();
    expect(next.reasons[0]).toContain("依委託機關資通安全責任等級辦理");
  });
  it("does not mutate its input", () => {
    const before = draft(sample);
    markRule.apply(before, ctx());
    expect(before.reasons).toEqual([]);
  });
});

describe("levelRule", () => {
  it("ignores rows that are not ▲", () => {
    const d = draft(row());
    expect(levelRule.apply(d, ctx())).toBe(d);
  });
  it("required → standard with the frequency and the 附表", () => {
    const next = levelRule.apply(draft(triangle("web-vuln-scan")), ctx({ responsibilityLevel: "A", conditions: { coreSystem: true } }));
    expect(next.status).toBe("standard");
    expect(next.frequency).toBe("全部核心資通系統每年2次");
    expect(next.reasons.join()).toContain("附表一");
    expect(next.reasons.join()).toContain("〔依據：第三方整理〕"); // [S]
    expect(next.reasons.join()).not.toContain("法定範圍"); // core: the scope is met
  });
  it("not required → optional", () => {
    expect(levelRule.apply(draft(triangle("soc")), ctx({ responsibilityLevel: "C" })).status).toBe("optional");
  });
  it("condition unmet → optional naming the missing fact; met by grade 高 → standard saying why", () => {
    const unmet = levelRule.apply(draft(triangle("waf")), ctx({ responsibilityLevel: "A", conditions: { externalService: true } }));
    expect(unmet.status).toBe("optional");
    expect(unmet.reasons.join()).toContain("本案系統非核心資通系統");
    const byGrade = levelRule.apply(draft(triangle("waf"), "high"), ctx({ grade: "high", responsibilityLevel: "A", conditions: { externalService: true } }));
    expect(byGrade.status).toBe("standard");
    expect(byGrade.reasons.join()).toContain("系統防護需求等級為高，視為核心資通系統");
  });
  it("[U] cell → needs-decision with the 待查證 badge, and no research notes", () => {
    const next = levelRule.apply(draft(triangle("firewall")), ctx({ responsibilityLevel: "C" }));
    expect(next.status).toBe("needs-decision");
    expect(next.reasons.join()).toContain("〔依據：待查證，由機關決定〕");
    expect(next.reasons.join()).not.toContain("記憶");
    expect(next.basis).toEqual({ reliability: "U", citation: expect.stringContaining("附表五（C級公務機關）"), verified: null });
  });
  it("a cell with required null → needs-decision even when labelled [S]", () => {
    const raw = structuredClone(obligations);
    const soc = raw.measures.soc;
    if (!soc?.settled) throw new Error("soc must be settled");
    soc.levels.B = { ...soc.levels.B, required: null, frequency: null };
    const table = parseObligations(raw);
    const next = levelRule.apply(draft(triangle("soc")), buildContext(catalogue, table, caseInput()));
    expect(next.status).toBe("needs-decision");
  });
  it("unsettled measure, unknown key, missing key → needs-decision", () => {
    expect(levelRule.apply(draft(triangle("incident-response")), ctx()).status).toBe("needs-decision");
    const unknown = levelRule.apply(draft(triangle("quantum-shield")), ctx());
    expect(unknown.status).toBe("needs-decision");
    expect(unknown.reasons.join()).toContain("未收錄「quantum-shield」");
    const noKey = row({ marks: { high: "▲", medium: "▲", normal: "▲" } });
    expect(levelRule.apply(draft(noKey), ctx()).status).toBe("needs-decision");
  });
});

describe("personalDataRule", () => {
  const pd = row({ marks: { high: "◎", medium: "◎", normal: "◎" }, hints: { personalData: true } });
  it("standard with personal data, not-applicable without, citing the note", () => {
    const on = personalDataRule.apply(markRule.apply(draft(pd), ctx()), ctx({ conditions: { personalData: true } }));
    expect(on.status).toBe("standard");
    expect(on.reasons.at(-1)).toContain("提供服務項目涉及個資時應納入要求");
    expect(personalDataRule.apply(markRule.apply(draft(pd), ctx()), ctx()).status).toBe("not-applicable");
  });
  it("leaves a - mark alone and rows without the hint untouched", () => {
    const dash = row({ marks: { high: "-", medium: "-", normal: "-" }, hints: { personalData: true } });
    const d = markRule.apply(draft(dash), ctx());
    expect(personalDataRule.apply(d, ctx({ conditions: { personalData: true } }))).toBe(d);
    const plain = draft(row());
    expect(personalDataRule.apply(plain, ctx())).toBe(plain);
  });
});

describe("coreSystemRule", () => {
  const req = row({ marks: { high: "◎", medium: "◎", normal: "◎" }, hints: { coreSystemRequired: true } });
  it("core (by the officer or by grade 高) → standard; otherwise a reason and the mark's status", () => {
    expect(coreSystemRule.apply(markRule.apply(draft(req), ctx()), ctx({ conditions: { coreSystem: true } })).status).toBe("standard");
    const byGrade = coreSystemRule.apply(markRule.apply(draft(req, "high"), ctx({ grade: "high" })), ctx({ grade: "high" }));
    expect(byGrade.status).toBe("standard");
    expect(byGrade.reasons.join()).toContain("第10條第2項");
    const not = coreSystemRule.apply(markRule.apply(draft(req), ctx()), ctx());
    expect(not.status).toBe("optional");
    expect(not.reasons).toHaveLength(2);
  });
});

describe("recommendedRule", () => {
  const drill = row({ marks: { high: "◎", medium: "◎", normal: "◎" }, hints: { recommendedWhen: ["externalService", "cii"] } });
  it("adds one reason per fact that holds; never changes the status", () => {
    const base = markRule.apply(draft(drill), ctx());
    const both = recommendedRule.apply(base, ctx({ conditions: { externalService: true, cii: true } }));
    expect(both.status).toBe("optional");
    expect(both.reasons).toHaveLength(3);
    expect(recommendedRule.apply(base, ctx())).toBe(base);
  });
});

describe("thirdPartyTestingRule", () => {
  const testing = row({ marks: { high: "●", medium: "◎", normal: "◎" }, hints: { thirdPartyTesting: true } });
  it("flags at NT$10,000,000, not at NT$9,999,999; the status is untouched", () => {
    const base = markRule.apply(draft(testing), ctx());
    const at = thirdPartyTestingRule.apply(base, ctx({ contractValue: 10_000_000 }));
    expect(at).toMatchObject({ thirdPartyTesting: true, status: "optional" });
    expect(at.reasons.at(-1)).toContain("新臺幣10,000,000元");
    expect(thirdPartyTestingRule.apply(base, ctx({ contractValue: 9_999_999 }))).toBe(base);
  });
  it("names both triggers when both hold", () => {
    const at = thirdPartyTestingRule.apply(markRule.apply(draft(testing), ctx()), ctx({ contractValue: 10_000_000, conditions: { coreSystem: true } }));
    expect(at.reasons.at(-1)).toContain("屬委託機關之核心資通系統");
    expect(at.reasons.at(-1)).toContain("一千萬元以上");
  });
});

describe("cisoConfirmRule and placeholdersRule", () => {
  it("flags CISO rows", () => {
    const ciso = row({ hints: { cisoConfirm: true } });
    expect(cisoConfirmRule.apply(markRule.apply(draft(ciso), ctx()), ctx()).cisoConfirm).toBe(true);
    const dash = markRule.apply(draft(ciso, "normal"), ctx({ grade: "normal" }));
    expect(cisoConfirmRule.apply(dash, ctx({ grade: "normal" })).cisoConfirm).toBe(false);
  });
  it("explains both blanks", () => {
    const blanks = row({ hints: { placeholders: ["grade", "riskLevel"] } });
    const next = placeholdersRule.apply(markRule.apply(draft(blanks), ctx()), ctx({ riskLevel: "高" }));
    expect(next.reasons.slice(1)).toEqual([
      "子項之「_____級」應填入本案系統防護需求等級：中級",
      "子項之「未含____等級風險」填入弱點掃描報告不得含有之風險等級：高（報告不得含有此等級風險；視各機關資安規範要求）",
    ]);
  });
});

describe("finalizeRule and the pipeline", () => {
  it("an unsettled draft goes to the officer", () => {
    expect(finalizeRule.apply(draft(row()), ctx())).toMatchObject({ status: "needs-decision" });
  });
  it("runs mark first and finalize last", () => {
    expect(PIPELINE[0]?.name).toBe("mark");
    expect(PIPELINE.at(-1)?.name).toBe("finalize");
    expect(new Set(PIPELINE.map((rule) => rule.name)).size).toBe(PIPELINE.length);
  });
  it("personal data overrides ●, core-system overrides ◎ (rule order)", () => {
    const resolved = resolveItem(row({ marks: { high: "●", medium: "●", normal: "●" }, hints: { personalData: true } }), "development", ctx());
    expect(resolved.status).toBe("not-applicable");
  });
});
