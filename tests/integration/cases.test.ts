import { NEWEST_VERSION } from "../helpers/catalogue";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDb } from "@/lib/db/client";
import { createCase, getCase, getCaseFor, saveAnswers, markStatusesSeen } from "@/lib/cases/store";
import { saveDecision } from "@/lib/cases/decisions";
import { loadChecklist } from "@/lib/cases/load";
import { statusesOf } from "@/lib/cases/checklist";
import { CaseError } from "@/lib/cases/errors";
import { freshDb } from "../helpers/db";
import { createAgencyWithUsers } from "../helpers/people";
import type { TActor } from "@/lib/auth/roles";

const kase = { caseName: "市民服務平台開發案", caseNumber: "SEC-115-001", contractValue: "9,999,999", serviceTypes: ["development"] };
const facts = { personalData: "no", coreSystem: "no", cii: "no", externalService: "yes", mobileApp: "no", riskLevel: "高" };

describe("a case from wizard answers to a checklist with decisions", () => {
  let db: TDb;
  let cleanup: () => Promise<void>;
  let id: string;
  let officer: TActor;
  let other: TActor;
  beforeAll(async () => {
    ({ db, cleanup } = await freshDb());
    ({ officer } = await createAgencyWithUsers(db, "測試市政府"));
    ({ officer: other } = await createAgencyWithUsers(db, "他機關"));
    id = await createCase(db, officer);
  });
  afterAll(() => cleanup());

  const checklist = async () => {
    const { checklist } = await loadChecklist(db, (await getCase(db, id))!);
    return checklist;
  };

  it("is pinned to the newest published catalogue and starts empty", async () => {
    const record = (await getCase(db, id))!;
    expect(record.catalogueVersionId).toBe(NEWEST_VERSION);
    // The agency facts come from the agency's profile and the officer's account, not from the officer.
    expect(record.agencySnapshot).toMatchObject({ agencyName: "測試市政府", officerName: "王小明", responsibilityLevel: "B", mailServer: true });
    const c = await checklist();
    expect(c.ok).toBe(false);
  });

  it("is invisible and closed to another agency", async () => {
    expect(await getCaseFor(db, id, other)).toBeNull();
    await expect(saveAnswers(db, id, "case", kase, other)).rejects.toMatchObject({ code: "not-found" });
    expect((await getCase(db, id))!.answers.case.caseName).toBe("");
  });

  it("keeps partial, even invalid, answers exactly as typed", async () => {
    await saveAnswers(db, id, "case", { ...kase, contractValue: "十二萬" }, officer);
    expect((await getCase(db, id))!.answers.case.contractValue).toBe("十二萬");
    const c = await checklist();
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.issues.map((i) => `${i.step}.${i.path}`)).toEqual(expect.arrayContaining(["case.contractValue", "facts.personalData"]));
  });

  it("refuses malformed saves with field paths and keeps the stored answers", async () => {
    const error = await saveAnswers(db, id, "grade", { mode: "direct", grade: "Z" }, officer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CaseError);
    expect((error as CaseError).issues[0]!.path).toBe("grade");
    await expect(saveAnswers(db, id, "case", { ...kase, caseName: "x".repeat(5000) }, officer)).rejects.toBeInstanceOf(CaseError);
    expect((await getCase(db, id))!.answers.case.contractValue).toBe("十二萬");
  });

  it("resolves once every step is complete; the title follows the case name", async () => {
    await saveAnswers(db, id, "case", kase, officer);
    await saveAnswers(
      db,
      id,
      "grade",
      { mode: "direct", grade: "medium", aspects: { confidentiality: "", integrity: "", availability: "", legalCompliance: "" } },
      officer,
    );
    await saveAnswers(db, id, "facts", facts, officer);
    expect((await getCase(db, id))!.title).toBe("市民服務平台開發案");
    const c = await checklist();
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(c.items).toHaveLength(57);
    const review = c.items.find((i) => i.id === "development.source-code-review")!;
    expect(review).toMatchObject({ status: "optional", decisionKind: "choice", thirdPartyTesting: false });
    // Placeholders filled from the grade.
    expect(c.items.find((i) => i.id === "development.access-control-baseline")!.filledText).toContain("本系統為中級，需符合中級系統");
    // ▲ required at B (SOC) asks where it is done.
    expect(c.items.find((i) => i.id === "development.soc")).toMatchObject({ status: "standard", decisionKind: "placement" });
    expect(c.undecided.length).toBeGreaterThan(0);
    await markStatusesSeen(db, id, statusesOf(c.items));
  });

  it("records decisions with who and when, refusing incomplete ones", async () => {
    const c = await checklist();
    if (!c.ok) throw new Error("expected a checklist");
    const review = c.items.find((i) => i.id === "development.source-code-review")!;
    await expect(saveDecision(db, id, review, { choice: "include", reason: " " }, officer)).rejects.toMatchObject({
      issues: [{ path: "reason", message: "請說明理由" }],
    });
    const when = new Date("2026-11-25T08:00:00Z");
    await saveDecision(db, id, review, { choice: "include", reason: "對外服務系統，需原始碼檢測" }, officer, when);
    const soc = c.items.find((i) => i.id === "development.soc")!;
    await expect(saveDecision(db, id, soc, { choice: "other-procurement" }, officer)).rejects.toMatchObject({
      issues: [{ path: "reference", message: "請填寫納入辦理之他案名稱或案號" }],
    });
    await saveDecision(db, id, soc, { choice: "other-procurement", reference: "115年度資安監控服務案" }, officer, when);
    const standard = c.items.find((i) => i.status === "standard" && i.mark === "●")!;
    await expect(saveDecision(db, id, standard, { choice: "include", reason: "x" }, officer)).rejects.toMatchObject({ reason: "not-applicable" });

    const after = await checklist();
    if (!after.ok) throw new Error("expected a checklist");
    expect(after.items.find((i) => i.id === "development.source-code-review")!.decision).toMatchObject({
      choice: "include",
      decidedBy: "王小明",
      decidedAt: when,
    });
    expect(after.items.find((i) => i.id === "development.soc")!.decision).toMatchObject({ reference: "115年度資安監控服務案" });
  });

  it("re-resolves when facts change, keeps decisions that still apply and tells what changed", async () => {
    // Raise to 高: source code review (●◎◎) becomes standard, so its ◎ decision no longer applies.
    await saveAnswers(
      db,
      id,
      "grade",
      { mode: "direct", grade: "high", aspects: { confidentiality: "", integrity: "", availability: "", legalCompliance: "" } },
      officer,
    );
    const c = await checklist();
    if (!c.ok) throw new Error("expected a checklist");
    expect(c.items.find((i) => i.id === "development.source-code-review")).toMatchObject({ status: "standard", decision: null });
    expect(c.staleDecisions.map((d) => d.itemId)).toEqual(["development.source-code-review"]);
    expect(c.items.find((i) => i.id === "development.soc")!.decision).toMatchObject({ choice: "other-procurement" });
    expect(c.changes).toContainEqual(expect.objectContaining({ id: "development.source-code-review", from: "optional", to: "standard" }));
    // 高 is a core system: the testing items carry the third-party flag.
    expect(c.items.find((i) => i.id === "development.source-code-review")!.thirdPartyTesting).toBe(true);
  });

  it("NT$10,000,000 on a non-core case flags third-party testing; NT$9,999,999 does not", async () => {
    await saveAnswers(
      db,
      id,
      "grade",
      { mode: "direct", grade: "medium", aspects: { confidentiality: "", integrity: "", availability: "", legalCompliance: "" } },
      officer,
    );
    const below = await checklist();
    await saveAnswers(db, id, "case", { ...kase, contractValue: "10,000,000" }, officer);
    const at = await checklist();
    if (!below.ok || !at.ok) throw new Error("expected checklists");
    expect(below.resolution.agencyObligations).toEqual([]);
    expect(at.resolution.agencyObligations).toHaveLength(1);
    expect(at.items.find((i) => i.id === "development.source-code-review")!.thirdPartyTesting).toBe(true);
  });
});
