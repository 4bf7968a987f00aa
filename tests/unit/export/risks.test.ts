import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { buildExportModel } from "../../../lib/export/model/build";
import { renderDocx } from "../../../lib/export/docx/render";
import { readDocx, readingText, textOf } from "./helpers/docx";
import { allDecided, exportInput, REALISTIC, REALISTIC_DECISIONS } from "./helpers/cases";

// Issue 14/15: the accepted risks and the officer's 專案管理需求 exclusions reach the documents: the risks
// only the agency's internal record (the annex and the contract go to bidders), the exclusions by leaving
// the item out of every document.
const APPROVAL = { approvedBy: "資安長 林小華", approvedAt: new Date("2026-11-20T03:00:00Z") };
const base = () => exportInput({ decisions: allDecided(REALISTIC, REALISTIC_DECISIONS), approval: APPROVAL });
const SSDLC_RISK = {
  itemId: "development.ssdlc",
  acceptedBy: "資安長 林小華",
  acceptedAt: new Date("2026-11-19T02:00:00Z"),
  comment: "開發團隊尚無 SSDLC 經驗，接受風險，於驗收前由機關另行檢核",
};
const withRisks = (extra: object = {}) => buildExportModel({ ...base(), acceptedRisks: [SSDLC_RISK], ...extra });

describe("accepted risks", () => {
  it("state the requirement, where it went, why (the note and the officer's reason), who accepted it and when", () => {
    const [risk, ...rest] = withRisks().risks;
    expect(rest).toEqual([]);
    expect(risk).toMatchObject({
      id: "development.ssdlc",
      types: "應用軟體或系統開發服務",
      placement: "納入本案",
      reason: "核心開發流程需要",
      comment: SSDLC_RISK.comment,
      acceptedBy: "資安長 林小華",
      acceptedOn: "中華民國115年11月19日",
      reviewOn: null,
    });
    expect(risk!.text.length).toBeGreaterThan(5);
  });

  it("print a review date when the acceptance has one, and 未訂 when not", async () => {
    const dated = buildExportModel({ ...base(), acceptedRisks: [{ ...SSDLC_RISK, reviewBy: new Date("2027-06-30T00:00:00Z") }] });
    expect(textOf(readDocx(await renderDocx(dated, "risks")).document)).toMatch(/複審日期\n中華民國116年6月30日/);
    expect(textOf(readDocx(await renderDocx(withRisks(), "risks")).document)).toMatch(/複審日期\n未訂/);
  });

  it("fill the risk-level blank as the annex does, and say why a 標配 item has no officer's reason", async () => {
    const saas = { serviceTypes: ["saas-customization"], grade: "normal", responsibilityLevel: "C", contractValue: 800_000, conditions: {} } as const;
    const input = exportInput({
      case: { ...saas, serviceTypes: [...saas.serviceTypes] },
      decisions: allDecided({ ...saas, serviceTypes: [...saas.serviceTypes] }),
      riskLevel: "高",
      approval: APPROVAL,
    });
    const model = buildExportModel({ ...input, acceptedRisks: [{ ...SSDLC_RISK, itemId: "saas-customization.supplier-product-security" }] });
    const [risk] = model.risks;
    expect(risk!.text).toContain("未含高等級風險之掃描報告");
    expect(risk!.note).toContain("未含高等級風險之掃描報告");
    expect(risk!.reason).toBe("標配項目，承辦人無須決定");
    const text = textOf(readDocx(await renderDocx(model, "risks")).document);
    expect(text).not.toMatch(/_{3,}|（未填）/);
  });

  it("say nothing of an id no longer on the checklist", () => {
    expect(buildExportModel({ ...base(), acceptedRisks: [{ ...SSDLC_RISK, itemId: "development.gone" }] }).risks).toEqual([]);
  });

  it("leave the documents that go to bidders byte for byte as they were", async () => {
    // The package's own timestamps come from the clock.
    vi.useFakeTimers({ now: new Date("2026-12-01T03:00:00Z"), toFake: ["Date"] });
    for (const kind of ["annex", "clauses", "checklist"] as const)
      expect(Buffer.from(await renderDocx(withRisks(), kind)).equals(Buffer.from(await renderDocx(buildExportModel(base()), kind))), kind).toBe(true);
    vi.useRealTimers();
  });
});

describe("專案管理需求 the officer left out", () => {
  const excluded = () => withRisks({ projectExclusions: [{ itemId: "pm.3", reason: "沿用機關既有開發測試環境" }] });

  it("drop from the model's list and every document, and are listed with the reason in the internal record", async () => {
    const m = excluded();
    const title = buildExportModel(base()).projectManagement!.items.find((i) => i.no === 3)!.title;
    expect(m.projectManagement!.items.map((i) => i.no)).not.toContain(3);
    expect(m.projectManagement!.excluded).toEqual([{ no: 3, title, reason: "沿用機關既有開發測試環境" }]);
    for (const kind of ["annex", "clauses", "checklist"] as const) expect(textOf(readDocx(await renderDocx(m, kind)).document), kind).not.toContain(title);
    expect(textOf(readDocx(await renderDocx(m, "risks")).document)).toContain(`${title}（參考內容項次 3）：沿用機關既有開發測試環境`);
  });

  it("an exclusion of an item that does not apply to the case says nothing", () => {
    const m = withRisks({ projectExclusions: [{ itemId: "pm.999", reason: "x" }] });
    expect(m.projectManagement!.excluded).toEqual([]);
    expect(m.projectManagement!.items).toEqual(buildExportModel(base()).projectManagement!.items);
  });

  it("golden text of the internal record", async () => {
    const text = readingText(readDocx(await renderDocx(excluded(), "risks")));
    await expect(text).toMatchFileSnapshot(path.join(import.meta.dirname, "golden", "dev-maint-final.risks.txt"));
  });
});
