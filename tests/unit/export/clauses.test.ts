import { describe, expect, it } from "vitest";
import libraryJson from "../../../data/clauses/2026-11-25.json" with { type: "json" };
import { bundled } from "../../helpers/catalogue";
import { defaultParameters, fillParameters, resolveParameters } from "../../../lib/export/clauses/parameters";
import { ZClauseLibrary } from "../../../lib/catalogue/schema/clauses";

const library = bundled().clauses;
const clone = () => structuredClone(libraryJson) as unknown as { parameters: Record<string, unknown>[]; clauses: Record<string, unknown>[] };
const messages = (raw: unknown) => {
  const r = ZClauseLibrary.safeParse(raw);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("the general-clause library (data/clauses/2026-11-25.json)", () => {
  it("has the sections and clauses the annex needs, each with a source", () => {
    const ids = (section: string) => library.clauses.filter((c) => c.section === section).map((c) => c.id);
    expect(ids("general")).toEqual(expect.arrayContaining(["confidentiality", "documents-data", "development-operations", "incident-notice"]));
    expect(ids("legal")).toEqual(["intellectual-property", "personal-data", "incident-response", "data-return"]);
    expect(ids("agency")).toContain("agency-third-party-testing");
    for (const clause of library.clauses) expect(clause.sources.length).toBeGreaterThan(0);
  });

  it("carries no [U] content and cites only law text [P] as 依據", () => {
    for (const clause of library.clauses)
      for (const source of clause.sources) {
        expect(source.reliability).not.toBe("U");
        if (source.cite) expect(source.reliability).toBe("P");
      }
    for (const p of library.parameters) expect(p.source.reliability).not.toBe("U");
  });

  it("has the issue's defaults", () => {
    expect(defaultParameters(library).values).toMatchObject({
      incidentNoticeHours: 1,
      onSiteHours: 8,
      reportWorkingDays: 5,
      vulnFixDays: 14,
      logRetentionMonths: 6,
      minorRecoveryHours: 72,
      majorRecoveryHours: 36,
    });
  });

  it("refuses [U] sources, citing non-law as 依據, undefined and unused parameters, bad defaults", () => {
    const u = clone();
    (u.clauses[0]!.sources as Record<string, unknown>[])[0]!.reliability = "U";
    expect(messages(u)).toContain("clauses.0.sources.0: [U] 未查證之內容不得收錄");

    const cite = clone();
    (cite.clauses.find((c) => c.id === "confidentiality")!.sources as Record<string, unknown>[])[0]!.cite = true;
    expect(messages(cite).some((m) => m.endsWith("只有法規原文 [P] 可列為「依據」"))).toBe(true);

    const undefinedKey = clone();
    (undefinedKey.clauses[0]!.paragraphs as Record<string, unknown>[])[0]!.text = "廠商應於{noSuchDays}日內辦理";
    expect(messages(undefinedKey)).toContain("clauses.0.paragraphs.0.text: 未定義的參數「{noSuchDays}」");

    const unused = clone();
    unused.parameters.push({ ...unused.parameters[0], key: "spareHours" });
    expect(messages(unused)).toContain("parameters.10.key: 參數「spareHours」未被任何條文使用");

    const bounds = clone();
    bounds.parameters[0]!.default = 99;
    expect(messages(bounds)).toContain("parameters.0.default: 預設值須介於 1～24");
  });
});

describe("resolveParameters: defaults ← agency ← case", () => {
  it("layers agency defaults over the library and the case over both, naming where each came from", () => {
    const r = resolveParameters(library, { agency: { onSiteHours: 4, vulnFixDays: 10 }, case: { vulnFixDays: 7 } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.parameters.values).toMatchObject({ onSiteHours: 4, vulnFixDays: 7, incidentNoticeHours: 1 });
    expect(r.parameters.from).toMatchObject({ onSiteHours: "agency", vulnFixDays: "case", incidentNoticeHours: "default" });
  });

  it("takes form text (full-width digits too); empty or null inherits", () => {
    const r = resolveParameters(library, { agency: { vulnFixDays: "１０" }, case: { vulnFixDays: "", onSiteHours: null } });
    expect(r.ok && r.parameters.values.vulnFixDays).toBe(10);
    expect(r.ok && r.parameters.values.onSiteHours).toBe(8);
  });

  it("refuses bad values at the parameter, with zh-TW messages, every layer at once", () => {
    const r = resolveParameters(library, {
      agency: { majorRecoveryHours: 48, nonsense: 1 },
      case: { vulnFixDays: 1.5, logRetentionMonths: 3, onSiteHours: "八" },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      {
        layer: "agency",
        path: "majorRecoveryHours",
        message: expect.stringMatching(/^「第三、四級資安事件完成損害控制或復原之時限」須介於 1～36 小時（上限為法定時限/),
      },
      { layer: "agency", path: "nonsense", message: "未知的參數「nonsense」" },
      { layer: "case", path: "vulnFixDays", message: "「中風險（含）以上弱點完成修補之時限」須為整數（單位：個日曆天）" },
      { layer: "case", path: "logRetentionMonths", message: expect.stringContaining("須介於 6～120 個月") },
      { layer: "case", path: "onSiteHours", message: "「接獲通知後到場處理之時限」須為整數（單位：小時）" },
    ]);
  });

  it("refuses a layer that is not an object", () => {
    const r = resolveParameters(library, { case: [1, 2] });
    expect(r.ok ? [] : r.issues).toEqual([{ layer: "case", path: "", message: expect.stringContaining("本案參數須為物件") }]);
  });

  it("fills {name} placeholders and refuses a name without a value", () => {
    expect(fillParameters("應於{vulnFixDays}個日曆天內", { vulnFixDays: 14 })).toBe("應於14個日曆天內");
    expect(() => fillParameters("{missing}", {})).toThrow("missing");
  });
});
