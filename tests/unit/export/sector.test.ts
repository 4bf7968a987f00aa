import { describe, expect, it } from "vitest";
import { renderDocx } from "../../../lib/export/docx/render";
import { tailorBySector } from "../../../lib/export/model/sector";
import { paragraphs, readDocx } from "./helpers/docx";
import { model } from "./helpers/cases";

const policy = (m: ReturnType<typeof model>) => m.technical.groups.flatMap((g) => g.items).find((i) => i.id === "maintenance.security-policy-compliance")!.text;
const REGIMES = ["政府機關：", "關鍵基礎設施機關：", "金融機構：", "教育單位：", "醫療院所："];

describe("sector tailoring: 符合機關資安政策 names only the agency's regime", () => {
  it("an education-sector agency gets only the education regime, in every document", async () => {
    const m = model({ agencySector: "education" });
    const text = policy(m);
    expect(text.startsWith("機關提供資安規範要求，廠商須符合機關資訊安全要求規範（教育單位：教育部資通安全管理實施要點")).toBe(true);
    for (const other of REGIMES.filter((r) => r !== "教育單位：")) expect(text).not.toContain(other);
    for (const kind of ["annex", "clauses", "checklist"] as const) {
      const all = paragraphs(readDocx(await renderDocx(m, kind)).document).join("\n");
      expect(all).toContain("教育體系資通安全暨個人資料管理規範");
      expect(all).not.toContain("金融監督管理委員會");
      expect(all).not.toContain("基層醫療院所資安防護參考指引");
    }
  });

  it("a critical-infrastructure provider gets its own regime too; cii-provider alone gets the CI regime", () => {
    expect(policy(model({ agencySector: "government", ciProvider: true }))).toBe(
      "機關提供資安規範要求，廠商須符合機關資訊安全要求規範（政府機關：資通安全管理法含子法；關鍵基礎設施機關：國家關鍵基礎設施安全防護指導綱要、關鍵資訊基礎設施資安防護建議）",
    );
    const cii = policy(model({ agencySector: "cii-provider" }));
    expect(cii).toContain("關鍵基礎設施機關：");
    expect(cii).not.toContain("政府機關：");
  });

  it("sector other, or none given: the whole list, verbatim", () => {
    for (const agencySector of ["other", null] as const) for (const r of REGIMES) expect(policy(model({ agencySector }))).toContain(r);
  });

  it("a text the hint was not written for stays whole", () => {
    const hint = { lead: "甲", parts: { government: "政府機關：A", education: "教育單位：B" } };
    expect(tailorBySector("甲 1. 政府機關：A 2. 教育單位：B", hint, { sector: "education", ciProvider: false })).toBe("甲（教育單位：B）");
    expect(tailorBySector("甲 1. 政府機關：A 2. 教育單位：C", hint, { sector: "education", ciProvider: false })).toBe("甲 1. 政府機關：A 2. 教育單位：C");
  });
});
