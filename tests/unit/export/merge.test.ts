import { describe, expect, it } from "vitest";
import { mergeItems, stricter, strength } from "../../../lib/export/model/merge";
import { ExportError, type TExportItem, type TExportModel } from "../../../lib/export/model/types";
import { toHttpError } from "../../../lib/http/errors";
import { refusal } from "../../../lib/cli/io";
import { renderDocx, type TDocKind } from "../../../lib/export/docx/render";
import { paragraphs, readDocx } from "./helpers/docx";
import { allDecided, model, REALISTIC, REALISTIC_DECISIONS } from "./helpers/cases";

const item = (over: Partial<TExportItem>): TExportItem => ({
  id: "development.x",
  serviceType: "development",
  category: "資安檢測",
  text: "滲透測試掃描",
  mark: "▲",
  status: "optional",
  thirdPartyTesting: false,
  frequency: null,
  decisionKind: "choice",
  decision: null,
  ...over,
});
const merge = (items: TExportItem[]) =>
  mergeItems(
    items,
    (i) => i.text,
    (t) => (t === "development" ? "開發" : "維運"),
  );
const requirementTexts = (m: TExportModel) => m.technical.groups.flatMap((g) => g.items.map((i) => i.text));

describe("mergeItems: one row per requirement of the contract", () => {
  it("orders statuses standard ● > required ▲ > needs-decision > optional > not applicable", () => {
    const s = (status: TExportItem["status"], mark: TExportItem["mark"] = "◎") => strength({ status, mark });
    expect([s("standard", "●"), s("standard", "▲"), s("needs-decision"), s("optional"), s("not-applicable")]).toEqual([4, 3, 2, 1, 0]);
  });

  it("the strongest copy wins: ● in 開發 and undecided ◎ in 維運 is one included requirement", () => {
    const { rows, conflicts } = merge([
      item({ id: "development.no-prc", text: "不得為大陸地區廠商", mark: "●", status: "standard", decisionKind: null }),
      item({ id: "maintenance.no-prc", serviceType: "maintenance", text: "不得為大陸地區廠商", mark: "◎" }),
    ]);
    expect(conflicts).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.placement).toBe("included");
    expect(rows[0]!.item.id).toBe("development.no-prc");
    expect(rows[0]!.serviceTypes).toEqual(["development", "maintenance"]);
  });

  it("a decision for one type covers an unanswered copy; two different decisions are a conflict naming both", () => {
    const one = merge([item({ decision: { choice: "include" } }), item({ id: "maintenance.x", serviceType: "maintenance" })]);
    expect(one.rows[0]!.placement).toBe("included");
    const two = merge([item({ decision: { choice: "include" } }), item({ id: "maintenance.x", serviceType: "maintenance", decision: { choice: "exclude" } })]);
    expect(two.rows).toEqual([]);
    expect(two.conflicts).toEqual([{ text: "滲透測試掃描", ids: ["development.x", "maintenance.x"], detail: "開發：納入本案；維運：不納入本案" }]);
  });

  it("a ▲ placed in two different other procurements is a conflict", () => {
    const placed = (id: string, reference: string) =>
      item({
        id,
        serviceType: id.startsWith("dev") ? "development" : "maintenance",
        status: "standard",
        decisionKind: "placement",
        decision: { choice: "other-procurement", reference },
      });
    expect(merge([placed("development.x", "甲案"), placed("maintenance.x", "甲案")]).rows[0]!.placement).toBe("elsewhere");
    expect(merge([placed("development.x", "甲案"), placed("maintenance.x", "乙案")]).conflicts).toHaveLength(1);
  });

  it("different frequencies: the stricter applies, and the row says they differed", () => {
    const f = (id: string, frequency: string) =>
      item({ id, serviceType: id.startsWith("dev") ? "development" : "maintenance", status: "standard", frequency, decisionKind: "placement" });
    const row = merge([f("development.x", "每2年1次"), f("maintenance.x", "每年1次")]).rows[0]!;
    expect([row.frequency, row.frequencyDiffers]).toEqual(["每年1次", true]);
    expect(stricter("全部核心資通系統每年1次", "全部核心資通系統每年2次")).toBe("全部核心資通系統每年2次");
    expect(stricter("初次受核定或等級變更後2年內完成導入", "初次受核定或等級變更後1年內完成導入")).toBe("初次受核定或等級變更後1年內完成導入");
    expect(stricter("每2年1次", "每2年1次")).toBe("每2年1次");
  });
});

describe("the 開發 + 維運 reference case lists each requirement once", () => {
  const m = model();
  const SHARED = ["不得為大陸地區廠商或第三地區含陸資成分廠商", "資安健診"];

  it("in the model: no text twice, the shared ones once, ● over ◎ for the PRC-vendor rule", () => {
    const texts = requirementTexts(m);
    expect(new Set(texts).size).toBe(texts.length);
    for (const t of SHARED) expect(texts.filter((x) => x === t)).toHaveLength(1);
    expect(texts.filter((t) => t.startsWith("於更新程式時提供軟體物料清單"))).toHaveLength(1);
    const health = m.technical.groups.flatMap((g) => g.items).find((i) => i.text === "資安健診")!;
    expect(health.ids).toEqual(["development.health-check", "maintenance.health-check"]);
    expect(health.frequency).toBe("每2年1次");
    // 維運's own category says where it comes from.
    expect(m.technical.groups.find((g) => g.name === "符合機關資安政策")?.types).toBe("維運");
  });

  it.each(["annex", "clauses", "checklist"] as TDocKind[])("in the %s (its requirements; the pricing summary may name it again)", async (kind) => {
    const doc = paragraphs(readDocx(await renderDocx(m, kind)).document);
    const end = doc.findLastIndex((p) => p.startsWith("資安經費編列提示"));
    const all = end < 0 ? doc : doc.slice(0, end);
    for (const t of SHARED) expect(all.filter((p) => p.replace(/\t/g, "").startsWith(t))).toHaveLength(1);
    expect(all.filter((p) => p.includes("於更新程式時提供軟體物料清單"))).toHaveLength(1);
  });

  it("per-type decisions that contradict each other refuse the export, naming the item in zh-TW", () => {
    const decisions = {
      ...allDecided(REALISTIC, REALISTIC_DECISIONS),
      "development.pentest": { choice: "include" },
      "maintenance.pentest": { choice: "exclude", reason: "不需要" },
    };
    let error: unknown;
    try {
      model({ decisions });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).reason).toBe("conflicting-decisions");
    // A DomainError conflict: 409 on the download route, exit 2 in the CLI.
    expect(toHttpError(error).status).toBe(409);
    expect(refusal(error, { out: () => {}, err: () => {} })).toBe(2);
    expect((error as ExportError).message).toContain("「滲透測試掃描」（應用軟體或系統開發服務：納入本案；應用軟體或系統維運服務：不納入本案）");
    expect((error as ExportError).ids).toEqual(["development.pentest", "maintenance.pentest"]);
  });
});

describe("implied decisions (cli export's defaults) yield to stated ones", () => {
  it("including one type's copy includes the merged row", () => {
    const { rows, conflicts } = merge([
      item({ decision: { choice: "include" } }),
      item({ id: "maintenance.x", serviceType: "maintenance", decision: { choice: "exclude", implied: true } }),
    ]);
    expect(conflicts).toEqual([]);
    expect(rows[0]!.placement).toBe("included");
  });
});

describe("a ● copy outranking a ▲ copy keeps the ▲ frequency", () => {
  it("資安健診 ● (PaaS) + ▲ 每2年1次 (維運) → one row with the frequency", () => {
    const row = merge([
      item({ id: "paas-iaas.health-check", serviceType: "paas-iaas", text: "資安健診", mark: "●", status: "standard", decisionKind: null }),
      item({
        id: "maintenance.health-check",
        serviceType: "maintenance",
        text: "資安健診",
        status: "standard",
        frequency: "每2年1次",
        decisionKind: "placement",
      }),
    ]).rows[0]!;
    expect([row.item.id, row.frequency, row.frequencyDiffers]).toEqual(["paas-iaas.health-check", "每2年1次", false]);
  });
});
