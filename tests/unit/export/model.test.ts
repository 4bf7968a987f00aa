import { describe, expect, it } from "vitest";
import { bundled } from "../../helpers/catalogue";
import { resolveParameters } from "../../../lib/export/clauses/parameters";
import { buildExportModel } from "../../../lib/export/model/build";
import { placementOf } from "../../../lib/export/model/inclusion";
import { ExportError, type TExportModel } from "../../../lib/export/model/types";
import { allDecided, exportInput, model, REALISTIC } from "./helpers/cases";

const requirementIds = (m: TExportModel) => m.technical.groups.flatMap((g) => g.items.map((i) => i.id));
const requirementTexts = (m: TExportModel) => m.technical.groups.flatMap((g) => g.items.map((i) => i.text));
const allText = (m: TExportModel) => JSON.stringify(m);
const approval = { approvedBy: "資安長 王大明", approvedAt: new Date("2026-11-20T03:00:00Z") };

describe("inclusion rules", () => {
  const m = model();
  const ids = requirementIds(m);

  it("standard items are in, ◎ decided include are in, ◎ decided exclude and undecided are not", () => {
    expect(ids).toContain("development.isms-measures"); // ● standard
    expect(ids).toContain("development.ssdlc"); // ◎ include
    expect(ids).toContain("development.database-audit-trail"); // ◎ include
    expect(ids).not.toContain("development.iec62443-cbtl"); // ◎ exclude
    expect(ids).not.toContain("development.easm"); // ◎ undecided
    expect(ids).not.toContain("development.waf"); // needs-decision, undecided
  });

  it("not-applicable items never appear, not even among the pending", () => {
    expect(allText(m)).not.toContain("development.app-security-label");
  });

  it("a required ▲ placed in another procurement is 本案免辦 with its reference, not a requirement", () => {
    expect(ids).not.toContain("development.soc");
    expect(m.exempt).toEqual([
      expect.objectContaining({
        id: "development.soc",
        reference: "115年度資安監控（SOC）委外服務案（案號：TPE-IT-115-007）",
        category: "資安防護建置持續監控",
      }),
    ]);
  });

  it("a required ▲ placed in this case is in; one not yet placed is in and the draft says so", () => {
    expect(ids).toContain("development.edr"); // this-case
    expect(ids).toContain("development.vans"); // no decision yet
    expect(m.pending.find((p) => p.id === "development.vans")?.question).toContain("目前列入本案");
    expect(m.pending.some((p) => p.id === "development.edr")).toBe(false);
  });

  it("a draft lists every undecided choice under 待決定, never as a requirement", () => {
    const pending = m.pending.map((p) => p.id);
    expect(pending).toEqual(expect.arrayContaining(["development.easm", "development.waf", "development.host-vuln-scan"]));
    const undecided = m.pending.filter((p) => p.question.includes("未決定前不列入需求")).map((p) => p.id);
    expect(undecided.length).toBeGreaterThan(10);
    for (const id of undecided) expect(ids).not.toContain(id);
  });

  it("placementOf covers every status", () => {
    const base = { id: "x.y", serviceType: "development", category: "c", text: "t", mark: "◎", thirdPartyTesting: false, frequency: null } as const;
    expect(placementOf({ ...base, status: "not-applicable", decisionKind: null, decision: null })).toBe("omitted");
    expect(placementOf({ ...base, status: "optional", decisionKind: "choice", decision: null })).toBe("undecided");
    expect(placementOf({ ...base, status: "needs-decision", decisionKind: "choice", decision: { choice: "include" } })).toBe("included");
    expect(placementOf({ ...base, status: "optional", decisionKind: "choice", decision: { choice: "exclude" } })).toBe("omitted");
    expect(
      placementOf({ ...base, mark: "▲", status: "standard", decisionKind: "placement", decision: { choice: "other-procurement", reference: "甲案" } }),
    ).toBe("elsewhere");
    // Without a reference the placement is not complete: the item stays in this case.
    expect(placementOf({ ...base, mark: "▲", status: "standard", decisionKind: "placement", decision: { choice: "other-procurement", reference: " " } })).toBe(
      "included",
    );
  });
});

describe("final (approved) exports", () => {
  it("refuse undecided items", () => {
    expect(() => buildExportModel(exportInput({ approval }))).toThrow(ExportError);
  });

  it("carry the approval and no 待決定 list when everything is decided", () => {
    const m = model({ approval, decisions: allDecided(REALISTIC, { "development.ssdlc": { choice: "include", reason: "需要" } }) });
    expect(m.status).toBe("final");
    expect(m.pending).toEqual([]);
    expect(m.approval).toEqual({ approvedBy: "資安長 王大明", approvedOn: "中華民國115年11月20日" });
    expect(m.cover).toContainEqual({ label: "核定", value: "資安長 王大明，中華民國115年11月20日" });
    expect(requirementIds(m)).toContain("development.ssdlc");
  });
});

describe("placeholders and wording", () => {
  it("writes the grade into 「本系統為_____級」", () => {
    const texts = requirementTexts(model());
    expect(texts).toContain("依據系統防護需求分級，本系統為中級，需符合中級系統資通系統防護基準存取控制控制措施，包含帳號管理、採最小權限原則及遠端存取");
    const high = requirementTexts(model({ case: { ...REALISTIC, grade: "high" } }));
    expect(high.some((t) => t.startsWith("依據系統防護需求分級，本系統為高級，需符合高級系統"))).toBe(true);
  });

  it("writes the risk level into 「未含____等級風險」, or 「機關指定」 and a pending note when none was given", () => {
    const saas = { serviceTypes: ["saas-package"] as const, grade: "medium" as const };
    const given = model({ case: { ...saas, serviceTypes: [...saas.serviceTypes] }, riskLevel: "中風險（含）以上", decisions: {} });
    expect(requirementTexts(given).some((t) => t.includes("未含中風險（含）以上等級風險"))).toBe(true);
    const blank = model({ case: { ...saas, serviceTypes: [...saas.serviceTypes] }, decisions: {} });
    expect(requirementTexts(blank).some((t) => t.includes("未含機關指定等級風險"))).toBe(true);
    expect(blank.pending.some((p) => p.id === "riskLevel")).toBe(true);
  });

  it("names the risk level for what it is: the levels a scan report must not contain, never 「可接受」", () => {
    const given = model({ riskLevel: "中、高" });
    expect(given.cover).toContainEqual({ label: "弱點掃描報告不得含有之風險等級", value: "中、高（廠商交付之掃描報告不得含有此等級之風險）" });
    expect(JSON.stringify(given)).not.toContain("可接受");
    expect(JSON.stringify(model())).not.toContain("可接受");
  });

  it("leaves no ____ anywhere", () => {
    for (const grade of ["high", "medium", "normal"] as const)
      expect(
        allText(
          model({
            case: { ...REALISTIC, grade, serviceTypes: ["saas-package", "saas-office", "saas-customization", "development", "extension", "maintenance"] },
          }),
        ),
      ).not.toMatch(/_{3,}/);
  });

  it("fills clause parameters from the case layer", () => {
    const r = resolveParameters(bundled().clauses, { case: { vulnFixDays: 7, incidentNoticeHours: 2 } });
    if (!r.ok) throw new Error("parameters");
    const m = model({ parameters: r.parameters });
    expect(allText(m)).toContain("應於知悉或接獲機關通知之日起7個日曆天內完成修補");
    expect(allText(m)).toContain("均應於知悉後2小時內通報機關");
    expect(allText(model())).toContain("均應於知悉後1小時內通報機關");
  });

  it("falls back to neutral names, never a blank", () => {
    const m = model({ names: null });
    expect(m.meta).toMatchObject({ agencyName: "本機關", caseName: "本案", caseNumber: null, caseNamed: false });
    expect(m.cover.find((r) => r.label === "案號")?.value).toBe("（未提供）");
    for (const row of m.cover) expect(row.value.trim()).not.toBe("");
    expect(model({ names: { agencyName: "  \u0000 ", caseName: "\t" } }).meta.agencyName).toBe("本機關");
  });

  it("states the case facts on the cover, the contract value with thousands separators", () => {
    const cover = Object.fromEntries(model().cover.map((r) => [r.label, r.value]));
    expect(cover).toMatchObject({
      系統防護需求等級: "中級",
      機關資通安全責任等級: "B級",
      契約金額: "新臺幣12,000,000元",
      服務類型: "應用軟體或系統開發服務、應用軟體或系統維運服務",
      文件狀態: expect.stringContaining("草稿"),
      產製日期: "中華民國115年11月25日",
    });
  });

  it("dates the document in Taiwan, whatever the server's time zone", () => {
    // 2026-11-25 23:30 UTC is already the 26th in Taipei.
    const m = model({ generatedAt: new Date("2026-11-25T23:30:00Z") });
    expect(m.meta).toMatchObject({ fileDate: "20261126", generatedOn: "中華民國115年11月26日", generatedOnShort: "115-11-26" });
  });
});

describe("clauses that depend on the case", () => {
  it("personal data → the 個人資料保護 clause; none → no such clause", () => {
    expect(model().legal.map((c) => c.id)).toContain("personal-data");
    expect(model({ case: { ...REALISTIC, conditions: { personalData: false } } }).legal.map((c) => c.id)).not.toContain("personal-data");
  });

  it("development clauses only when the case develops or maintains a system", () => {
    expect(model().general.map((c) => c.id)).toEqual(expect.arrayContaining(["development-operations", "security-testing-proof"]));
    const planning = model({ case: { serviceTypes: ["planning-is"] }, decisions: {} }).general.map((c) => c.id);
    expect(planning).not.toContain("development-operations");
    expect(planning).not.toContain("security-testing-proof");
  });

  it("third-party testing (施行細則 §7 I ④) is an agency duty, with the reason, for ≥ NT$10,000,000 or a core system", () => {
    const big = model();
    const duty = big.agency.find((c) => c.id === "agency-third-party-testing");
    expect(duty?.paragraphs.at(-1)?.text).toBe("本案適用原因：委託金額新臺幣12,000,000元，達新臺幣一千萬元以上。");
    expect(duty?.basis).toEqual(["資通安全管理法施行細則第7條第1項第4款"]);
    // Never among the vendor's duties.
    const vendor = JSON.stringify([big.general, big.technical, big.legal]);
    expect(vendor).not.toContain("委託機關應自行或另行委託第三方進行安全性檢測");

    const small = model({ case: { ...REALISTIC, contractValue: 5_000_000 } });
    expect(small.agency.map((c) => c.id)).not.toContain("agency-third-party-testing");
    const core = model({ case: { ...REALISTIC, contractValue: 5_000_000, grade: "high" }, decisions: {} });
    expect(core.agency.find((c) => c.id === "agency-third-party-testing")?.paragraphs.at(-1)?.text).toBe(
      "本案適用原因：系統防護需求等級為高，屬核心資通系統。",
    );
  });

  it("the 他案辦理 duty appears only when something was placed elsewhere", () => {
    expect(model().agency.map((c) => c.id)).toContain("agency-other-procurement");
    expect(model({ decisions: {} }).agency.map((c) => c.id)).not.toContain("agency-other-procurement");
  });
});
