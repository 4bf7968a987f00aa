import { describe, expect, it } from "vitest";
import { renderAcceptanceDocx } from "../../../lib/export/docx/acceptance";
import { renderDocx } from "../../../lib/export/docx/render";
import { SIZE } from "../../../lib/export/docx/styles";
import { labelWidth } from "../../../lib/export/docx/text";
import { readDocx, textOf } from "./helpers/docx";
import { model } from "./helpers/cases";

const input = (final = false) => ({
  model: model(),
  contract: { contractNumber: "CT-001-C", vendorName: "安全軟體股份有限公司", vendorTaxId: "04595257", startOn: "2026-12-03", endOn: "2027-12-02" },
  milestone: { name: "驗收", dueOn: "2027-03-31", signedOffBy: null, signedOffOn: null },
  rows: [{ title: "專案工作計畫書", owner: "廠商", dueOn: "2026-12-16", status: "待繳交", files: [], reviewer: "" }],
  final,
});

describe("資安驗收檢核表", () => {
  it("gives 辦理者 and 期限 room for one line each (a date wrapped as 「2026-12-／03」 misreads)", async () => {
    const xml = readDocx(await renderAcceptanceDocx(input())).document;
    const cols = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(cols).toHaveLength(6);
    const margins = 160; // the table's left and right cell margins
    expect(cols[1]! - margins).toBeGreaterThanOrEqual(labelWidth("辦理者", SIZE.table));
    expect(cols[2]! - margins).toBeGreaterThanOrEqual(labelWidth("2026-12-16", SIZE.table));
    expect(textOf(xml)).toContain("2026-12-16");
  });
});

describe("廠商資安自評表", () => {
  it("keeps each fill-in table (填表廠商, 廠商簽章) on one page: every row but the last keeps with the next", async () => {
    const xml = readDocx(await renderDocx(model(), "checklist")).document;
    for (const [title, labels] of [
      ["填表廠商", ["廠商名稱", "填表人及職稱", "填表日期"]],
      ["廠商簽章", ["廠商（蓋章）", "負責人（簽章）"]],
    ] as const) {
      const table = xml.slice(xml.indexOf(`>${title}<`)).match(/<w:tbl>[\s\S]*?<\/w:tbl>/)![0];
      const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
      expect(rows.map((r) => labels.find((l) => r.includes(l)))).toEqual(labels);
      expect(rows.map((r) => /<w:keepNext\/>/.test(r))).toEqual(labels.map((_, i) => i < labels.length - 1));
    }
  });
});

describe("目錄", () => {
  it.each(["annex", "clauses"] as const)(
    "%s: compact TOC 1–3 styles, one of each, replacing docx's own (its blank page after the table of contents)",
    async (kind) => {
      const styles = readDocx(await renderDocx(model(), kind)).styles;
      for (const level of [1, 2, 3]) {
        const defs = [...styles.matchAll(new RegExp(`<w:style [^>]*w:styleId="TOC${level}"[\\s\\S]*?</w:style>`, "g"))].map((m) => m[0]);
        expect(defs).toHaveLength(1);
        expect(defs[0]).toContain(`<w:name w:val="toc ${level}"/>`);
        expect(defs[0]).toMatch(/<w:spacing w:after="40" w:line="320" w:lineRule="exact"\/>/);
      }
    },
  );
});
