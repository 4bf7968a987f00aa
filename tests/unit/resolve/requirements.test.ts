import { describe, expect, it } from "vitest";
import { groupRequirements, requirementKey, sameAsOf, strength } from "../../../lib/resolve/requirements";
import { resolve } from "../../../lib/resolve/resolve";
import type { TResolvedItem } from "../../../lib/resolve/types";
import { newestBundled } from "../../helpers/catalogue";
import { caseInput, catalogue } from "./fixtures";

/** The reference case: 開發 + 維運, B級 agency, grade 中, NT$12,000,000, personal data, external service. */
const REFERENCE = caseInput({
  serviceTypes: ["development", "maintenance"],
  contractValue: 12_000_000,
  conditions: { personalData: true, externalService: true, mailServer: true },
});

describe("requirementKey", () => {
  it("is the same for texts that differ only in spacing or full-width forms, and differs otherwise", () => {
    expect(requirementKey("主機弱點掃描")).toBe(requirementKey(" 主機弱點掃描 "));
    expect(requirementKey("軟體物料清單 (SBOM)")).toBe(requirementKey("軟體物料清單　（SBOM）"));
    expect(requirementKey("主機弱點掃描")).not.toBe(requirementKey("網站弱點掃描"));
    expect(requirementKey("主機弱點掃描")).toMatch(/^r-[0-9a-f]{16}$/);
  });
});

describe.each([
  ["the 112-09-25 table", catalogue],
  ["the newest bundled version", newestBundled()],
])("the reference case on %s", (_name, cat) => {
  const r = resolve(cat, cat.obligations, REFERENCE);

  it("has 64 items but 58 requirements: six are under both 開發 and 維運", () => {
    expect(r.items).toHaveLength(64);
    expect(r.requirements).toHaveLength(58);
    const doubled = r.requirements.filter((row) => row.itemIds.length > 1).map((row) => row.itemIds);
    expect(doubled).toEqual(
      ["no-prc-vendor", "sbom", "host-vuln-scan", "web-vuln-scan", "pentest", "health-check"].map((slug) => [`development.${slug}`, `maintenance.${slug}`]),
    );
    expect(r.requirements.flatMap((row) => row.itemIds).sort()).toEqual(r.items.map((i) => i.id).sort());
  });

  it("the PRC-vendor row is standard (● under 開發 outranks ◎ under 維運), so it is not decided", () => {
    const byId = new Map(r.items.map((i) => [i.id, i]));
    expect(byId.get("maintenance.no-prc-vendor")!.status).toBe("optional");
    const row = r.requirements.find((x) => x.itemIds.includes("maintenance.no-prc-vendor"))!;
    expect(row.status).toBe("standard");
    expect(row.mark).toBe("●");
    expect(row.serviceTypes).toEqual(["development", "maintenance"]);
    expect(row.recommendation).toBeNull();
  });

  it("each item names its twins in sameAs", () => {
    const byId = new Map(r.items.map((i) => [i.id, i]));
    expect(byId.get("development.sbom")!.sameAs).toEqual(["maintenance.sbom"]);
    expect(byId.get("maintenance.sbom")!.sameAs).toEqual(["development.sbom"]);
    expect(byId.get("development.source-code-review")!.sameAs).toEqual([]);
  });
});

describe("groupRequirements", () => {
  const item = (id: string, text: string, status: TResolvedItem["status"], mark: TResolvedItem["mark"] = "◎") => ({
    id,
    serviceType: id.split(".")[0] as TResolvedItem["serviceType"],
    category: `cat-${id}`,
    text,
    status,
    mark,
  });

  it("takes the strongest copy's status: standard > ▲ required > needs-decision > optional > not-applicable", () => {
    const order = [
      item("a.x", "t", "not-applicable"),
      item("b.x", "t", "optional"),
      item("c.x", "t", "needs-decision", "▲"),
      item("d.x", "t", "standard", "▲"),
      item("e.x", "t", "standard", "●"),
    ];
    for (let n = 1; n <= order.length; n++) {
      const [group] = groupRequirements(order.slice(0, n));
      expect(group!.top.id).toBe(order[n - 1]!.id);
      expect(strength(group!.top)).toBe(n - 1);
    }
    const [group] = groupRequirements([...order].reverse());
    expect(group!.category).toBe("cat-e.x");
    expect(group!.itemIds).toEqual(["e.x", "d.x", "c.x", "b.x", "a.x"]);
  });

  it("keeps first-seen order of groups and compares the text textOf gives", () => {
    const items = [item("development.a", "甲 ___級", "optional"), item("development.b", "乙", "optional"), item("maintenance.a", "甲 中級", "optional")];
    expect(groupRequirements(items).map((g) => g.itemIds)).toEqual([["development.a"], ["development.b"], ["maintenance.a"]]);
    const filled = groupRequirements(items, (i) => i.text.replace("___", "中"));
    expect(filled.map((g) => g.itemIds)).toEqual([["development.a", "maintenance.a"], ["development.b"]]);
    expect(sameAsOf(filled).get("maintenance.a")).toEqual(["development.a"]);
  });
});
