import { readFileSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TDb } from "@/lib/db/client";
import type { TActor } from "@/lib/auth/roles";
import { createAuth } from "@/lib/auth/auth";
import { createUser } from "@/lib/auth/users";
import { AdminError, deactivateUser, setUserRoles } from "@/lib/admin";
import { operatorGrantRole } from "@/lib/admin/operator-grant-role";
import { createAgency, listAgencies, renameAgency, setAgencyActive } from "@/lib/platform";
import { draftsAffectedByProfile, getAgencyProfile, parseCaseProfile, ProfileConflictError, saveAgencyProfile } from "@/lib/agency";
import { caseStartProblem, createCase, getCase, getCaseFor, saveAnswers } from "@/lib/cases/store";
import { saveDecision } from "@/lib/cases/decisions";
import { caseProfile, loadChecklist } from "@/lib/cases/load";
import { decideCase, reviewItem, submitCase } from "@/lib/cases/workflow-ops";
import { exportCase } from "@/lib/cases/export-case";
import { approvalProblems } from "@/lib/workflow/review-groups";
import { freshDb, TEST_DB } from "../helpers/db";
import { createAgencyWithUsers, PASSWORD, TEST_PROFILE } from "../helpers/people";

const FORM = { ...TEST_PROFILE, name: "測試市政府", ciProvider: "no", mailServer: "yes" };

describe("the 平台管理者 and agencies", { timeout: 60_000 }, () => {
  let db: TDb;
  let cleanup: () => Promise<void>;
  let operator: TActor;
  let people: Awaited<ReturnType<typeof createAgencyWithUsers>>;
  let caseId: string;
  beforeAll(async () => {
    ({ db, cleanup } = await freshDb());
    people = await createAgencyWithUsers(db, "測試市政府");
    caseId = await createCase(db, people.officer);
    const home = await createAgencyWithUsers(db, "平台維運縣政府");
    await operatorGrantRole(db, "admin-" + home.agencyId.slice(0, 8) + "@test.secreq.tw", "platform-admin");
    operator = { ...home.admin, roles: ["admin", "platform-admin"] };
  }, 120_000);
  afterAll(() => cleanup());

  it("creates an agency with its first admin (password once, audited); only a 平台管理者 may", async () => {
    const r = await createAgency(db, operator, { name: "新竹縣五峰鄉公所", adminEmail: "admin@wufeng.test" });
    expect(r.initialPassword).toHaveLength(16);
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@wufeng.test" } });
    expect(admin).toMatchObject({ agencyId: r.agencyId, mustChangePassword: true });
    expect(await db.auditEntry.count({ where: { agencyId: r.agencyId, action: "agency.create", actorId: operator.id } })).toBe(1);
    // The new agency has no profile yet: it cannot start a case, and says whom to ask.
    expect(await caseStartProblem(db, r.agencyId)).toMatch(/機關資料尚未填寫完整.*管理者/);
    await expect(createAgency(db, people.admin, { name: "越權機關", adminEmail: "x@x.test" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createAgency(db, operator, { name: "新竹縣五峰鄉公所", adminEmail: "y@wufeng.test" })).rejects.toMatchObject({
      code: "conflict",
      issues: [{ path: "name" }],
    });
    expect(await db.agency.count({ where: { name: "越權機關" } })).toBe(0);
  });

  it("lists agencies with counts only, and cannot read any agency's case", async () => {
    const rows = await listAgencies(db, operator);
    const mine = rows.find((a) => a.id === people.agencyId)!;
    expect(mine).toMatchObject({ name: "測試市政府", active: true, users: 3, cases: 1 });
    expect(Object.keys(mine).sort()).toEqual(["active", "cases", "createdAt", "id", "name", "users"]);
    // Tenancy stays strict: the operator's own agency is not the case's.
    expect(await getCaseFor(db, caseId, operator)).toBeNull();
    await expect(saveAnswers(db, caseId, "facts", { riskLevel: "中" }, operator)).rejects.toMatchObject({ code: "not-found" });
  });

  it("renames an agency (audited); a duplicate name is refused at the field", async () => {
    const other = await createAgency(db, operator, { name: "改名前鄉公所", adminEmail: "admin@rename.test" });
    expect(await renameAgency(db, operator, other.agencyId, "改名後鄉公所")).toEqual({ changed: true });
    expect((await db.agency.findUniqueOrThrow({ where: { id: other.agencyId } })).name).toBe("改名後鄉公所");
    expect(await db.auditEntry.count({ where: { targetId: other.agencyId, action: "agency.rename" } })).toBe(1);
    await expect(renameAgency(db, operator, other.agencyId, "測試市政府")).rejects.toMatchObject({ code: "conflict", issues: [{ path: "name" }] });
  });

  it("a deactivated agency's users cannot sign in (sessions end); reactivated, they can; its data is kept", async () => {
    const auth = createAuth(db, {
      secret: "agency-profile-test-secret-agency-profile",
      baseURL: "http://localhost:3000",
      trustedOrigins: ["http://localhost:3000"],
    });
    const email = `officer-${people.agencyId.slice(0, 8)}@test.secreq.tw`;
    // better-auth throws a before-hook's refusal; either way the status is what the browser gets.
    const signIn = async () => {
      try {
        const r = await auth.api.signInEmail({ body: { email, password: PASSWORD }, asResponse: true });
        return { status: r.status, text: await r.text() };
      } catch (e) {
        return { status: (e as { statusCode?: number }).statusCode ?? 0, text: (e as Error).message };
      }
    };
    expect((await signIn()).status).toBe(200);
    expect(await db.session.count({ where: { userId: people.officer.id } })).toBeGreaterThan(0);
    await setAgencyActive(db, operator, people.agencyId, false);
    expect(await db.session.count({ where: { userId: people.officer.id } })).toBe(0);
    const refused = await signIn();
    expect(refused.status).toBe(403);
    expect(refused.text).toContain("您的機關已停用");
    expect(await db.case.count({ where: { agencyId: people.agencyId } })).toBe(1);
    expect(await db.auditEntry.count({ where: { targetId: people.agencyId, action: "agency.deactivate" } })).toBe(1);
    await setAgencyActive(db, operator, people.agencyId, true);
    expect((await signIn()).status).toBe(200);
  });

  it("keeps one active 平台管理者; only a holder grants the role", async () => {
    // An agency admin who is no holder cannot hand it out.
    await expect(setUserRoles(db, people.admin, people.officer.id, ["officer", "platform-admin"])).rejects.toMatchObject({
      code: "invalid",
      message: "只有平台管理者可以授予或移除「平台管理者」角色。",
    });
    // The last holder cannot lose it, be deactivated, or see their agency deactivated.
    const home = await db.user.findUniqueOrThrow({ where: { id: operator.id } });
    const colleague = await createUser(db, {
      agencyId: home.agencyId,
      email: "colleague@platform.test",
      name: "同仁",
      roles: ["admin"],
      password: PASSWORD,
      mustChangePassword: false,
    });
    const colleagueActor = { id: colleague, name: "同仁", agencyId: home.agencyId };
    await expect(setUserRoles(db, colleagueActor, operator.id, ["admin"])).rejects.toMatchObject({
      message: "只有平台管理者可以授予或移除「平台管理者」角色。",
    });
    await expect(deactivateUser(db, colleagueActor, operator.id)).rejects.toMatchObject({ message: "系統至少須保留一位啟用中的平台管理者，不能停用此帳號。" });
    await expect(setAgencyActive(db, operator, home.agencyId, false)).rejects.toBeInstanceOf(AdminError);
    // A holder grants it; then the first may give it up.
    await setUserRoles(db, operator, colleague, ["admin", "platform-admin"]);
    await expect(setUserRoles(db, { id: colleague, name: "同仁", agencyId: home.agencyId }, operator.id, ["admin"])).resolves.toMatchObject({ changed: true });
    await expect(setUserRoles(db, operator, colleague, ["admin"])).rejects.toMatchObject({ message: "只有平台管理者可以授予或移除「平台管理者」角色。" });
  });
});

describe("the agency profile (機關資料)", () => {
  let db: TDb;
  let cleanup: () => Promise<void>;
  let people: Awaited<ReturnType<typeof createAgencyWithUsers>>;
  beforeAll(async () => {
    ({ db, cleanup } = await freshDb());
    people = await createAgencyWithUsers(db, "測試市政府");
  }, 120_000);
  afterAll(() => cleanup());

  it("refuses incomplete or bad values with zh-TW messages at each field, storing nothing", async () => {
    const v = (await getAgencyProfile(db, people.agencyId))!.profileVersion;
    const e = await saveAgencyProfile(db, people.admin, { ...FORM, sector: "cii-provider", levelDate: "2026-02-30", cisoName: " ", agencyKind: "" }, v).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(AdminError);
    const issues = Object.fromEntries((e as AdminError).issues.map((i) => [i.path, i.message]));
    expect(issues).toEqual({
      agencyKind: "請選擇機關性質（公務機關或特定非公務機關）",
      sector: "請選擇機關類別",
      levelDate: "日期格式須為 YYYY-MM-DD，例如 2026-03-15",
      cisoName: "請填寫資安長姓名",
    });
    expect((await getAgencyProfile(db, people.agencyId))!.profileVersion).toBe(v);
    await expect(saveAgencyProfile(db, people.officer, FORM, v)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("saves, audited before and after; a stale save is refused with what is stored now", async () => {
    const v = (await getAgencyProfile(db, people.agencyId))!.profileVersion;
    const first = await saveAgencyProfile(db, people.admin, { ...FORM, cisoTitle: "秘書長" }, v);
    expect(first).toMatchObject({ changed: true, profileVersion: v + 1 });
    const audit = await db.auditEntry.findFirstOrThrow({ where: { agencyId: people.agencyId, action: "agency.profile" }, orderBy: { at: "desc" } });
    expect(JSON.parse(audit.before!)).toMatchObject({ cisoTitle: "副首長" });
    expect(JSON.parse(audit.after!)).toMatchObject({ cisoTitle: "秘書長", mailServer: true });
    // A second admin's form was loaded at version v: refused, nothing overwritten.
    const stale = await saveAgencyProfile(db, people.admin, { ...FORM, cisoTitle: "主任秘書" }, v).catch((x: unknown) => x);
    expect(stale).toBeInstanceOf(ProfileConflictError);
    expect((stale as ProfileConflictError).current.cisoTitle).toBe("秘書長");
    expect((stale as ProfileConflictError).message).toContain("陳管理者");
    expect((await getAgencyProfile(db, people.agencyId))!.profile.cisoTitle).toBe("秘書長");
  });

  it("keeps the ▲ measures bought agency-wide with their contract: versioned, audited, refused at the field when incomplete", async () => {
    const v = (await getAgencyProfile(db, people.agencyId))!.profileVersion;
    const bad = await saveAgencyProfile(db, people.admin, { ...FORM, coveredMeasures: [{ measure: "soc", reference: " " }] }, v).catch((x: unknown) => x);
    expect(bad).toBeInstanceOf(AdminError);
    expect((bad as AdminError).issues).toEqual([{ path: "coveredMeasures.0.reference", message: "請填寫全機關契約之名稱或案號" }]);
    const covered = [{ measure: "soc", reference: "115年度全府資安監控（SOC）服務案 115-A-001" }];
    const saved = await saveAgencyProfile(db, people.admin, { ...FORM, cisoTitle: "秘書長", coveredMeasures: covered }, v);
    expect(saved).toMatchObject({ changed: true, profileVersion: v + 1 });
    expect((await getAgencyProfile(db, people.agencyId))!.profile.coveredMeasures).toEqual(covered);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { agencyId: people.agencyId, action: "agency.profile" }, orderBy: { at: "desc" } });
    expect(JSON.parse(audit.before!).coveredMeasures).toEqual([]);
    expect(JSON.parse(audit.after!).coveredMeasures).toEqual(covered);
    // A stale form is refused here too.
    await expect(saveAgencyProfile(db, people.admin, { ...FORM, cisoTitle: "秘書長", coveredMeasures: [] }, v)).rejects.toBeInstanceOf(ProfileConflictError);
  });
});

describe("a case keeps the profile it was submitted with; a draft follows the profile", () => {
  let db: TDb;
  let cleanup: () => Promise<void>;
  let people: Awaited<ReturnType<typeof createAgencyWithUsers>>;
  let approved: string;
  let draft: string;
  const NOW = new Date("2026-12-01T03:00:00Z");

  const fill = async (id: string) => {
    await saveAnswers(
      db,
      id,
      "case",
      { caseName: `快照測試案-${id.slice(0, 4)}`, caseNumber: "SNAP-115-001", contractValue: "9,999,999", serviceTypes: ["development"] },
      people.officer,
    );
    await saveAnswers(db, id, "grade", { mode: "direct", grade: "medium" }, people.officer);
    await saveAnswers(
      db,
      id,
      "facts",
      { personalData: "no", coreSystem: "no", cii: "no", externalService: "yes", mobileApp: "no", riskLevel: "高" },
      people.officer,
    );
  };
  const checklistOf = async (id: string) => loadChecklist(db, (await getCase(db, id))!);

  beforeAll(async () => {
    ({ db, cleanup } = await freshDb());
    people = await createAgencyWithUsers(db, "快照市政府");
    approved = await createCase(db, people.officer);
    await fill(approved);
    let { checklist } = await checklistOf(approved);
    if (!checklist.ok) throw new Error("does not resolve");
    for (const item of checklist.items) {
      if (item.decisionKind === "choice") await saveDecision(db, approved, item, { choice: "include", reason: "測試" }, people.officer);
      if (item.decisionKind === "placement") await saveDecision(db, approved, item, { choice: "this-case" }, people.officer);
    }
    ({ checklist } = await checklistOf(approved));
    await submitCase(db, approved, people.officer);
    for (const p of approvalProblems(checklist, []))
      if (p.kind === "item") await reviewItem(db, approved, { itemId: p.itemId, verdict: "accept-risk", comment: "測試" }, people.ciso);
    await decideCase(db, approved, "approve", "", people.ciso);
    draft = await createCase(db, people.officer);
    await fill(draft);
  }, 120_000);
  afterAll(() => cleanup());

  it("the officer's name comes from the account, the agency facts from the profile", async () => {
    const record = (await getCase(db, draft))!;
    expect(record.agencySnapshot).toMatchObject({
      officerName: "王小明",
      agencyName: "快照市政府",
      responsibilityLevel: "B",
      agencyKind: "public",
      ciProvider: false,
    });
    expect((await checklistOf(draft)).checklist.ok).toBe(true);
  });

  it("a profile change leaves the approved revision and its DOCX byte for byte; the draft re-resolves and says what changed", async () => {
    const before = await checklistOf(approved);
    // The DOCX package stamps the time it is written; both are written at the same instant.
    vi.useFakeTimers({ now: NOW, toFake: ["Date"] });
    const docBefore = await exportCase(db, (await getCase(db, approved))!, "annex", NOW);
    vi.useRealTimers();
    const draftBefore = await checklistOf(draft);
    const v = (await getAgencyProfile(db, people.agencyId))!.profileVersion;
    await saveAgencyProfile(db, people.admin, { ...FORM, name: "快照市政府（更名）", responsibilityLevel: "A", mailServer: "no" }, v);

    const after = await checklistOf(approved);
    expect(after.profile).toEqual(before.profile);
    expect(JSON.stringify(after.checklist)).toBe(JSON.stringify(before.checklist));
    vi.useFakeTimers({ now: NOW, toFake: ["Date"] });
    const docAfter = await exportCase(db, (await getCase(db, approved))!, "annex", NOW);
    vi.useRealTimers();
    expect(Buffer.compare(Buffer.from(docAfter.bytes), Buffer.from(docBefore.bytes))).toBe(0);
    expect(docAfter.fileName).toBe(docBefore.fileName);

    const draftAfter = await checklistOf(draft);
    expect(draftAfter.profile).toMatchObject({ agencyName: "快照市政府（更名）", responsibilityLevel: "A", mailServer: false, officerName: "王小明" });
    if (!draftBefore.checklist.ok || !draftAfter.checklist.ok) throw new Error("does not resolve");
    const lines = (c: typeof draftAfter.checklist) => (c.ok ? JSON.stringify(c.items.map((i) => [i.id, i.status, i.reasons])) : "");
    expect(lines(draftAfter.checklist)).not.toBe(lines(draftBefore.checklist));
    expect(draftAfter.profileChanges.map((c) => [c.label, c.from, c.to])).toEqual([
      ["機關名稱", "快照市政府", "快照市政府（更名）"],
      ["資通安全責任等級", "B 級", "A 級"],
      ["自行維運郵件伺服器", "是", "否"],
    ]);
    // The admin (and the officer's case list) see which open drafts the change affects: the draft, not the approved case.
    const affected = await draftsAffectedByProfile(db, people.agencyId, (await getAgencyProfile(db, people.agencyId))!.profile);
    expect(affected.map((a) => a.id)).toEqual([draft]);
  });

  it("a ▲ measure the agency buys agency-wide: the draft recommends 另案辦理 with that contract; the approved revision does not change", async () => {
    const approvedBefore = JSON.stringify((await checklistOf(approved)).checklist);
    const v = (await getAgencyProfile(db, people.agencyId))!.profileVersion;
    const reference = "115年度全府端點偵測與回應（EDR）服務案";
    await saveAgencyProfile(
      db,
      people.admin,
      { ...FORM, name: "快照市政府（更名）", responsibilityLevel: "A", mailServer: "no", coveredMeasures: [{ measure: "edr", reference }] },
      v,
    );
    const { checklist, profileChanges } = await checklistOf(draft);
    if (!checklist.ok) throw new Error("does not resolve");
    const edr = checklist.items.find((i) => i.id === "development.edr")!;
    expect(edr.recommendation).toMatchObject({ decision: "other-procurement", reference });
    expect(checklist.items.find((i) => i.id === "development.soc")!.recommendation?.decision).toBe("this-case");
    expect(checklist.requirements).toHaveLength(checklist.items.length);
    expect(profileChanges.map((c) => c.label)).toContain("全機關辦理之 ▲ 事項");
    expect(JSON.stringify((await checklistOf(approved)).checklist)).toBe(approvedBefore);
  });

  it("an incomplete profile blocks new cases, saying why and whom to ask", async () => {
    await db.agency.update({ where: { id: people.agencyId }, data: { responsibilityLevel: "", cisoName: "" } });
    await expect(createCase(db, people.officer)).rejects.toMatchObject({
      reason: "profile-incomplete",
      message: "機關資料尚未填寫完整（資通安全責任等級、資安長姓名），還不能建立案件。請洽機關的管理者至「管理 → 機關資料」補齊。",
    });
    // A draft with a snapshot keeps resolving on it meanwhile (nothing the officer did is lost).
    expect((await caseProfile(db, (await getCase(db, draft))!)).profile).not.toBeNull();
  });
});

describe(`the migration carries the old agency step into the snapshot (${TEST_DB})`, { timeout: 60_000 }, () => {
  it("turns answers.agency into agencySnapshot, readable by parseCaseProfile", async () => {
    const { db, cleanup } = await freshDb();
    try {
      const { agencyId, officer } = await createAgencyWithUsers(db, "遷移市政府");
      const id = randomUUID();
      const answers = {
        agency: { agencyName: "遷移市政府", officerName: "李承辦", responsibilityLevel: "C", sector: "cii-provider", mailServer: "no" },
        case: {},
        grade: {},
        facts: {},
      };
      await db.case.create({
        data: {
          id,
          agencyId,
          createdById: officer.id,
          caseGroupId: id,
          catalogueVersionId: "2023-09-25",
          answers: JSON.stringify(answers),
          status: "approved",
        },
      });
      const dir = TEST_DB === "postgres" ? "prisma/postgres/migrations" : "prisma/migrations";
      const sql = readFileSync(path.resolve(import.meta.dirname, "../..", dir, "20261201232402_agency_profile/migration.sql"), "utf8");
      const update = sql.slice(sql.indexOf('UPDATE "Case"')).replace(/;\s*$/, "");
      await db.$executeRawUnsafe(update);
      const row = await db.case.findUniqueOrThrow({ where: { id } });
      expect(parseCaseProfile(row.agencySnapshot)).toEqual({
        agencyName: "遷移市政府",
        officerName: "李承辦",
        agencyKind: "public",
        ciProvider: true,
        sector: "cii-provider",
        responsibilityLevel: "C",
        mailServer: false,
        // A snapshot from before the agency-wide ▲ contracts covers none.
        coveredMeasures: [],
      });
      // The approved case resolves on its snapshot, whatever the profile says now, and keeps its answers.
      await db.agency.update({ where: { id: agencyId }, data: { responsibilityLevel: "A" } });
      expect((await caseProfile(db, (await getCase(db, id))!)).profile?.responsibilityLevel).toBe("C");
      expect(JSON.parse(row.answers).agency.officerName).toBe("李承辦");
    } finally {
      await cleanup();
    }
  });
});
