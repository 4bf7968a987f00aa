import { describe, expect, it } from "vitest";
import { renderDocx, type TDocKind } from "../../../lib/export/docx/render";
import { CHECKLIST_WIDTHS } from "../../../lib/export/docx/checklist";
import { TEXT_WIDTH } from "../../../lib/export/docx/styles";
import { buildExportModel } from "../../../lib/export/model/build";
import type { TExportModel } from "../../../lib/export/model/types";
import { numberedLines, paragraphs, readDocx, textOf, TOC_SDT, xmlProblem, type TDocxParts } from "./helpers/docx";
import { allDecided, exportInput, model, REALISTIC } from "./helpers/cases";

const KINDS: TDocKind[] = ["annex", "clauses", "checklist"];
const render = async (m: TExportModel, kind: TDocKind) => readDocx(await renderDocx(m, kind));
/** The body as Word numbers it, without the table of contents (its entries repeat the headings). */
const lines = (parts: TDocxParts) => numberedLines({ ...parts, document: parts.document.replace(TOC_SDT, "") });

/** The paragraphs between a heading and the next heading of the same kind. */
function section(all: string[], start: string, next: RegExp): string {
  const from = all.indexOf(start);
  if (from < 0) throw new Error(`no section ${start}`);
  const to = all.findIndex((p, i) => i > from && next.test(p));
  return all.slice(from, to < 0 ? undefined : to).join("\n");
}
const TOP = /^(?:[一二三四五六七八九]、|附錄)/;

const draft = model();
const approval = { approvedBy: "資安長 王大明", approvedAt: new Date("2026-11-20T03:00:00Z") };
const final = model({
  approval,
  decisions: allDecided(REALISTIC, {
    "development.ssdlc": { choice: "include", reason: "需要" },
    "development.soc": { choice: "other-procurement", reference: "甲案（案號：A-1）" },
  }),
});

describe.each(KINDS)("%s: a valid DOCX in the house layout", (kind) => {
  it("every XML part is well-formed", async () => {
    const parts = await render(draft, kind);
    for (const [name, bytes] of parts.files)
      if (name.endsWith(".xml") || name.endsWith(".rels")) expect([name, xmlProblem(bytes.toString("utf8"))]).toEqual([name, null]);
  });

  it("A4 with the margins, 標楷體 + Times New Roman in the defaults and on every run, zh-TW in the defaults and styles", async () => {
    const parts = await render(draft, kind);
    expect(parts.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(parts.document).toMatch(/<w:pgMar w:top="1440" w:right="1247" w:bottom="1440" w:left="1247"/);
    const defaults = parts.styles.match(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/)?.[0] ?? "";
    const FONTS = /<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="標楷體" w:hAnsi="Times New Roman" w:hint="eastAsia"\/>/;
    const LANG = /<w:lang w:val="en-US" w:eastAsia="zh-TW"\/>/;
    expect(defaults).toMatch(FONTS);
    expect(defaults).toMatch(LANG);
    // Headings and the title state theirs too (Word's built-in heading styles would otherwise bring theme fonts).
    for (const id of ["Title", "Heading1", "Heading2", "Heading3"]) {
      const style = parts.styles.match(new RegExp(`<w:style w:type="paragraph" w:styleId="${id}">[\\s\\S]*?</w:style>`))?.[0] ?? "";
      expect(style).toMatch(FONTS);
      expect(style).toMatch(LANG);
    }
    // Every run with text carries the fonts (nothing falls back to a theme font).
    // (The table of contents is Word's to rewrite: its entries are not checked.)
    const body = parts.document.replace(TOC_SDT, "");
    const runs = [...body.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((m) => m[1]!).filter((r) => r.includes("<w:t"));
    expect(runs.length).toBeGreaterThan(50);
    for (const r of runs) expect(r).toContain('w:eastAsia="標楷體"');
  });

  it("header: agency, case, number, and 草稿 on a draft; footer: 第 X 頁，共 Y 頁 fields, version and date", async () => {
    const parts = await render(draft, kind);
    const header = parts.headers.map(textOf).join("\n");
    expect(header).toContain("臺北市政府資訊局　市民服務整合平臺開發暨維運案（案號：TPE-IT-115-031）");
    expect(header).toContain("草稿");
    expect(parts.headers.join("")).toContain("<v:textpath"); // the watermark
    const footer = parts.footers.join("");
    expect(footer).toMatch(/第 <\/w:t>[\s\S]*PAGE[\s\S]*頁，共 <\/w:t>[\s\S]*NUMPAGES[\s\S]* 頁/);
    expect(parts.footers.map(textOf).join("\n")).toContain("一覽表版本 2023-09-25　產製日期 115-11-25　草稿");
  });

  it("a final document has no 草稿 anywhere, and the approval on the cover", async () => {
    const parts = await render(final, kind);
    expect(parts.headers.join("")).not.toContain("草稿");
    expect(parts.headers.join("")).not.toContain("<v:textpath");
    expect(parts.footers.join("")).not.toContain("草稿");
    expect(textOf(parts.document)).not.toContain("草稿");
    expect(textOf(parts.document)).toContain("資安長 王大明，中華民國115年11月20日");
    expect(textOf(parts.document)).not.toContain("待決定");
  });

  it("the cover states the case facts", async () => {
    const text = textOf((await render(draft, kind)).document);
    for (const fact of ["中級", "B級", "新臺幣12,000,000元", "應用軟體或系統開發服務、應用軟體或系統維運服務", "涉及個人資料"]) expect(text).toContain(fact);
  });

  it("tables have set widths, a fixed layout, a repeated header row (checklist) and rows that do not split", async () => {
    const parts = await render(draft, kind);
    const tables = [...parts.document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      expect(table).toContain('<w:tblLayout w:type="fixed"/>');
      const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
      const rows = table.match(/<w:tr>/g)?.length ?? 0;
      expect(table.match(/<w:cantSplit\/>/g)?.length).toBe(rows);
    }
    if (kind === "checklist") expect(tables.some((t) => t.includes("<w:tblHeader/>"))).toBe(true);
  });

  it("no blank left to fill: no ____ and no unfilled {parameter}", async () => {
    const text = textOf((await render(model({ case: { ...REALISTIC, serviceTypes: ["saas-package", "development"] }, decisions: {} }), kind)).document);
    expect(text).not.toMatch(/_{3,}/);
    expect(text).not.toMatch(/\{[A-Za-z]+\}/);
  });
});

describe("資通安全需求規範 (annex)", () => {
  it("numbers its sections 一、 (一) 1. (1) and puts each part where it belongs", async () => {
    const all = lines(await render(draft, "annex"));
    for (const h of ["一、共通性需求", "二、技術需求", "三、適法性義務", "四、專案管理需求", "五、本案免辦項目", "六、機關應辦事項", "七、資安經費編列提示"])
      expect(all).toContain(h);
    expect(all).toContain("（一）法令遵循");
    expect(all).toContain("（一）提供服務商");
    expect(all).toContain("1.具備完善之資通安全管理措施（開發）");
    expect(all).toContain("（1）管理者帳號登入與登出。");

    const technical = section(all, "二、技術需求", TOP);
    expect(technical).toContain("本系統為中級，需符合中級系統資通系統防護基準存取控制控制措施");
    expect(technical).toContain("開發系統導入安全軟體發展生命週期"); // ◎ decided include
    expect(technical).not.toContain("IEC 62443"); // ◎ decided exclude
    expect(technical).not.toContain("外部攻擊面管理"); // ◎ undecided
    expect(technical).not.toContain("資安監控(SOC)機制"); // ▲ placed elsewhere
    expect(technical).toContain("導入端點偵測與回應機制"); // ▲ in this case

    const exempt = section(all, "五、本案免辦項目", TOP);
    expect(exempt).toContain("資安監控(SOC)機制");
    expect(exempt).toContain("納入辦理之他案：115年度資安監控（SOC）委外服務案（案號：TPE-IT-115-007）");

    const agency = section(all, "六、機關應辦事項", TOP);
    expect(agency).toContain("委託機關應自行或另行委託第三方進行安全性檢測");
    expect(agency).toContain("本案適用原因：委託金額新臺幣12,000,000元，達新臺幣一千萬元以上。");
    const vendor = [section(all, "一、共通性需求", TOP), technical, section(all, "三、適法性義務", TOP)].join("\n");
    expect(vendor).not.toContain("另行委託第三方進行安全性檢測");

    const pending = section(all, "附錄　待決定事項（草稿專用，定稿不列）", /^$^/);
    expect(pending).toContain("外部攻擊面管理");
    expect(pending).toContain("未決定前不列入需求");
  });

  it("third-party testing is absent below NT$10,000,000 for a system that is not core", async () => {
    const small = lines(await render(model({ case: { ...REALISTIC, contractValue: 5_000_000 } }), "annex")).join("\n");
    expect(small).not.toContain("另行委託第三方進行安全性檢測");
  });
});

describe("契約條款 (clauses)", () => {
  it("numbers articles 第一條… with 款 一、 and keeps the agency's duties out of the articles", async () => {
    const all = lines(await render(draft, "clauses"));
    expect(all[all.findIndex((p) => p.startsWith("第一條"))]).toBe("第一條　法令遵循");
    const technical = all.find((p) => /^第[一二三四五六七八九十]+條　技術需求$/.test(p));
    expect(technical).toBeDefined();
    expect(all).toContain("一、提供服務商");
    expect(all).toContain("（一）具備完善之資通安全管理措施（開發）");
    expect(all).toContain("（一）管理者帳號登入與登出。");
    const articles = all.slice(0, all.indexOf("機關應辦事項（供機關辦理，非屬契約條款）")).join("\n");
    expect(articles).not.toContain("另行委託第三方進行安全性檢測");
    expect(articles).toContain("納入辦理之他案：115年度資安監控（SOC）委外服務案");
    expect(all.join("\n")).toContain("委託機關應自行或另行委託第三方進行安全性檢測");
  });
});

describe("廠商資安自評表 (checklist)", () => {
  it("has the five columns and one row for every included requirement, none for the rest", async () => {
    const parts = await render(draft, "checklist");
    const table = [...parts.document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]).find((t) => t.includes("<w:tblHeader/>"))!;
    expect([...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))).toEqual([...CHECKLIST_WIDTHS]);
    const text = paragraphs(table).join("\n");
    for (const h of ["項目", "要求", "符合", "是／否／不適用", "佐證資料", "說明"]) expect(text).toContain(h);
    const requirements = draft.technical.groups.flatMap((g) => g.items);
    const rows = table.match(/□不適用/g)?.length ?? 0;
    // One row per requirement, and one per paragraph of each general and legal clause.
    const clauseParagraphs = [...draft.general, ...draft.legal].reduce((n, c) => n + c.paragraphs.length, 0);
    const projectItems = draft.projectManagement!.items.filter((i) => i.text).length;
    expect(rows).toBe(requirements.length + clauseParagraphs + projectItems);
    expect(text).toContain("開發應用與維運（五）");
    for (const r of requirements) expect(text).toContain(r.text);
    expect(text).not.toContain("外部攻擊面管理");
    expect(text).not.toContain("資安監控(SOC)機制");
    expect(text).not.toContain("另行委託第三方");
  });
});

describe("user-entered text cannot break the document", () => {
  const hostile = {
    agencyName: "機關\u0000名\u0008稱\uFFFE\uFFFF\uD800\u202E",
    caseName: '案名</w:t></w:r><w:r><w:t>注入 & "引號" <b>',
    caseNumber: "A-\uDC00\u0001\u001F\u007F\u0085-001\r\n第二行",
  };
  const m = buildExportModel({
    ...exportInput({
      names: hostile,
      riskLevel: "中\u0000",
      decisions: { "development.soc": { choice: "other-procurement", reference: "他案\u0000<w:p>\uFFFE" } },
    }),
    approval: null,
  });

  it.each(KINDS)("%s: control characters, noncharacters and lone surrogates are gone; markup is text", async (kind) => {
    const parts = await render(m, kind);
    for (const [name, bytes] of parts.files) if (name.endsWith(".xml")) expect([name, xmlProblem(bytes.toString("utf8"))]).toEqual([name, null]);
    const text = [textOf(parts.document), ...parts.headers.map(textOf)].join("\n");
    expect(text).toContain("機關名稱");
    expect(text).toContain('案名</w:t></w:r><w:r><w:t>注入 & "引號" <b>');
    expect(text).toContain("A--001 第二行");
    expect(parts.document).toContain("案名&lt;/w:t&gt;&lt;/w:r&gt;&lt;w:r&gt;&lt;w:t&gt;注入 &amp;");
    expect(parts.document).not.toContain("<w:t>注入");
    expect(text).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF\u202E]/);
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });

  it("the core properties (title, description) are clean too", async () => {
    const core = (await render(m, "annex")).files.get("docProps/core.xml")!.toString("utf8");
    expect(xmlProblem(core)).toBeNull();
    expect(core).not.toContain("\uFFFE");
  });
});

describe("Word numbering: numbers are list numbering, not typed text", () => {
  const LITERAL = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）|第[一二三四五六七八九十]+條)/;

  it.each(KINDS)("%s: numbering.xml holds 一、 （一） 1. （1） and no paragraph starts with a typed number", async (kind) => {
    const parts = await render(draft, kind);
    const numbering = parts.files.get("word/numbering.xml")!.toString("utf8");
    expect(numbering).toMatch(/<w:numFmt w:val="taiwaneseCountingThousand"\/>[\s\S]*?<w:lvlText w:val="%1、"\/>/);
    for (const text of ["（%2）", "%3.", "（%4）", "第%1條　"]) expect(numbering).toContain(`<w:lvlText w:val="${text}"/>`);
    expect(parts.document).toContain("<w:numPr>");
    const typed = paragraphs(parts.document).filter((p) => LITERAL.test(p));
    expect(typed).toEqual([]);
  });

  it("annex and clauses: Heading 1–3 kept, numbered, and a TOC field over them that Word updates on opening", async () => {
    for (const kind of ["annex", "clauses"] as const) {
      const parts = await render(draft, kind);
      const headings = [...parts.document.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="Heading([123])"\/>[\s\S]*?<\/w:p>/g)];
      expect(new Set(headings.map((h) => h[1]))).toEqual(new Set(["1", "2"]));
      expect(headings.filter((h) => h[0].includes("<w:numPr>")).length).toBeGreaterThan(20);
      expect(parts.document).toContain("TOC \\h \\o &quot;1-3&quot;");
      expect(parts.settings).toContain("<w:updateFields");
    }
  });

  it("deleting a clause in the document renumbers the clauses after it", async () => {
    const rendered = await render(draft, "annex");
    const parts = { ...rendered, document: rendered.document.replace(TOC_SDT, "") };
    const before = lines(parts);
    expect(before).toContain("（二）人員與作業環境");
    expect(before).toContain("（三）保密");
    // Delete the clause 人員與作業環境 (its heading and body) as an editor would.
    const all = [...parts.document.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const from = all.findIndex((p) => p.includes(">人員與作業環境<"));
    const to = all.findIndex((p, i) => i > from && p.includes(">保密<"));
    const edited = all.slice(from, to).reduce((xml, p) => xml.replace(p, ""), parts.document);
    const after = lines({ ...parts, document: edited });
    expect(after).not.toContain("（二）人員與作業環境");
    expect(after).toContain("（二）保密");
    expect(after).toContain("（三）文件與資料");
    expect(after).toContain("二、技術需求");
  });
});
