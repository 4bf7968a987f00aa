import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { GRADES } from "../../../lib/catalogue/schema";
import { ASPECTS, GUIDANCE_LABEL, ASPECT_GUIDANCE, gradeFromAspects, ZGradeAspects } from "../../../lib/resolve/grade";

describe("附表九 helper", () => {
  it("the highest aspect decides, and it is named", () => {
    const r = gradeFromAspects({ confidentiality: "normal", integrity: "medium", availability: "normal", legalCompliance: "normal" });
    expect(r).toMatchObject({ grade: "medium", decidedBy: ["integrity"], coreSystem: false });
    expect(r.explanation.join()).toContain("由完整性決定");
  });

  it("ties name every deciding aspect", () => {
    const r = gradeFromAspects({ confidentiality: "high", integrity: "medium", availability: "high", legalCompliance: "normal" });
    expect(r.decidedBy).toEqual(["confidentiality", "availability"]);
  });

  it("all 普 → 普, decided by all four", () => {
    const r = gradeFromAspects({ confidentiality: "normal", integrity: "normal", availability: "normal", legalCompliance: "normal" });
    expect(r).toMatchObject({ grade: "normal", decidedBy: [...ASPECTS] });
  });

  it("高 → 核心資通系統, citing 施行細則 §10 II", () => {
    const r = gradeFromAspects({ confidentiality: "normal", integrity: "normal", availability: "normal", legalCompliance: "high" });
    expect(r.coreSystem).toBe(true);
    expect(r.explanation.some((line) => line.includes("第10條第2項") && line.includes("核心資通系統"))).toBe(true);
  });

  it("the aggregation rule is marked as unverified [S]; guidance is labelled as guidance", () => {
    const r = gradeFromAspects({ confidentiality: "normal", integrity: "normal", availability: "normal", legalCompliance: "normal" });
    expect(r.explanation[0]).toContain("〔依據：第三方整理〕");
    expect(r.explanation[1]).toContain(GUIDANCE_LABEL);
    for (const aspect of ASPECTS) expect(ASPECT_GUIDANCE[aspect]).toContain(GUIDANCE_LABEL);
  });

  it("property: the grade is the maximum, and decidedBy is exactly the aspects at it", () => {
    const rank = { normal: 0, medium: 1, high: 2 } as const;
    const grade = fc.constantFrom(...GRADES);
    fc.assert(
      fc.property(fc.record({ confidentiality: grade, integrity: grade, availability: grade, legalCompliance: grade }), (aspects) => {
        const r = gradeFromAspects(aspects);
        const max = Math.max(...ASPECTS.map((a) => rank[aspects[a]]));
        expect(rank[r.grade]).toBe(max);
        expect(r.decidedBy).toEqual(ASPECTS.filter((a) => rank[aspects[a]] === max));
        expect(r.coreSystem).toBe(r.grade === "high");
      }),
    );
  });

  it("schema: zh-TW messages at the aspect's path", () => {
    const parsed = ZGradeAspects.safeParse({ confidentiality: "high", integrity: "urgent", availability: "normal" });
    expect(parsed.success).toBe(false);
    if (!parsed.success)
      expect(parsed.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([
        ["integrity", "完整性之防護需求等級須為 high（高）、medium（中）或 normal（普）"],
        ["legalCompliance", "請選擇法律遵循性之防護需求等級"],
      ]);
  });
});
