import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDb } from "@/lib/db/client";
import type { TActor } from "@/lib/auth/roles";
import { createCase, getCase, saveAnswers } from "@/lib/cases/store";
import { saveDecision } from "@/lib/cases/decisions";
import { loadChecklist } from "@/lib/cases/load";
import { decideCase, reviewItem, reviseCase, submitCase } from "@/lib/cases/workflow-ops";
import { approvalProblems } from "@/lib/workflow/review-groups";
import { exportCase } from "@/lib/cases/export-case";
import { loadClauseParameters, setClauseParameters } from "@/lib/cases/set-clause-parameters";
import { AdminError, setClauseDefaults } from "@/lib/admin";
import { CaseError } from "@/lib/cases/errors";
import { freshDb } from "../helpers/db";
import { createAgencyWithUsers } from "../helpers/people";
import { readDocx, textOf } from "../unit/export/helpers/docx";

// Issue 5: "The general clauses are a library with parameters and defaults …; the officer may change a
// parameter per case and an admin may set agency defaults." Defaults ← agency ← case, then into the DOCX.

const ANSWERS = {
  agency: { agencyName: "參數測試市政府", officerName: "王小明", responsibilityLevel: "B", sector: "government", mailServer: "yes" },
  case: { caseName: "條款參數測試案", caseNumber: "PARAM-115-001", contractValue: "9,999,999", serviceTypes: ["development"] },
  grade: { mode: "direct", grade: "medium", aspects: { confidentiality: "", integrity: "", availability: "", legalCompliance: "" } },
  facts: { personalData: "no", coreSystem: "no", cii: "no", externalService: "yes", mobileApp: "no", riskLevel: "高" },
} as const;

type TPeople = Awaited<ReturnType<typeof createAgencyWithUsers>>;

describe("clause parameters: library defaults ← agency defaults ← case values", () => {
  let db: TDb;
  let cleanup: () => Promise<void>;
  let a: TPeople;
  let b: TPeople;
  let id: string;

  /** A case of the officer's agency with every step filled and every decision made (草稿, ready to submit). */
  async function filledCase(officer: TActor): Promise<string> {
    const caseId = await createCase(db, officer);
    for (const step of ["case", "grade", "facts"] as const) await saveAnswers(db, caseId, step, ANSWERS[step], officer);
    const { checklist } = await loadChecklist(db, (await getCase(db, caseId))!);
    if (!checklist.ok) throw new Error("the fixture's answers do not resolve");
    for (const item of checklist.items) {
      if (item.decisionKind === "choice") await saveDecision(db, caseId, item, { choice: "include", reason: "測試：納入" }, officer);
      if (item.decisionKind === "placement") await saveDecision(db, caseId, item, { choice: "this-case" }, officer);
    }
    return caseId;
  }

  async function exportedText(caseId: string, kind: "annex" | "clauses" = "annex"): Promise<string> {
    const { bytes } = await exportCase(db, (await getCase(db, caseId))!, kind);
    return textOf(readDocx(bytes).document);
  }

  const audits = (action: string, targetId: string) => db.auditEntry.findMany({ where: { action, targetId }, orderBy: { at: "asc" } });

  beforeAll(async () => {
    ({ db, cleanup } = await freshDb());
    a = await createAgencyWithUsers(db, "參數測試市政府");
    b = await createAgencyWithUsers(db, "他機關");
    id = await filledCase(a.officer);
  }, 60_000);
  afterAll(() => cleanup());

  it("exports the library's defaults when nobody changed anything", async () => {
    const text = await exportedText(id);
    expect(text).toContain("均應於知悉後1小時內通報機關");
    expect(text).toContain("應於接獲通知時起8小時內到達機關指定地點");
  });

  it("an admin sets agency defaults; blank fields inherit; the change is audited before → after", async () => {
    const r = await setClauseDefaults(db, a.admin, { incidentNoticeHours: "4", onSiteHours: "６", vulnFixDays: "" });
    expect(r).toEqual({ changed: true, clauseDefaults: { incidentNoticeHours: 4, onSiteHours: 6 } });
    const row = await db.agency.findUniqueOrThrow({ where: { id: a.agencyId } });
    expect(JSON.parse(row.clauseDefaults)).toEqual({ incidentNoticeHours: 4, onSiteHours: 6 });
    // Saving the same again changes nothing and writes no second entry.
    expect((await setClauseDefaults(db, a.admin, { incidentNoticeHours: 4, onSiteHours: 6 })).changed).toBe(false);
    const entries = await audits("agency.clause-defaults", a.agencyId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ agencyId: a.agencyId, actorId: a.admin.id, targetType: "agency" });
    expect(JSON.parse(entries[0]!.before!)).toEqual({ clauseDefaults: {} });
    expect(JSON.parse(entries[0]!.after!)).toEqual({ clauseDefaults: { incidentNoticeHours: 4, onSiteHours: 6 } });

    const { resolved } = await loadClauseParameters(db, id);
    expect(resolved.ok && resolved.parameters.values).toMatchObject({ incidentNoticeHours: 4, onSiteHours: 6, vulnFixDays: 14 });
    expect(resolved.ok && resolved.parameters.from).toMatchObject({ incidentNoticeHours: "agency", onSiteHours: "agency", vulnFixDays: "default" });
    // The other agency keeps the library's defaults.
    expect(JSON.parse((await db.agency.findUniqueOrThrow({ where: { id: b.agencyId } })).clauseDefaults)).toEqual({});
  });

  it("the officer overrides one parameter for the case, and the export carries case ← agency ← default", async () => {
    const before = (await db.case.findUniqueOrThrow({ where: { id } })).lockVersion;
    const r = await setClauseParameters(db, id, { incidentNoticeHours: "3", onSiteHours: "" }, a.officer);
    expect(r.changed).toBe(true);
    expect(r.clauseParameters).toEqual({ incidentNoticeHours: 3 });
    expect(r.resolved.ok && r.resolved.parameters.from).toMatchObject({ incidentNoticeHours: "case", onSiteHours: "agency", vulnFixDays: "default" });
    const row = await db.case.findUniqueOrThrow({ where: { id } });
    expect(JSON.parse(row.clauseParameters)).toEqual({ incidentNoticeHours: 3 });
    expect(row.lockVersion).toBe(before + 1);

    const entries = await audits("case.clause-parameters", id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ agencyId: a.agencyId, actorId: a.officer.id, targetType: "case" });
    expect(JSON.parse(entries[0]!.before!)).toEqual({ clauseParameters: {} });
    expect(JSON.parse(entries[0]!.after!)).toEqual({ clauseParameters: { incidentNoticeHours: 3 } });

    for (const kind of ["annex", "clauses"] as const) {
      const text = await exportedText(id, kind);
      // 資安事件通報與緊急應變處理: the case's 3 hours, not the agency's 4 nor the library's 1.
      expect(text).toContain("均應於知悉後3小時內通報機關");
      expect(text).not.toContain("均應於知悉後4小時內通報機關");
      expect(text).not.toContain("均應於知悉後1小時內通報機關");
      // On site: the agency's 6 hours; vulnerabilities: the library's 14 days.
      expect(text).toContain("應於接獲通知時起6小時內到達機關指定地點");
    }
  });

  it("refuses bad values at the parameter, with zh-TW messages, and keeps what was stored", async () => {
    const bad = { incidentNoticeHours: "48", onSiteHours: "abc", logRetentionMonths: 3, noSuchKey: 1 };
    const caseError = await setClauseParameters(db, id, bad, a.officer).catch((e: unknown) => e);
    expect(caseError).toBeInstanceOf(CaseError);
    const byPath = Object.fromEntries((caseError as CaseError).issues.map((i) => [i.path, i.message]));
    expect(byPath.incidentNoticeHours).toMatch(/廠商知悉資安事件後通報機關之時限」須介於 1～24 小時/);
    expect(byPath.onSiteHours).toMatch(/須為整數/);
    expect(byPath.logRetentionMonths).toMatch(/須介於 6～120/);
    expect(byPath.noSuchKey).toMatch(/未知的參數/);
    expect(await setClauseParameters(db, id, [1, 2], a.officer).catch((e: unknown) => e)).toMatchObject({ code: "invalid", issues: [{ path: "" }] });

    const adminError = await setClauseDefaults(db, a.admin, { majorRecoveryHours: 37, vulnFixDays: "1.5" }).catch((e: unknown) => e);
    expect(adminError).toBeInstanceOf(AdminError);
    expect((adminError as AdminError).code).toBe("invalid");
    expect((adminError as AdminError).issues.map((i) => i.path).sort()).toEqual(["majorRecoveryHours", "vulnFixDays"]);

    expect(JSON.parse((await db.case.findUniqueOrThrow({ where: { id } })).clauseParameters)).toEqual({ incidentNoticeHours: 3 });
    expect(JSON.parse((await db.agency.findUniqueOrThrow({ where: { id: a.agencyId } })).clauseDefaults)).toEqual({ incidentNoticeHours: 4, onSiteHours: 6 });
    expect(await audits("case.clause-parameters", id)).toHaveLength(1);
    expect(await audits("agency.clause-defaults", a.agencyId)).toHaveLength(1);
  });

  it("refuses another agency, and anyone but an officer (or an admin, for the defaults)", async () => {
    await expect(setClauseParameters(db, id, { incidentNoticeHours: 2 }, b.officer)).rejects.toMatchObject({ code: "not-found" });
    await expect(setClauseParameters(db, id, { incidentNoticeHours: 2 }, a.ciso)).rejects.toMatchObject({ code: "invalid" });
    await expect(setClauseParameters(db, id, { incidentNoticeHours: 2 }, a.admin)).rejects.toMatchObject({ code: "invalid" });
    await expect(setClauseDefaults(db, a.officer, { incidentNoticeHours: 2 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(setClauseDefaults(db, a.ciso, { incidentNoticeHours: 2 })).rejects.toMatchObject({ code: "forbidden" });
    // An admin of agency B sets B's defaults only.
    await setClauseDefaults(db, b.admin, { incidentNoticeHours: 2 });
    expect(JSON.parse((await db.agency.findUniqueOrThrow({ where: { id: a.agencyId } })).clauseDefaults)).toEqual({ incidentNoticeHours: 4, onSiteHours: 6 });
    expect(JSON.parse((await db.case.findUniqueOrThrow({ where: { id } })).clauseParameters)).toEqual({ incidentNoticeHours: 3 });
    expect(await audits("case.clause-parameters", id)).toHaveLength(1);
  });

  it("refuses a submitted or approved (locked) case; a new revision copies the case's parameters", async () => {
    const caseId = await filledCase(a.officer);
    await setClauseParameters(db, caseId, { vulnFixDays: 7 }, a.officer);
    const checklist = async () => {
      const { checklist: c } = await loadChecklist(db, (await getCase(db, caseId))!);
      if (!c.ok) throw new Error("does not resolve");
      return c;
    };
    await submitCase(db, caseId, a.officer);
    await expect(setClauseParameters(db, caseId, { vulnFixDays: 10 }, a.officer)).rejects.toMatchObject({
      code: "invalid",
      message: expect.stringMatching(/已送審/),
    });

    for (const p of approvalProblems(await checklist(), []))
      if (p.kind === "item") await reviewItem(db, caseId, { itemId: p.itemId, verdict: "accept-risk", comment: "測試：接受風險" }, a.ciso);
    await decideCase(db, caseId, "approve", "", a.ciso);
    await expect(setClauseParameters(db, caseId, { vulnFixDays: 10 }, a.officer)).rejects.toMatchObject({
      code: "invalid",
      message: expect.stringMatching(/已鎖定/),
    });
    // Approval folds the agency's defaults of that moment into the case: the approved document no longer moves.
    const approved = { incidentNoticeHours: 4, onSiteHours: 6, vulnFixDays: 7 };
    expect(JSON.parse((await db.case.findUniqueOrThrow({ where: { id: caseId } })).clauseParameters)).toEqual(approved);
    await setClauseDefaults(db, a.admin, { incidentNoticeHours: "2", onSiteHours: "6" });
    expect(await exportedText(caseId)).toContain("均應於知悉後4小時內通報機關");

    const next = await reviseCase(db, caseId, a.officer);
    expect(JSON.parse((await db.case.findUniqueOrThrow({ where: { id: next } })).clauseParameters)).toEqual(approved);
    // The new revision is a draft: editable again, without touching the approved one.
    await setClauseParameters(db, next, { vulnFixDays: 10 }, a.officer);
    expect(JSON.parse((await db.case.findUniqueOrThrow({ where: { id: caseId } })).clauseParameters)).toEqual(approved);
  }, 60_000);
});
