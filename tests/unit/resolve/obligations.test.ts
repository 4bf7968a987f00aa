import { describe, expect, it } from "vitest";
import obligationsJson from "../../../data/obligations/2026-01-07.json" with { type: "json" };
import { loadObligations } from "../../../lib/resolve/load-obligations";
import { LEVELS, ZObligationsFile, type TObligationCell } from "../../../lib/catalogue/schema/obligations";
import { catalogue, obligations } from "./fixtures";

/** The level→measure data checked against regulations.md §2.3.2 by hand. */

function cell(key: string, level: (typeof LEVELS)[number]): TObligationCell {
  const measure = obligations.measures[key];
  if (!measure?.settled) throw new Error(`${key} is not settled`);
  return measure.levels[level];
}

describe("data/obligations/2026-01-07.json", () => {
  it("parses, and loadObligations reads the same file", () => {
    expect(loadObligations()).toEqual(obligations);
  });

  it("covers every levelMeasure key the catalogue uses", () => {
    const keys = new Set(catalogue.serviceTypes.flatMap((type) => type.items.map((row) => row.hints.levelMeasure)).filter((key) => key !== null));
    expect(keys.size).toBe(16);
    for (const key of keys) expect(obligations.measures[key], key).toBeDefined();
  });

  it("measures the regulation does not settle are explicit", () => {
    for (const key of ["incident-response", "ddos-protection", "protection-bundle", "host-vuln-scan"])
      expect(obligations.measures[key]?.settled, key).toBe(false);
  });

  it("安全性檢測 frequencies (§2.3.2)", () => {
    expect(LEVELS.map((l) => cell("web-vuln-scan", l).frequency)).toEqual([
      "全部核心資通系統每年2次",
      "全部核心資通系統每年1次",
      "全部核心資通系統每2年1次",
      null,
      null,
    ]);
    expect(LEVELS.map((l) => cell("pentest", l).frequency)).toEqual([
      "全部核心資通系統每年1次",
      "全部核心資通系統每2年1次",
      "全部核心資通系統每2年1次",
      null,
      null,
    ]);
    expect(LEVELS.map((l) => cell("health-check", l).frequency)).toEqual(["每年1次", "每2年1次", "每2年1次", null, null]);
    expect(cell("web-vuln-scan", "C").condition?.requires).toEqual(["coreSystem"]);
    expect(cell("web-vuln-scan", "B").condition?.requires).toEqual(["coreSystem"]);
    expect(cell("pentest", "A").condition?.requires).toEqual(["coreSystem"]);
  });

  it("SOC, EDR, GCB: A and B only; VANS: A, B and C (2年內)", () => {
    for (const key of ["soc", "edr", "gcb"])
      expect(
        LEVELS.map((l) => cell(key, l).required),
        key,
      ).toEqual([true, true, false, false, false]);
    expect(LEVELS.map((l) => cell("vans", l).required)).toEqual([true, true, true, false, false]);
    expect(cell("vans", "C").frequency).toContain("2年內");
  });

  it("資通安全防護 parts: A from the 108 text [S], B–D only [U], E not listed [S]; conditions as worded", () => {
    for (const key of ["antivirus", "firewall", "email-filter", "ids-ips", "waf", "apt"]) {
      expect(cell(key, "A").reliability, key).toBe("S");
      expect(cell(key, "A").required, key).toBe(true);
      for (const level of ["B", "C", "D"] as const) expect(cell(key, level).reliability, `${key} ${level}`).toBe("U");
      expect(cell(key, "E"), key).toMatchObject({ required: false, reliability: "S" });
    }
    expect(cell("waf", "A").condition).toEqual({ requires: ["externalService", "coreSystem"], text: "具有對外服務之核心資通系統者" });
    expect(cell("email-filter", "A").condition?.requires).toEqual(["mailServer"]);
  });

  it("[U] appears only in the 資通安全防護 parts", () => {
    const uKeys = new Set<string>();
    for (const [key, measure] of Object.entries(obligations.measures))
      if (measure.settled) for (const level of LEVELS) if (measure.levels[level].reliability === "U") uKeys.add(key);
    expect([...uKeys].sort()).toEqual(["antivirus", "apt", "email-filter", "firewall", "ids-ips", "waf"]);
  });

  it("each level cites its own 附表", () => {
    const annex = { A: "附表一", B: "附表三", C: "附表五", D: "附表七", E: "附表八" } as const;
    for (const measure of Object.values(obligations.measures))
      if (measure.settled) for (const level of LEVELS) expect(measure.levels[level].citation).toContain(annex[level]);
  });

  it("rejects a malformed table", () => {
    const broken = structuredClone(obligationsJson) as {
      measures: Record<string, { levels?: Record<string, Record<string, unknown>>; components?: string[] }>;
    };
    const soc = broken.measures.soc?.levels?.C;
    if (!soc) throw new Error("fixture");
    soc.frequency = "每年1次"; // frequency on a level that is not required
    expect(ZObligationsFile.safeParse(broken).success).toBe(false);
    const dangling = structuredClone(obligationsJson) as typeof broken;
    dangling.measures["protection-bundle"]?.components?.push("no-such-measure");
    expect(ZObligationsFile.safeParse(dangling).success).toBe(false);
    expect(ZObligationsFile.safeParse({ ...obligationsJson, extra: 1 }).success).toBe(false);
  });
});
