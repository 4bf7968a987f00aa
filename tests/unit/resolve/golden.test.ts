import { describe, expect, it } from "vitest";
import { SERVICE_TYPE_KEYS } from "../../../lib/catalogue/schema";
import { CatalogueMismatchError, resolve } from "../../../lib/resolve/resolve";
import { allReasons, caseInput, catalogue, item, itemsOf, obligations, run } from "./fixtures";

/*
 * Golden cases written by hand from the source table (shared/seeds/002, 112-09-25 一覽表) and
 * shared/reference/regulations.md §2.3.2 (level matrix), §2.4 (核心資通系統), §3 (施行細則 §7 I ④).
 * Marks are read off the source columns 高／中／普; expectations are not copied from the engine's output.
 */

describe("development at 中, level B, not core, NT$5,000,000, no personal data", () => {
  const r = run();

  it("keeps the chosen grade and the catalogue version", () => {
    expect(r.catalogueVersion).toBe("2023-09-25");
    expect(r.effectiveGrade).toBe("medium");
  });

  it("原始碼檢測 (● ◎ ◎) is optional at 中, without the third-party flag", () => {
    const x = item(r, "development.source-code-review");
    expect(x.mark).toBe("◎");
    expect(x.status).toBe("optional");
    expect(x.thirdPartyTesting).toBe(false);
    expect(x.reasons[0]).toBe("一覽表（112-09-25）標示 ◎ 經機關評估個案有必要辦理時（選配）：中級系統；請機關評估是否納入並記錄理由");
  });

  it("ISO 27701 協助 (● ● ●, 「提供服務項目涉及個資時應納入要求」) is not-applicable without personal data", () => {
    const x = item(r, "development.pims-compliance");
    expect(x.mark).toBe("●");
    expect(x.status).toBe("not-applicable");
    expect(allReasons(x)).toContain("本案未涉及個人資料");
  });

  it("● rows are standard, with the mark's reason", () => {
    for (const id of [
      "development.isms-measures",
      "development.no-prc-vendor",
      "development.no-backdoor",
      "development.vuln-remediation",
      "development.training-general-staff-3h",
    ]) {
      const x = item(r, id);
      expect(x.status, id).toBe("standard");
      expect(x.reasons[0], id).toBe("一覽表（112-09-25）標示 ● 建議辦理（標配）：中級系統");
    }
  });

  it("● ● ◎ rows are standard at 中 (ISO 27001, SBOM, API encryption)", () => {
    for (const id of ["development.isms-certification", "development.sbom", "development.api-encryption", "development.de-identification"])
      expect(item(r, id).status, id).toBe("standard");
  });

  it("網站弱點掃描 ▲ at B binds only core systems (全部核心資通系統每年1次, 附表三、四): optional for this non-core system", () => {
    const x = item(r, "development.web-vuln-scan");
    expect(x.mark).toBe("▲");
    expect(x.status).toBe("optional");
    expect(allReasons(x)).toContain("附表三");
    expect(allReasons(x)).toContain("全部核心資通系統");
  });

  it("the same scans on a core system at B are standard with the frequency", () => {
    const core = run({ responsibilityLevel: "B", conditions: { ...caseInput().conditions, coreSystem: true } });
    expect(item(core, "development.web-vuln-scan")).toMatchObject({ status: "standard" });
    expect(item(core, "development.web-vuln-scan").frequency).toContain("每年1次");
    expect(item(core, "development.pentest").frequency).toContain("每2年1次");
  });

  it("滲透測試 ▲ not core at B is optional; 資安健診 ▲ at B is agency-wide: 每2年1次", () => {
    expect(item(r, "development.pentest")).toMatchObject({ status: "optional" });
    expect(item(r, "development.health-check")).toMatchObject({ status: "standard", frequency: "每2年1次" });
  });

  it("SOC, EDR, VANS, GCB ▲ at B are standard within 1 year; GCB also asks the CISO", () => {
    for (const id of ["development.soc", "development.edr", "development.vans", "development.gcb"]) {
      const x = item(r, id);
      expect(x.status, id).toBe("standard");
      expect(x.frequency, id).toContain("1年內");
    }
    expect(item(r, "development.gcb").cisoConfirm).toBe(true);
  });

  it("measures the regulation does not settle are needs-decision with the reason", () => {
    expect(item(r, "development.incident-response").status).toBe("needs-decision");
    expect(allReasons(item(r, "development.incident-response"))).toContain("未將委外「資安事件應變服務」列為應辦事項");
    expect(item(r, "development.ddos-protection").status).toBe("needs-decision");
    expect(item(r, "development.host-vuln-scan").status).toBe("needs-decision");
  });

  it("資通安全防護 sub-items at B rest on recollection only [U] → needs-decision, said so", () => {
    for (const id of ["development.antivirus", "development.firewall", "development.ids-ips", "development.waf", "development.apt"]) {
      const x = item(r, id);
      expect(x.status, id).toBe("needs-decision");
      expect(allReasons(x), id).toContain("〔依據：待查證，由機關決定〕");
      expect(x.frequency, id).toBeNull();
    }
  });

  it("協助導入 ISO 27001 (◎, 核心資通系統時必選) stays optional when not core", () => {
    const x = item(r, "development.assist-isms-certification");
    expect(x.status).toBe("optional");
    expect(allReasons(x)).toContain("核心資通系統時必選");
  });

  it("SSDLC (◎, 提請機關資安長確認) is optional and flagged for the CISO", () => {
    expect(item(r, "development.ssdlc")).toMatchObject({ status: "optional", cisoConfirm: true });
  });

  it("the grade placeholder is explained with the chosen grade", () => {
    expect(allReasons(item(r, "development.access-control-baseline"))).toContain("中級");
  });

  it("no third-party flag, no agency obligation, no CII or core warning", () => {
    expect(r.items.some((x) => x.thirdPartyTesting)).toBe(false);
    expect(r.agencyObligations).toEqual([]);
    expect(r.warnings.join()).not.toContain("CII");
    expect(r.warnings.join()).not.toContain("第10條第2項");
  });

  it("only development items, in the source table's order", () => {
    expect(r.items.every((x) => x.serviceType === "development")).toBe(true);
    expect(r.items[0]?.id).toBe("development.isms-measures");
    expect(r.items.at(-1)?.id).toBe("development.vendor-attends-training");
    const ids = r.items.map((x) => x.id);
    expect(ids.indexOf("development.pre-launch-pentest")).toBeLessThan(ids.indexOf("development.host-vuln-scan"));
  });
});

describe("third-party testing (施行細則 2026 §7 I ④, 2021 §4 I ⑤)", () => {
  const testing = [
    "development.source-code-review",
    "development.pre-launch-host-vuln-scan",
    "development.pre-launch-web-vuln-scan",
    "development.pre-launch-pentest",
  ];

  it("NT$10,000,000, not core: testing items flagged, statuses unchanged, one agency obligation", () => {
    const r = run({ contractValue: 10_000_000 });
    for (const id of testing) {
      expect(item(r, id).thirdPartyTesting, id).toBe(true);
      expect(allReasons(item(r, id)), id).toContain("第7條第1項第4款");
    }
    expect(item(r, "development.source-code-review").status).toBe("optional");
    expect(item(r, "development.pre-launch-pentest").status).toBe("optional"); // ● ◎ ◎ at 中
    expect(item(r, "development.vendor-attends-training").thirdPartyTesting).toBe(false);
    expect(r.agencyObligations).toHaveLength(1);
    expect(r.agencyObligations[0]).toContain("第7條第1項第4款");
    expect(r.agencyObligations[0]).toContain("第4條第1項第5款");
    expect(r.agencyObligations[0]).toContain("一千萬元");
  });

  it("NT$9,999,999, not core: no flag, no obligation", () => {
    const r = run({ contractValue: 9_999_999 });
    for (const id of testing) expect(item(r, id).thirdPartyTesting, id).toBe(false);
    expect(r.agencyObligations).toEqual([]);
  });

  it("core system at NT$1: flagged because the system is core", () => {
    const r = run({ contractValue: 1, conditions: { coreSystem: true } });
    for (const id of testing) expect(item(r, id).thirdPartyTesting, id).toBe(true);
    expect(r.agencyObligations).toHaveLength(1);
    expect(r.agencyObligations[0]).toContain("核心資通系統");
  });

  it("two service types still give one agency obligation", () => {
    const r = run({ serviceTypes: ["development", "extension"], contractValue: 20_000_000 });
    expect(item(r, "extension.source-code-review").thirdPartyTesting).toBe(true);
    expect(r.agencyObligations).toHaveLength(1);
  });
});

describe("core system", () => {
  it("委託機關認定為核心資通系統時必選 → standard (development and extension)", () => {
    const r = run({ serviceTypes: ["development", "extension"], conditions: { coreSystem: true } });
    expect(item(r, "development.assist-isms-certification").status).toBe("standard");
    expect(item(r, "extension.assist-isms-certification").status).toBe("standard");
  });

  it("grade 高 means a core system (施行細則 2026 §10 II): warning, 必選 items, testing flag", () => {
    const r = run({ grade: "high" });
    expect(r.effectiveGrade).toBe("high");
    expect(r.warnings.some((w) => w.includes("第10條第2項") && w.includes("核心資通系統"))).toBe(true);
    expect(item(r, "development.assist-isms-certification").status).toBe("standard");
    const code = item(r, "development.source-code-review");
    expect(code).toMatchObject({ mark: "●", status: "standard", thirdPartyTesting: true });
    expect(item(r, "development.pre-launch-pentest")).toMatchObject({ mark: "●", status: "standard" });
    expect(r.agencyObligations).toHaveLength(1);
  });

  it("no grade-high warning when the officer already said core", () => {
    const r = run({ grade: "high", conditions: { coreSystem: true } });
    expect(r.warnings.join()).not.toContain("第10條第2項");
  });
});

describe("CII, external services and the drills", () => {
  it("CII with 普: a warning recommending at least 中; the grade stays 普", () => {
    const r = run({ grade: "normal", conditions: { cii: true } });
    expect(r.effectiveGrade).toBe("normal");
    const w = r.warnings.find((x) => x.includes("CII"));
    expect(w).toBeDefined();
    expect(w).toContain("如涉及關鍵資訊基礎設施CII之資料或系統建議至少符合中級");
    expect(w).toContain("「中」級以上");
  });

  it("CII with 中: no such warning", () => {
    expect(run({ conditions: { cii: true } }).warnings.join()).not.toContain("CII");
  });

  it("BAS drill gets the CII recommendation, DDoS drill the external-service one; both stay optional", () => {
    const r = run({ serviceTypes: ["development", "paas-iaas"], conditions: { cii: true, externalService: true } });
    for (const id of ["development.bas-drill", "paas-iaas.bas-drill"]) {
      expect(item(r, id).status).toBe("optional");
      expect(allReasons(item(r, id))).toContain("涉及關鍵資訊基礎設施之系統建議評估辦理");
    }
    for (const id of ["development.ddos-drill", "paas-iaas.ddos-drill"]) {
      expect(item(r, id).status).toBe("optional");
      expect(allReasons(item(r, id))).toContain("涉及重要對外服務之系統建議評估辦理");
    }
    expect(allReasons(item(r, "development.red-blue-team-drill"))).not.toContain("建議納入");
  });

  it("without those facts the drills carry no recommendation", () => {
    const r = run();
    expect(allReasons(item(r, "development.ddos-drill"))).not.toContain("建議納入");
    expect(allReasons(item(r, "development.bas-drill"))).not.toContain("建議納入");
  });
});

describe("SaaS tables", () => {
  it("saas-package at 普 with personal data and a risk level the scan report must not contain", () => {
    const r = run({ serviceTypes: ["saas-package"], grade: "normal", riskLevel: "中", conditions: { personalData: true } });
    expect(item(r, "saas-package.pims-certification").status).toBe("standard"); // ◎ + 涉及個資時應納入
    expect(item(r, "saas-package.cmmc")).toMatchObject({ mark: "-", status: "not-applicable" }); // ◎ ◎ -
    expect(item(r, "saas-package.vm-image-security")).toMatchObject({ mark: "◎", status: "optional" }); // ● ● ◎
    expect(item(r, "saas-package.account-control").status).toBe("optional");
    const supplier = item(r, "saas-package.supplier-product-security");
    expect(supplier).toMatchObject({ status: "standard", cisoConfirm: true });
    expect(allReasons(supplier)).toContain("填入弱點掃描報告不得含有之風險等級：中");
    expect(itemsOf(r, "saas-package")).toHaveLength(11);
    expect(r.warnings.join()).not.toContain("▲"); // no ▲ row in this table
  });

  it("saas-package at 高: CMMC becomes optional", () => {
    expect(item(run({ serviceTypes: ["saas-package"], grade: "high" }), "saas-package.cmmc").status).toBe("optional");
  });

  it("saas-office: sandbox analysis ● ● ◎, personal-data rule, MFA", () => {
    const medium = run({ serviceTypes: ["saas-office"] });
    const normal = run({ serviceTypes: ["saas-office"], grade: "normal" });
    expect(item(medium, "saas-office.anti-malware-sandbox").status).toBe("standard");
    expect(item(normal, "saas-office.anti-malware-sandbox").status).toBe("optional");
    expect(item(normal, "saas-office.anti-spoofing").status).toBe("optional");
    expect(item(normal, "saas-office.mfa").status).toBe("standard");
    expect(item(normal, "saas-office.pims-certification").status).toBe("not-applicable");
    expect(item(normal, "saas-office.transmission-protection").status).toBe("standard"); // ● here, ◎ in saas-package
  });

  it("saas-customization at 普 without a risk level: the blank is flagged, CMMC not applicable", () => {
    const r = run({ serviceTypes: ["saas-customization"], grade: "normal" });
    expect(itemsOf(r, "saas-customization")).toHaveLength(5);
    expect(item(r, "saas-customization.cmmc").status).toBe("not-applicable");
    expect(item(r, "saas-customization.vm-image-security").status).toBe("optional");
    const supplier = item(r, "saas-customization.supplier-product-security");
    expect(supplier.cisoConfirm).toBe(true);
    expect(allReasons(supplier)).toContain("尚待填寫");
  });
});

describe("paas-iaas at 中, level A, external-facing core system, own mail server", () => {
  const r = run({
    serviceTypes: ["paas-iaas"],
    responsibilityLevel: "A",
    conditions: { coreSystem: true, externalService: true, mailServer: true },
  });

  it("SOC, EDR, VANS, GCB are standard at A", () => {
    for (const id of ["paas-iaas.soc", "paas-iaas.edr", "paas-iaas.vans", "paas-iaas.gcb"]) expect(item(r, id).status, id).toBe("standard");
  });

  it("the protection bundle needs a decision; its reason lists what A asks of each part", () => {
    const x = item(r, "paas-iaas.protection-bundle");
    expect(x.status).toBe("needs-decision");
    const text = allReasons(x);
    expect(text).toContain("防毒軟體—應辦");
    expect(text).toContain("應用程式防火牆（WAF）—應辦");
    expect(text).toContain("電子郵件過濾機制—應辦");
    expect(text).toContain("DDoS 防護服務—法規未依責任等級規定");
  });

  it("資安事件應變服務 needs a decision", () => {
    expect(item(r, "paas-iaas.incident-response").status).toBe("needs-decision");
  });

  it("testing rows: ● standard and flagged; 滲透測試 (● ◎ ◎) optional but flagged", () => {
    expect(item(r, "paas-iaas.host-vuln-scan")).toMatchObject({ status: "standard", thirdPartyTesting: true });
    expect(item(r, "paas-iaas.pentest")).toMatchObject({ status: "optional", thirdPartyTesting: true });
    expect(item(r, "paas-iaas.health-check")).toMatchObject({ status: "standard", thirdPartyTesting: false });
    expect(item(r, "paas-iaas.app-security-label").status).toBe("not-applicable"); // ● ● ◎, but this case has no app
  });

  it("without external services the bundle says WAF does not apply", () => {
    const noExt = run({ serviceTypes: ["paas-iaas"], responsibilityLevel: "A", conditions: { coreSystem: true } });
    expect(allReasons(item(noExt, "paas-iaas.protection-bundle"))).toContain("具有對外服務之核心資通系統者」，本案不符");
  });
});

describe("planning tables", () => {
  it("planning-is: both rows standard at every grade", () => {
    for (const grade of ["high", "medium", "normal"] as const) {
      const r = run({ serviceTypes: ["planning-is"], grade });
      expect(r.items.map((x) => [x.id, x.status])).toEqual([
        ["planning-is.no-prc-vendor", "standard"],
        ["planning-is.security-policy-compliance", "standard"],
      ]);
    }
  });

  it("planning-security: both rows standard", () => {
    const r = run({ serviceTypes: ["planning-security"], grade: "normal" });
    expect(r.items.map((x) => x.status)).toEqual(["standard", "standard"]);
    expect(item(r, "planning-security.security-planning-review").category).toBe("審視機關資安規劃");
  });
});

describe("extension", () => {
  it("at 普, level C, not core: ◎ vendor rows optional; C-level scans for core systems only → optional", () => {
    const r = run({ serviceTypes: ["extension"], grade: "normal", responsibilityLevel: "C" });
    expect(item(r, "extension.no-prc-vendor").status).toBe("optional"); // ◎ ◎ ◎ in this table
    expect(item(r, "extension.isms-certification").status).toBe("optional"); // ● ● ◎
    expect(item(r, "extension.pims-compliance").status).toBe("optional"); // no personal-data note here
    expect(item(r, "extension.no-backdoor").status).toBe("standard");
    for (const id of ["extension.web-vuln-scan", "extension.pentest"]) {
      const x = item(r, id);
      expect(x.status, id).toBe("optional");
      expect(allReasons(x), id).toContain("本案系統非核心資通系統");
      expect(x.frequency, id).toBeNull();
    }
    expect(item(r, "extension.host-vuln-scan").status).toBe("needs-decision");
  });

  it("at level C with a core system: 網站弱點掃描 每2年1次, 滲透測試 每2年1次", () => {
    const r = run({ serviceTypes: ["extension"], grade: "normal", responsibilityLevel: "C", conditions: { coreSystem: true } });
    expect(item(r, "extension.web-vuln-scan")).toMatchObject({ status: "standard", frequency: "全部核心資通系統每2年1次" });
    expect(item(r, "extension.pentest")).toMatchObject({ status: "standard", frequency: "全部核心資通系統每2年1次" });
  });

  it("at level A: 網站弱點掃描 每年2次, 滲透測試 每年1次", () => {
    const r = run({ serviceTypes: ["extension"], responsibilityLevel: "A", conditions: { coreSystem: true } });
    expect(item(r, "extension.web-vuln-scan").frequency).toBe("全部核心資通系統每年2次");
    expect(item(r, "extension.pentest").frequency).toBe("全部核心資通系統每年1次");
  });
});

describe("maintenance", () => {
  it("level E: ▲ scans and 健診 are not E-level duties → optional; 主機弱點掃描 unsettled", () => {
    const r = run({ serviceTypes: ["maintenance"], responsibilityLevel: "E" });
    for (const id of ["maintenance.web-vuln-scan", "maintenance.pentest", "maintenance.health-check"]) {
      const x = item(r, id);
      expect(x.status, id).toBe("optional");
      expect(allReasons(x), id).toContain("附表八");
    }
    expect(item(r, "maintenance.host-vuln-scan").status).toBe("needs-decision");
    expect(item(r, "maintenance.no-prc-vendor").status).toBe("optional"); // ◎ ◎ ◎ in this table
    expect(item(r, "maintenance.security-policy-compliance").status).toBe("standard");
    expect(item(r, "maintenance.sbom").status).toBe("standard"); // ● ● ◎ at 中
  });

  it("the maintenance table has no third-party note: no flag even at NT$20,000,000", () => {
    const r = run({ serviceTypes: ["maintenance"], contractValue: 20_000_000 });
    expect(r.items.some((x) => x.thirdPartyTesting)).toBe(false);
    expect(r.agencyObligations).toEqual([]);
  });
});

describe("responsibility levels A, D, E on the development table", () => {
  it("A, external-facing core system: every 資通安全防護 part is standard, WAF with its condition", () => {
    const r = run({ responsibilityLevel: "A", conditions: { coreSystem: true, externalService: true } });
    for (const id of ["development.antivirus", "development.firewall", "development.ids-ips", "development.apt"])
      expect(item(r, id).status, id).toBe("standard");
    const waf = item(r, "development.waf");
    expect(waf.status).toBe("standard");
    expect(allReasons(waf)).toContain("具有對外服務之核心資通系統者");
    expect(allReasons(waf)).toContain("附表一");
  });

  it("A without external services: WAF optional, citing its condition", () => {
    const waf = item(run({ responsibilityLevel: "A", conditions: { coreSystem: true } }), "development.waf");
    expect(waf.status).toBe("optional");
    expect(allReasons(waf)).toContain("本案未涉及重要對外服務");
  });

  it("D: 防毒 rests on recollection [U] → needs-decision; scans, SOC not D duties → optional", () => {
    const r = run({ responsibilityLevel: "D" });
    expect(item(r, "development.antivirus").status).toBe("needs-decision");
    expect(allReasons(item(r, "development.antivirus"))).toContain("〔依據：待查證，由機關決定〕");
    for (const id of ["development.web-vuln-scan", "development.soc", "development.health-check"]) expect(item(r, id).status, id).toBe("optional");
  });

  it("E: no 資通安全防護 and no 安全性檢測 at E → optional; unsettled measures still need a decision", () => {
    const r = run({ responsibilityLevel: "E" });
    for (const id of [
      "development.antivirus",
      "development.firewall",
      "development.waf",
      "development.web-vuln-scan",
      "development.pentest",
      "development.edr",
      "development.gcb",
    ]) {
      const x = item(r, id);
      expect(x.status, id).toBe("optional");
      expect(allReasons(x), id).toContain("附表八");
    }
    expect(item(r, "development.incident-response").status).toBe("needs-decision");
    expect(item(r, "development.host-vuln-scan").status).toBe("needs-decision");
  });
});

describe("several service types", () => {
  it("each type keeps its own items in catalogue order; the same requirement shows in both", () => {
    const r = run({ serviceTypes: ["maintenance", "development"] });
    const types = [...new Set(r.items.map((x) => x.serviceType))];
    expect(types).toEqual(["development", "maintenance"]);
    expect(item(r, "development.web-vuln-scan").status).toBe(item(run({ serviceTypes: ["development"] }), "development.web-vuln-scan").status);
    expect(item(r, "maintenance.web-vuln-scan").status).toBe(item(run({ serviceTypes: ["maintenance"] }), "maintenance.web-vuln-scan").status);
    expect(item(r, "development.web-vuln-scan").mark).toBe("▲");
    expect(item(r, "maintenance.web-vuln-scan").mark).toBe("▲");
    expect(r.items.some((x) => x.serviceType === "extension")).toBe(false);
  });

  it("all nine types: every catalogue row once", () => {
    const r = run({ serviceTypes: [...SERVICE_TYPE_KEYS] });
    expect(r.items).toHaveLength(149);
    expect(new Set(r.items.map((x) => x.id)).size).toBe(149);
  });
});

describe("catalogue version", () => {
  it("an input naming another catalogue is a caller error", () => {
    expect(() => resolve(catalogue, obligations, caseInput({ catalogueVersion: "2099-01-01" }))).toThrow(CatalogueMismatchError);
  });

  it("the matching version resolves", () => {
    expect(resolve(catalogue, obligations, caseInput({ catalogueVersion: "2023-09-25" })).catalogueVersion).toBe("2023-09-25");
  });
});

describe("mobile app (取得行動應用 App 基本資安標章, ● ● ◎)", () => {
  it("is not applicable when the case has no app", () => {
    const r = run({ conditions: { ...caseInput().conditions, mobileApp: false } });
    expect(item(r, "development.app-security-label")).toMatchObject({ mark: "●", status: "not-applicable" });
    expect(allReasons(item(r, "development.app-security-label"))).toContain("本案不含行動應用程式");
  });

  it("follows the mark when the case has an app", () => {
    const high = run({ grade: "high", conditions: { ...caseInput().conditions, mobileApp: true } });
    expect(item(high, "development.app-security-label")).toMatchObject({ mark: "●", status: "standard" });
    const normal = run({ grade: "normal", serviceTypes: ["paas-iaas"], conditions: { ...caseInput().conditions, mobileApp: true } });
    expect(item(normal, "paas-iaas.app-security-label")).toMatchObject({ mark: "◎", status: "optional" });
  });
});
