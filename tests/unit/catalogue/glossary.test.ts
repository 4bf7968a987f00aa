import { describe, expect, it } from "vitest";
import { bundledGlossary } from "../../../lib/catalogue/bundled";
import { glossarySegments, termsIn } from "../../../lib/catalogue/glossary";
import { ZGlossaryFile } from "../../../lib/catalogue/schema";
import { bundled } from "../../helpers/catalogue";

const glossary = bundledGlossary();
const catalogue = bundled();
const textOf = (id: string) => catalogue.serviceTypes.flatMap((t) => t.items).find((i) => i.id === id)!.text;

describe("the glossary (data/glossary)", () => {
  it("explains the terms the issue names, each with a source and a reliability label", () => {
    const names = glossary.terms.map((t) => t.term);
    for (const t of [
      "CBTL",
      "EASM",
      "BAS",
      "GCB",
      "VANS",
      "SOC",
      "EDR",
      "SBOM",
      "核心資通系統",
      "重要對外服務",
      "關鍵資訊基礎設施",
      "SSDLC",
      "WAF",
      "弱點掃描",
      "滲透測試",
      "資安健診",
    ])
      expect(names, t).toContain(t);
  });

  it("never presents an unsourced explanation as law: every [U] entry says the sources lack it; [P] quotes the article", () => {
    for (const t of glossary.terms.filter((x) => x.reliability === "U")) expect(`${t.explanation}${t.source}`, t.term).toContain("未見");
    for (const t of glossary.terms.filter((x) => x.reliability === "P")) expect(t.source, t.term).toMatch(/第\d+條/);
  });

  it("refuses a term listed twice (as a term or an alias)", () => {
    const twice = { ...glossary, terms: [...glossary.terms, { ...glossary.terms[0]!, term: "資安監控", aliases: [] }] };
    expect(ZGlossaryFile.safeParse(twice).success).toBe(false);
  });
});

describe("termsIn", () => {
  it("finds the terms of a requirement text, by term or alias, left to right", () => {
    // 「資安監控(SOC)機制」: the longer alias comes first and the term is explained once.
    expect(termsIn(textOf("development.soc")).map((h) => [h.term.term, h.match])).toEqual([["SOC", "資安監控"]]);
    expect(termsIn(textOf("development.bas-drill")).map((h) => h.term.term)).toEqual(["BAS"]);
    expect(termsIn(textOf("development.sbom")).map((h) => h.term.term)).toEqual(["SBOM"]);
    expect(termsIn("涉及重要對外服務及關鍵資訊基礎設施（CII）之核心資通系統").map((h) => h.term.term)).toEqual([
      "重要對外服務",
      "關鍵資訊基礎設施",
      "核心資通系統",
    ]);
  });

  it("matches a Latin term only as a whole word, and each term once", () => {
    expect(termsIn("ASSOCIATION BASIC")).toEqual([]);
    expect(termsIn("SOC、SOC").map((h) => h.index)).toEqual([0]);
    expect(termsIn("防火牆、IPS/IDS、WAF、APT").map((h) => h.term.term)).toEqual(["IDS", "WAF", "APT"]);
  });

  it("glossarySegments cuts a text into runs that give it back", () => {
    for (const t of catalogue.serviceTypes)
      for (const i of t.items) {
        const segments = glossarySegments(i.text);
        expect(segments.map((s) => s.text).join(""), i.id).toBe(i.text);
      }
    expect(glossarySegments("導入GCB(Government Configuration Baseline)").map((s) => [s.text, s.term?.term ?? null])).toEqual([
      ["導入", null],
      ["GCB", "GCB"],
      ["(Government Configuration Baseline)", null],
    ]);
  });
});
