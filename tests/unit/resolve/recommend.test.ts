import { describe, expect, it } from "vitest";
import type { TCatalogueItem } from "../../../lib/catalogue/schema";
import { buildContext } from "../../../lib/resolve/context";
import {
  assessWhenRule,
  coreSystemNoteRule,
  coveredElsewhereRule,
  isOpenChoice,
  levelRequiredRule,
  personalDataNoteRule,
  type TSettledDraft,
} from "../../../lib/resolve/recommend";
import { resolve } from "../../../lib/resolve/resolve";
import type { TStatus } from "../../../lib/resolve/types";
import { newestBundled } from "../../helpers/catalogue";
import { caseInput, catalogue, item, obligations, run } from "./fixtures";

/*
 * Each rule with its example row of the source table (shared/seeds/002, 112-09-25 一覽表): the row's
 * note is the rule's condition, the case's facts decide it.
 */

function row(id: string): TCatalogueItem {
  for (const t of catalogue.serviceTypes) for (const i of t.items) if (i.id === id) return i;
  throw new Error(`no ${id}`);
}
/** The row as an open choice of the given status (some rows are never open after the pipeline; the rule still holds). */
const open = (id: string, status: TStatus = "optional"): TSettledDraft => {
  const i = row(id);
  return {
    item: i,
    serviceType: "development",
    mark: i.marks.medium,
    status,
    reasons: [],
    thirdPartyTesting: false,
    cisoConfirm: false,
    frequency: null,
    basis: null,
  };
};
const ctx = (overrides: Parameters<typeof caseInput>[0] = {}) => buildContext(catalogue, obligations, caseInput(overrides));

describe("personal-data-note: 「提供服務項目涉及個資時應納入要求」 (開發 ISO 27701 協助)", () => {
  it("with personal data → 建議納入; without → 建議不納入 saying why", () => {
    const d = open("development.pims-compliance");
    expect(d.item.note).toContain("提供服務項目涉及個資時應納入要求");
    expect(personalDataNoteRule.recommend(d, ctx({ conditions: { personalData: true } }))).toEqual({
      decision: "include",
      reason: "本案涉及個人資料，依一覽表說明應納入",
      basis: "一覽表說明：「提供服務項目涉及個資時應納入要求。」",
    });
    expect(personalDataNoteRule.recommend(d, ctx())).toMatchObject({ decision: "exclude", reason: expect.stringContaining("本案未涉及個人資料") });
    expect(personalDataNoteRule.recommend(open("development.easm"), ctx({ conditions: { personalData: true } }))).toBeUndefined();
  });

  it("the engine already settles the row (standard / not applicable), so it is not an open choice there", () => {
    for (const personalData of [true, false]) {
      const x = item(run({ conditions: { personalData } }), "development.pims-compliance");
      expect(isOpenChoice(x)).toBe(false);
      expect(x.recommendation).toBeNull();
    }
  });
});

describe("assess-when: 「涉及重要對外服務／關鍵資訊基礎設施之系統建議評估辦理」", () => {
  it("DDoS 演練 (◎, external service): with it → 建議納入, citing the note; without → no recommendation", () => {
    const withIt = item(run({ conditions: { externalService: true } }), "development.ddos-drill");
    expect(withIt.status).toBe("optional");
    expect(withIt.recommendation).toEqual({
      decision: "include",
      reason: "本案涉及重要對外服務，一覽表說明建議評估辦理",
      basis: "一覽表說明：「涉及重要對外服務之系統建議評估辦理。」",
    });
    expect(item(run(), "development.ddos-drill").recommendation).toBeNull();
  });

  it("BAS 演練 (◎, CII): with CII → 建議納入; without → none", () => {
    expect(item(run({ conditions: { cii: true } }), "development.bas-drill").recommendation).toMatchObject({
      decision: "include",
      basis: expect.stringContaining("涉及關鍵資訊基礎設施之系統建議評估辦理"),
    });
    expect(item(run({ conditions: { externalService: true } }), "development.bas-drill").recommendation).toBeNull();
    expect(assessWhenRule.recommend(open("development.bas-drill"), ctx())).toBeUndefined();
  });
});

describe("core-system-note: 「委託機關認定為核心資通系統時必選」 (開發 協助導入 ISMS 驗證)", () => {
  it("a core system → 建議納入; not core → the note is silent, no recommendation", () => {
    const d = open("development.assist-isms-certification");
    expect(coreSystemNoteRule.recommend(d, ctx({ conditions: { coreSystem: true } }))).toMatchObject({
      decision: "include",
      reason: "本案為核心資通系統，依一覽表說明必選",
      basis: expect.stringContaining("委託機關認定為核心資通系統時必選"),
    });
    expect(coreSystemNoteRule.recommend(d, ctx({ grade: "high" }))).toMatchObject({ reason: expect.stringContaining("系統防護需求等級為高") });
    expect(coreSystemNoteRule.recommend(d, ctx())).toBeUndefined();
    const notCore = item(run(), "development.assist-isms-certification");
    expect(notCore.status).toBe("optional");
    expect(notCore.recommendation).toBeNull();
  });
});

describe("▲: the agency's 附表 and its agency-wide contracts (the reference case: B級, 中, 開發 + 維運)", () => {
  const input = (coveredMeasures: { measure: string; reference: string }[] = []) => ({
    ...caseInput({
      serviceTypes: ["development", "maintenance"],
      contractValue: 12_000_000,
      conditions: { personalData: true, externalService: true, mailServer: true },
    }),
    coveredMeasures,
  });
  const cat = newestBundled();

  it("required for the level (SOC, 資安健診) → 本案辦理, resting on the 附表 cell", () => {
    const r = resolve(cat, cat.obligations, input());
    const soc = item(r, "development.soc");
    expect(soc.status).toBe("standard");
    expect(soc.recommendation).toMatchObject({ decision: "this-case", basis: soc.basis!.citation });
    expect(soc.recommendation!.basis).toMatch(/附表/);
    const health = r.requirements.find((x) => x.itemIds.includes("maintenance.health-check"))!;
    expect(health.recommendation?.decision).toBe("this-case");
  });

  it("covered by an agency-wide contract → 另案辦理 with that contract, whatever the level says", () => {
    const reference = "115年度全府資安監控服務案（案號 115-A-001）";
    const r = resolve(
      cat,
      cat.obligations,
      input([
        { measure: "soc", reference },
        { measure: "firewall", reference: "全府防火牆維護案" },
      ]),
    );
    expect(item(r, "development.soc").recommendation).toEqual({
      decision: "other-procurement",
      reason: `機關已以全機關契約「${reference}」辦理，本案免辦`,
      basis: expect.stringContaining("經確認納入他案辦理者，本案免辦"),
      reference,
    });
    // A ▲ the 附表 leaves open is covered just the same.
    expect(item(r, "development.firewall")).toMatchObject({ status: "needs-decision", recommendation: { decision: "other-procurement" } });
    expect(item(r, "development.edr").recommendation?.decision).toBe("this-case");
    expect(
      coveredElsewhereRule.recommend(open("development.easm"), buildContext(cat, cat.obligations, input([{ measure: "soc", reference }]))),
    ).toBeUndefined();
  });

  it("where no rule supports one: null (a ▲ the table leaves open, a plain ◎), never a guess", () => {
    const r = resolve(cat, cat.obligations, input());
    for (const id of ["development.firewall", "development.waf", "development.easm", "development.source-code-review"]) {
      expect(isOpenChoice(item(r, id)), id).toBe(true);
      expect(item(r, id).recommendation, id).toBeNull();
    }
    expect(levelRequiredRule.recommend(open("development.firewall", "needs-decision"), ctx())).toBeUndefined();
    // Nothing open, nothing recommended.
    for (const x of r.items) if (!isOpenChoice(x)) expect(x.recommendation, x.id).toBeNull();
  });
});
