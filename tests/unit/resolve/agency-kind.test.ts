import path from "node:path";
import { describe, expect, it } from "vitest";
import newTableJson from "../../../data/obligations/2026-12-01.json" with { type: "json" };
import { GRADES, SERVICE_TYPE_KEYS, ZCatalogueItem } from "../../../lib/catalogue/schema";
import { buildContext } from "../../../lib/resolve/context";
import { COLUMNS, LEVELS, parseObligations, ZObligationsFile, type TObligationsTable } from "../../../lib/catalogue/schema/obligations";
import { migrateLegacyObligations, obligationMatrix } from "../../../lib/resolve/obligation-matrix";
import { resolveItem } from "../../../lib/resolve/resolve";
import { bundledCatalogueFiles, readCatalogueFile } from "../../../lib/catalogue/bundled";
import { contentHash } from "../../../lib/catalogue/store";
import { allReasons, caseInput, catalogue, item, obligations, run } from "./fixtures";

/*
 * Golden cases for the eight-column ▲ table (data/obligations/2026-12-01.json), written from
 * shared/reference/annex-tables.md §2 and regulations.md §2.3, not from the engine's output.
 */

const table = parseObligations(newTableJson) as TObligationsTable;
const migrated = migrateLegacyObligations(obligations);

/** 成熟度評估 has no row in the 一覽表; a ▲ row keyed to it stands in for one. */
const maturityRow = ZCatalogueItem.parse({
  id: "development.maturity",
  category: "測試",
  text: "資安治理成熟度評估",
  marks: { high: "▲", medium: "▲", normal: "▲" },
  hints: { levelMeasure: "maturity" },
});
const maturity = (overrides: Parameters<typeof caseInput>[0]) => resolveItem(maturityRow, "development", buildContext(catalogue, table, caseInput(overrides)));

const core = { ...caseInput().conditions, coreSystem: true };

describe("B公 vs B特 (附表三 vs 附表四)", () => {
  const pub = run({ responsibilityLevel: "B", agencyKind: "public" }, table);
  const ci = run({ responsibilityLevel: "B", agencyKind: "non-public", ciProvider: true }, table);
  const notCi = run({ responsibilityLevel: "B", agencyKind: "non-public", ciProvider: false }, table);

  it("VANS: B公 required (1年內, 110 text [O]); B特 only for a CI provider", () => {
    expect(item(pub, "development.vans")).toMatchObject({ status: "standard", basis: { reliability: "O" } });
    expect(item(pub, "development.vans").frequency).toContain("1年內");
    expect(allReasons(item(pub, "development.vans"))).toContain("附表三（B級公務機關）");
    expect(item(ci, "development.vans").status).toBe("standard");
    expect(allReasons(item(ci, "development.vans"))).toContain("附表四（B級特定非公務機關）");
    expect(allReasons(item(ci, "development.vans"))).toContain("本案符合「限關鍵基礎設施提供者」");
    expect(item(notCi, "development.vans").status).toBe("optional");
    expect(allReasons(item(notCi, "development.vans"))).toContain("機關非關鍵基礎設施提供者");
    expect(allReasons(item(notCi, "development.vans"))).not.toContain("附表三");
  });

  it("成熟度評估: B公 每年1次; B特 only for a CI provider", () => {
    expect(maturity({ responsibilityLevel: "B" })).toMatchObject({ status: "standard", frequency: "每年1次" });
    expect(maturity({ responsibilityLevel: "B", agencyKind: "non-public", ciProvider: true })).toMatchObject({ status: "standard", frequency: "每年1次" });
    const no = maturity({ responsibilityLevel: "B", agencyKind: "non-public" });
    expect(no.status).toBe("optional");
    expect(allReasons(no)).toContain("附表四（B級特定非公務機關）");
  });

  it("SOC and EDR: required for both, B特 on the 115 summary that does not split them [S]", () => {
    for (const id of ["development.soc", "development.edr"]) {
      expect(item(pub, id).status, id).toBe("standard");
      expect(item(notCi, id).status, id).toBe("standard");
      expect(item(notCi, id).basis?.reliability, id).toBe("S");
      expect(allReasons(item(notCi, id)), id).toContain("附表四（B級特定非公務機關）");
    }
    expect(item(pub, "development.edr").frequency).toContain("1年內");
  });

  it("GCB: B公 required [O]; B特 not found in any source → needs-decision", () => {
    expect(item(pub, "development.gcb")).toMatchObject({ status: "standard", basis: { reliability: "O" } });
    expect(item(notCi, "development.gcb")).toMatchObject({ status: "needs-decision", basis: { reliability: "U" } });
  });
});

describe("C公 vs C特 (附表五 vs 附表六)", () => {
  const pub = run({ responsibilityLevel: "C" }, table);
  const spec = run({ responsibilityLevel: "C", agencyKind: "non-public", ciProvider: true }, table);

  it("VANS: C公 2年內 [O-110]; C特 unknown (110 did not list it, the 115 footnote is unread) → needs-decision", () => {
    expect(item(pub, "development.vans")).toMatchObject({ status: "standard", basis: { reliability: "O" } });
    expect(item(pub, "development.vans").frequency).toContain("2年內");
    expect(item(spec, "development.vans")).toMatchObject({ status: "needs-decision", basis: { reliability: "U" } });
    expect(allReasons(item(spec, "development.vans"))).toContain("附表六（C級特定非公務機關）");
  });

  it("成熟度評估, SOC, EDR: not C duties for either kind → optional", () => {
    for (const overrides of [{ responsibilityLevel: "C" as const }, { responsibilityLevel: "C" as const, agencyKind: "non-public" as const, ciProvider: true }])
      expect(maturity(overrides).status).toBe("optional");
    for (const id of ["development.soc", "development.edr"]) {
      expect(item(pub, id).status, id).toBe("optional");
      expect(item(spec, id).status, id).toBe("optional");
      expect(allReasons(item(spec, id)), id).toContain("附表六");
    }
  });

  it("scans bind core systems for both kinds", () => {
    const r = run({ responsibilityLevel: "C", agencyKind: "non-public", conditions: core }, table);
    expect(item(r, "development.web-vuln-scan")).toMatchObject({ status: "standard", frequency: "全部核心資通系統每2年1次" });
  });
});

describe("the checklist summary and badges", () => {
  it("counts ▲ lines by reliability and gives every ▲ line a basis (no blanket warning)", () => {
    const r = run({ responsibilityLevel: "B" }, table);
    const triangles = r.items.filter((x) => x.mark === "▲");
    const s = r.basisSummary;
    expect(s.primaryOrOfficial + s.thirdParty + s.unverified).toBe(triangles.length);
    expect(s.primaryOrOfficial).toBe(2); // VANS and GCB (development)
    expect(s.unverified).toBe(5); // 防毒、防火牆、郵件過濾、IDS/IPS、WAF at B [U]
    for (const x of triangles) expect(x.basis, x.id).not.toBeNull();
    for (const x of r.items.filter((i) => i.mark !== "▲")) expect(x.basis, x.id).toBeNull();
    expect(r.warnings.join()).not.toContain("▲");
  });
});

describe("migration of the first table (format 1 → eight columns)", () => {
  const cases: {
    level: (typeof LEVELS)[number];
    grade: (typeof GRADES)[number];
    type: (typeof SERVICE_TYPE_KEYS)[number];
    conditions: ReturnType<typeof caseInput>["conditions"];
  }[] = [];
  for (const level of LEVELS)
    for (const grade of GRADES)
      for (const type of SERVICE_TYPE_KEYS)
        for (const coreSystem of [false, true])
          for (const mailServer of [false, true])
            cases.push({ level, grade, type, conditions: { ...caseInput().conditions, coreSystem, mailServer, externalService: coreSystem } });

  it("the migrated table validates in the new schema and keeps format 1 as it was (content hash)", () => {
    expect(ZObligationsFile.parse(migrated)).toEqual(migrated);
    expect(ZObligationsFile.parse(obligations)).toEqual(obligations);
    expect(obligationMatrix(obligations)).toEqual(migrated);
  });

  it("changes no resolution for 公務機關: every level × grade × service type (status, frequency, flags)", () => {
    const strip = (r: ReturnType<typeof run>) =>
      r.items.map((x) => ({
        id: x.id,
        status: x.status,
        frequency: x.frequency,
        mark: x.mark,
        thirdPartyTesting: x.thirdPartyTesting,
        cisoConfirm: x.cisoConfirm,
      }));
    for (const c of cases) {
      const input = { responsibilityLevel: c.level, grade: c.grade, serviceTypes: [c.type], conditions: c.conditions };
      const before = strip(run(input, obligations));
      expect(strip(run(input, migrated)), JSON.stringify(input)).toEqual(before);
      // And the new table transcribed from annex-tables.md changes nothing for 公務機關 either.
      expect(strip(run(input, table)), `new table ${JSON.stringify(input)}`).toEqual(before);
    }
    expect(cases.length).toBe(5 * 3 * 9 * 4);
  });

  it("the published versions with the first table keep their content hash (databases that hold them load unchanged)", () => {
    // Computed with the code before the eight-column table (commit 02f3d47).
    const hashes = Object.fromEntries(bundledCatalogueFiles().map((f) => [path.basename(f), contentHash(readCatalogueFile(f))]));
    expect(hashes["2023-09-25.json"]).toBe("f43fb116ec5705a0c8679dee7a749d163c716839710db3723a7f9f7a008a719b");
    expect(hashes["2023-09-25-law2026.json"]).toBe("034c3d6f94a4874f2a94144a40db4b92c2c6574c8fef8596c3909e5c61c936e9");
  });

  it("each column cites its own 附表", () => {
    const annex = ["附表一", "附表二", "附表三", "附表四", "附表五", "附表六", "附表七", "附表八"];
    for (const t of [migrated, table])
      for (const measure of Object.values(t.measures))
        if (measure.settled) COLUMNS.forEach((column, i) => expect(measure.columns[column].citation.annex).toBe(annex[i]));
  });
});

describe("the eight-column schema refuses a wrong cell", () => {
  const broken = (edit: (cells: Record<string, Record<string, unknown>>) => void) => {
    const raw = structuredClone(newTableJson) as unknown as { measures: Record<string, { columns: Record<string, Record<string, unknown>> }> };
    edit(raw.measures.vans!.columns);
    return ZObligationsFile.safeParse(raw);
  };
  const paths = (r: ReturnType<typeof broken>) => (r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));

  it("a column citing another 附表, a frequency on a cell not required, a condition on a plain one, a verified cell not [P]", () => {
    expect(paths(broken((c) => ((c["B特"]!.citation as { annex: string }).annex = "附表三")))).toEqual([
      "measures.vans.columns.B特.citation.annex: B特 欄應引用附表四",
    ]);
    expect(paths(broken((c) => (c["D"]!.frequency = "每年1次")))).toEqual(["measures.vans.columns.D.frequency: 未列或來源未載之儲存格不可有頻率／期限"]);
    expect(paths(broken((c) => (c["B公"]!.condition = "ci-provider")))).toEqual(["measures.vans.columns.B公.condition: 僅「有條件應辦」可設條件"]);
    expect(
      paths(
        broken(
          (c) =>
            (c["B公"]!.verification = {
              document: "分級辦法附表三（115-01-07）",
              fileId: null,
              locator: "第2頁",
              verbatim: null,
              verifiedById: "u",
              verifiedByName: "周",
              verifiedAt: "2026-12-01T00:00:00.000Z",
            }),
        ),
      ),
    ).toEqual(["measures.vans.columns.B公.reliability: 已核對官方附表之儲存格，可信度須為〔P〕"]);
    expect(paths(broken(() => undefined))).toEqual([]);
  });
});
