import { describe, expect, it } from "vitest";
import { renderDocx } from "../../../lib/export/docx/render";
import { numberedLines, paragraphs, readDocx, TOC_SDT } from "./helpers/docx";
import { model, REALISTIC } from "./helpers/cases";

const body = async (kind: "annex" | "clauses" | "checklist", m = model()) => {
  const parts = readDocx(await renderDocx(m, kind));
  return numberedLines({ ...parts, document: parts.document.replace(TOC_SDT, "") });
};
const sectionOf = (all: string[], start: string) => {
  const from = all.indexOf(start);
  const to = all.findIndex((p, i) => i > from && /^[一二三四五六七八九]、|^附錄|^第[一二三四五六七八九十]+條/.test(p));
  return all.slice(from, to < 0 ? undefined : to);
};

describe("專案管理需求 (003's 26 items)", () => {
  it("開發 + 維運 (系統發展、維運服務): all 26 items, once each; the ones the library says refer to it", async () => {
    const pm = model().projectManagement!;
    expect(pm.intro).toContain("「系統發展、維運服務」");
    expect(pm.items.map((i) => i.no)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1));
    const plan = pm.items.find((i) => i.no === 2)!;
    expect([plan.text, plan.see]).toEqual([null, ["專案工作計畫"]]);

    const annex = sectionOf(await body("annex"), "四、專案管理需求");
    expect(annex).toHaveLength(1 + 1 + 26);
    expect(annex).toContain("（二）作業人員職務的區隔：依本規範「專案工作計畫」辦理。");
    expect(annex.some((p) => p.startsWith("（十四）系統維運期間之定期系統弱點掃描服務措施：系統維運期間，廠商應"))).toBe(true);
    // Never written twice: the clause it refers to is the only place 作業人員職務之區隔 appears.
    expect((await body("annex")).filter((p) => p.includes("作業人員職務之區隔"))).toHaveLength(1);

    const clauses = await body("clauses");
    const article = clauses.find((p) => /^第[一二三四五六七八九十]+條　專案管理需求$/.test(p));
    expect(article).toBeDefined();
    expect(clauses).toContain("二、作業人員職務的區隔：依本條款「專案工作計畫」辦理。");
  });

  it("a SaaS case (雲端服務) gets only the items the guide marks for cloud services", () => {
    const pm = model({ case: { ...REALISTIC, serviceTypes: ["saas-package"] }, decisions: {} }).projectManagement!;
    expect(pm.intro).toContain("「雲端服務」");
    const titles = pm.items.map((i) => i.title);
    expect(titles).toHaveLength(21);
    for (const notCloud of [
      "開發、測試及作業程序規劃",
      "保固期間發現系統或程式弱點之修復方式",
      "委外媒體的處置措施",
      "駐點人員之管理計畫",
      "新應用程式與系統的開發建置應有之規劃",
    ])
      expect(titles).not.toContain(notCloud);
  });

  it("without a supplement there is no such section", async () => {
    const m = model({ supplement: null });
    expect(m.projectManagement).toBeNull();
    expect(m.priced).toEqual([]);
    expect((await body("annex", m)).some((p) => p.includes("專案管理需求"))).toBe(false);
  });
});

describe("資安經費編列提示 (priced separately)", () => {
  it("lists the included items with a priced hint, the vendor's and the agency's, in the annex", async () => {
    const m = model();
    expect(m.priced.map((p) => [p.label, p.who])).toEqual([
      ["上線前主機弱點掃描", "廠商"],
      ["上線前網站弱點掃描", "廠商"],
      ["資安健診", "廠商"],
      ["機關一般人員與主管教育訓練", "廠商"],
      ["第三方安全性檢測（機關自行或另行委託）", "機關"],
    ]);
    // Only what is included: the SOC went to another procurement, undecided scans are not listed.
    expect(m.priced.some((p) => p.label.includes("SOC"))).toBe(false);
    const annex = sectionOf(await body("annex"), "七、資安經費編列提示");
    expect(annex).toContain("（三）資安健診（廠商辦理並單獨計價）");
    expect(annex).toContain("（五）第三方安全性檢測（機關自行或另行委託）（機關應辦事項，由機關編列經費）");
    expect(annex.at(-1)).toContain("費用合理編列");
    expect(annex.at(-1)).toContain("規劃階段");
    expect(annex.join("\n")).not.toMatch(/新臺幣|元/);
  });

  it("marks the same rows in the self-assessment's 單獨計價 column", async () => {
    const parts = readDocx(await renderDocx(model(), "checklist"));
    const rows = [...parts.document.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((r) => paragraphs(r[0]).join("|"));
    const priced = rows.filter((r) => r.endsWith("|是"));
    expect(priced.map((r) => r.split("|")[1])).toEqual([
      "程式應用軟體或系統上線前主機弱點掃描（開發）",
      "程式應用軟體或系統上線前網站弱點掃描（開發）",
      "資安健診（辦理頻率或範圍：每2年1次）",
      "提供機關一般人員與主管3小時（開發）",
    ]);
    expect(rows.some((r) => r.includes("單獨|計價"))).toBe(true);
  });
});
