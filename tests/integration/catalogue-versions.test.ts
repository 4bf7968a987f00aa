import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDb } from "@/lib/db/client";
import type { TActor } from "@/lib/auth/roles";
import { createUser } from "@/lib/auth/users";
import { createDraft, deleteDraft, editDraft, exportVersion, importVersion, publishDraft } from "@/lib/catalogue/versions";
import { CatalogueError, isImmutableViolation } from "@/lib/catalogue/errors";
import { listVersions, newestPublished, readCatalogue } from "@/lib/catalogue/store";
import { diffCatalogues } from "@/lib/catalogue/diff";
import type { TCatalogueItem } from "@/lib/catalogue/schema";
import { createCase, getCase, saveAnswers } from "@/lib/cases/store";
import { saveDecision } from "@/lib/cases/decisions";
import { caseProfile, loadChecklist, pinnedCatalogue } from "@/lib/cases/load";
import { compareCaseVersions } from "@/lib/cases/compare-version";
import { moveCaseToVersion } from "@/lib/cases/move-to-version";
import { decideCase, reviewItem, submitCase } from "@/lib/cases/workflow-ops";
import { freshDb } from "../helpers/db";
import { createAgencyWithUsers, PASSWORD } from "../helpers/people";
import { BASE_VERSION, NEWEST_VERSION } from "../helpers/catalogue";

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(CatalogueError);
  return e as CatalogueError;
};

describe("catalogue versions: draft → edit → publish, compare, import/export", () => {
  let db: TDb;
  let cleanup: () => Promise<void>;
  let keeper: TActor;
  let admin: TActor;
  let lock = 0;
  const DRAFT = "2026-12-01";

  beforeAll(async () => {
    ({ db, cleanup } = await freshDb());
    const people = await createAgencyWithUsers(db, "數位發展部");
    admin = people.admin;
    const id = await createUser(db, {
      agencyId: people.agencyId,
      email: "keeper@test.secreq.tw",
      name: "周目錄",
      roles: ["catalogue-admin"],
      password: PASSWORD,
      mustChangePassword: false,
    });
    keeper = { id, name: "周目錄", agencyId: people.agencyId, roles: ["catalogue-admin"] };
  });
  afterAll(() => cleanup());

  const item = async (version: string, id: string) => (await readCatalogue(db, version)).serviceTypes.flatMap((t) => t.items).find((i) => i.id === id);

  it("the bundled citation update differs from the authority's table in legal references only", async () => {
    const diff = diffCatalogues(await readCatalogue(db, BASE_VERSION), await readCatalogue(db, NEWEST_VERSION));
    expect(diff.added).toEqual([]);
    expect(diff.retired).toEqual([]);
    expect(diff.changed).toHaveLength(22);
    for (const c of diff.changed) {
      expect(Object.keys(c.fields).sort()).toEqual(expect.arrayContaining(["legalBasis"]));
      expect(Object.keys(c.fields).every((f) => f === "legalBasis" || f === "note")).toBe(true);
    }
    expect(diff.changed.filter((c) => c.fields.note).map((c) => c.id)).toEqual([
      "saas-package.isms-certification",
      "saas-office.isms-certification",
      "development.isms-measures",
      "development.isms-certification",
      "extension.isms-certification",
    ]);
  });

  it("only a 目錄管理者 may start a draft; an agency admin may not", async () => {
    const e = await refusal(createDraft(db, admin, { from: NEWEST_VERSION, version: DRAFT }));
    expect(e.code).toBe("forbidden");
    expect((await listVersions(db)).map((v) => v.id)).not.toContain(DRAFT);
  });

  it("a new version id must sort after the existing ones (it becomes the default when published)", async () => {
    const e = await refusal(createDraft(db, keeper, { from: NEWEST_VERSION, version: "2020-01-01" }));
    expect(e.issues[0]).toMatchObject({ path: "version" });
    expect(e.issues[0]!.message).toContain(NEWEST_VERSION);
  });

  it("starts a draft from a published version, with the same content", async () => {
    await createDraft(db, keeper, { from: NEWEST_VERSION, version: DRAFT });
    const draft = await readCatalogue(db, DRAFT);
    const source = await readCatalogue(db, NEWEST_VERSION);
    expect(draft).toMatchObject({ status: "draft", basedOn: NEWEST_VERSION, changeSummary: "" });
    expect(diffCatalogues(source, draft)).toMatchObject({ added: [], retired: [], changed: [] });
    expect(await newestPublished(db)).toBe(NEWEST_VERSION);
  });

  it("edits an item's mark; the audit trail has who, what, before and after", async () => {
    const before = (await item(DRAFT, "development.source-code-review"))!;
    ({ lockVersion: lock } = await editDraft(db, keeper, DRAFT, lock, {
      op: "update-item",
      itemId: "development.source-code-review",
      item: { ...before, marks: { ...before.marks, medium: "●" } },
    }));
    expect(lock).toBe(1);
    expect((await item(DRAFT, "development.source-code-review"))!.marks.medium).toBe("●");
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "catalogue.update-item", targetId: DRAFT } });
    expect(audit.actorName).toBe("周目錄");
    expect(JSON.parse(audit.before!).marks.medium).toBe("◎");
    expect(JSON.parse(audit.after!).value.marks.medium).toBe("●");
  });

  it("refuses what the loader would refuse, at the field, and saves nothing", async () => {
    const before = (await item(DRAFT, "development.ssdlc"))!;
    const e = await refusal(
      editDraft(db, keeper, DRAFT, lock, {
        op: "update-item",
        itemId: "development.ssdlc",
        item: { ...before, text: " ", marks: { ...before.marks, high: "○" } },
      }),
    );
    expect(e.code).toBe("invalid");
    expect(e.issues).toEqual(
      expect.arrayContaining([
        { path: "text", message: "子項內容不可為空白" },
        { path: "marks.high", message: "未知的標記「○」（只接受 ● ◎ ▲ -）" },
      ]),
    );
    expect(await item(DRAFT, "development.ssdlc")).toEqual(before);
    expect((await listVersions(db)).find((v) => v.id === DRAFT)!.lockVersion).toBe(lock);
  });

  it("refuses an edit based on a stale copy (another admin saved in between)", async () => {
    const before = (await item(DRAFT, "development.ssdlc"))!;
    const e = await refusal(editDraft(db, keeper, DRAFT, lock - 1, { op: "update-item", itemId: "development.ssdlc", item: before }));
    expect(e.code).toBe("conflict");
  });

  it("adds, retires and restores items; a retired item keeps its id, which no new item may take", async () => {
    const fields: Omit<TCatalogueItem, "id"> = {
      category: "資通安全項目",
      text: "人工智慧元件之模型與訓練資料來源應提供清單",
      marks: { high: "◎", medium: "◎", normal: "◎" },
      note: "",
      hints: {
        personalData: false,
        thirdPartyTesting: false,
        cisoConfirm: false,
        mobileAppOnly: false,
        coreSystemRequired: false,
        recommendedWhen: [],
        placeholders: [],
        levelMeasure: null,
      },
      legalBasis: [],
    };
    ({ lockVersion: lock } = await editDraft(db, keeper, DRAFT, lock, {
      op: "add-item",
      serviceType: "development",
      slug: "ai-bom",
      after: "development.sbom",
      item: fields,
    }));
    const ids = (await readCatalogue(db, DRAFT)).serviceTypes.find((t) => t.key === "development")!.items.map((i) => i.id);
    expect(ids[ids.indexOf("development.sbom") + 1]).toBe("development.ai-bom");

    ({ lockVersion: lock } = await editDraft(db, keeper, DRAFT, lock, { op: "retire-item", itemId: "development.easm" }));
    expect(await item(DRAFT, "development.easm")).toBeUndefined();
    const taken = await refusal(editDraft(db, keeper, DRAFT, lock, { op: "add-item", serviceType: "development", slug: "easm", after: null, item: fields }));
    expect(taken.issues[0]!.path).toBe("slug");

    ({ lockVersion: lock } = await editDraft(db, keeper, DRAFT, lock, { op: "restore-item", itemId: "development.easm" }));
    const restored = (await readCatalogue(db, DRAFT)).serviceTypes.find((t) => t.key === "development")!.items.map((i) => i.id);
    expect(restored.indexOf("development.easm")).toBe(ids.indexOf("development.easm"));
    ({ lockVersion: lock } = await editDraft(db, keeper, DRAFT, lock, { op: "retire-item", itemId: "development.easm" }));
  });

  it("edits the ▲ table and the clause library in the same versioned way, validated", async () => {
    const draft = await readCatalogue(db, DRAFT);
    const obligations = structuredClone(draft.obligations);
    (obligations.measures.soc as { columns: Record<string, { status: unknown }> }).columns["C公"]!.status = "yes";
    const e = await refusal(editDraft(db, keeper, DRAFT, lock, { op: "set-obligations", obligations }));
    expect(e.issues[0]!.path).toBe("measures.soc.columns.C公.status");

    const clauses = structuredClone(draft.clauses);
    clauses.parameters[0]!.default = 2;
    ({ lockVersion: lock } = await editDraft(db, keeper, DRAFT, lock, { op: "set-clauses", clauses }));
    expect((await readCatalogue(db, DRAFT)).clauses.parameters[0]!.default).toBe(2);
    expect((await readCatalogue(db, NEWEST_VERSION)).clauses.parameters[0]!.default).toBe(1);
  });

  it("exports a version and imports it back losslessly (as a draft)", async () => {
    const exported = await exportVersion(db, DRAFT);
    expect(exported.fileName).toBe(`${DRAFT}.json`);
    const other = await freshDb();
    try {
      const people = await createAgencyWithUsers(other.db, "另一部署");
      await other.db.user.update({ where: { id: people.admin.id }, data: { roles: JSON.stringify(["admin", "catalogue-admin"]) } });
      await importVersion(other.db, people.admin, exported.fileName, exported.text);
      expect((await exportVersion(other.db, DRAFT)).text).toBe(exported.text);
      // A published version comes back identical but for its status.
      const published = await exportVersion(db, NEWEST_VERSION);
      const e = await refusal(importVersion(other.db, people.admin, "x.json", published.text));
      expect(e.issues[0]!.message).toContain("已存在");
      const text = published.text.replace(`"version": "${NEWEST_VERSION}"`, '"version": "2027-01-01"');
      await importVersion(other.db, people.admin, "x.json", text);
      expect((await exportVersion(other.db, "2027-01-01")).text).toBe(text.replace('"status": "published"', '"status": "draft"'));
      const bad = await refusal(
        importVersion(other.db, people.admin, "bad.json", text.replace('"high": "●"', '"high": "○"').replace("2027-01-01", "2027-02-01")),
      );
      expect(bad.message).toContain("bad.json");
      expect(bad.message).toContain("未知的標記「○」");
    } finally {
      await other.cleanup();
    }
  });

  it("publishing needs a change summary, then the version is immutable and the default for new cases", async () => {
    const none = await refusal(publishDraft(db, keeper, DRAFT, lock, "  "));
    expect(none.issues[0]!.path).toBe("changeSummary");
    await publishDraft(db, keeper, DRAFT, lock, "原始碼檢測於中級改為標配；新增 AI 物料清單；停用 EASM。");
    const row = (await listVersions(db)).find((v) => v.id === DRAFT)!;
    expect(row).toMatchObject({ status: "published", publishedByName: "周目錄", changeSummary: "原始碼檢測於中級改為標配；新增 AI 物料清單；停用 EASM。" });
    expect(row.publishedAt).toBeInstanceOf(Date);
    expect(await newestPublished(db)).toBe(DRAFT);

    const again = await refusal(editDraft(db, keeper, DRAFT, row.lockVersion, { op: "set-meta", title: "改", changeSummary: "x" }));
    expect(again.reason).toBe("immutable");
    await expect(db.requirement.update({ where: { versionId_id: { versionId: DRAFT, id: "development.sbom" } }, data: { markNormal: "●" } })).rejects.toSatisfy(
      isImmutableViolation,
    );
    await expect(db.catalogueVersion.update({ where: { id: DRAFT }, data: { changeSummary: "改" } })).rejects.toSatisfy(isImmutableViolation);
    await expect(deleteDraft(db, keeper, DRAFT, row.lockVersion)).rejects.toMatchObject({ reason: "immutable" });
  });
});

describe("a case on an older version: compare with the newest, then move (golden case)", () => {
  let db: TDb;
  let cleanup: () => Promise<void>;
  let officer: TActor;
  let ciso: TActor;
  let keeper: TActor;
  let caseId: string;
  const NEXT = "2026-12-01";

  beforeAll(async () => {
    ({ db, cleanup } = await freshDb());
    const people = await createAgencyWithUsers(db, "測試市政府");
    ({ officer, ciso } = people);
    const id = await createUser(db, {
      agencyId: people.agencyId,
      email: "keeper2@test.secreq.tw",
      name: "周目錄",
      roles: ["catalogue-admin"],
      password: PASSWORD,
      mustChangePassword: false,
    });
    keeper = { id, name: "周目錄", agencyId: people.agencyId, roles: ["catalogue-admin"] };

    caseId = await createCase(db, officer);
    await saveAnswers(
      db,
      caseId,
      "case",
      { caseName: "市民服務平台開發案", caseNumber: "SEC-115-001", contractValue: "9,999,999", serviceTypes: ["development"] },
      officer,
    );
    await saveAnswers(
      db,
      caseId,
      "grade",
      { mode: "direct", grade: "medium", aspects: { confidentiality: "", integrity: "", availability: "", legalCompliance: "" } },
      officer,
    );
    await saveAnswers(
      db,
      caseId,
      "facts",
      { personalData: "no", coreSystem: "no", cii: "no", externalService: "no", mobileApp: "no", riskLevel: "高" },
      officer,
    );
    const { checklist } = await loadChecklist(db, (await getCase(db, caseId))!);
    if (!checklist.ok) throw new Error("expected a checklist");
    const at = (id: string) => checklist.items.find((i) => i.id === id)!;
    await saveDecision(db, caseId, at("development.source-code-review"), { choice: "include", reason: "需原始碼檢測" }, officer);
    await saveDecision(db, caseId, at("development.ssdlc"), { choice: "exclude", reason: "既有流程已涵蓋" }, officer);
    await saveDecision(db, caseId, at("development.easm"), { choice: "include", reason: "對外曝險管理" }, officer);
    await saveDecision(db, caseId, at("development.iec62443-cbtl"), { choice: "exclude", reason: "非工控系統" }, officer);
    await saveDecision(db, caseId, at("development.soc"), { choice: "other-procurement", reference: "115年度資安監控服務案" }, officer);

    // The catalogue admin's new version: one mark, one note, one item added, one retired.
    await createDraft(db, keeper, { from: NEWEST_VERSION, version: NEXT });
    const draft = await readCatalogue(db, NEXT);
    const dev = draft.serviceTypes.find((t) => t.key === "development")!.items;
    const get = (id: string) => dev.find((i) => i.id === id)!;
    let lock = 0;
    const edit = async (e: unknown) => ({ lockVersion: lock } = await editDraft(db, keeper, NEXT, lock, e));
    await edit({
      op: "update-item",
      itemId: "development.source-code-review",
      item: { ...get("development.source-code-review"), marks: { high: "●", medium: "●", normal: "◎" } },
    });
    await edit({ op: "update-item", itemId: "development.iec62443-cbtl", item: { ...get("development.iec62443-cbtl"), note: "工控系統適用" } });
    await edit({
      op: "add-item",
      serviceType: "development",
      slug: "ai-bom",
      after: "development.sbom",
      item: { ...get("development.ssdlc"), text: "提供人工智慧元件清單" },
    });
    await edit({ op: "retire-item", itemId: "development.easm" });
    await publishDraft(db, keeper, NEXT, lock, "測試用新版");
  });
  afterAll(() => cleanup());

  it("shows what would change for this case and which decisions move with it", async () => {
    const record = (await getCase(db, caseId))!;
    expect(record.catalogueVersionId).toBe(NEWEST_VERSION);
    const c = compareCaseVersions(record, await pinnedCatalogue(db, NEWEST_VERSION), await pinnedCatalogue(db, NEXT), (await caseProfile(db, record)).profile);
    if (!c.ok) throw new Error(c.message);
    expect(c.appear.map((i) => [i.id, i.from, i.to])).toEqual([["development.ai-bom", null, "optional"]]);
    expect(c.disappear.map((i) => [i.id, i.from, i.to])).toEqual([["development.easm", "optional", null]]);
    expect(c.change.map((i) => [i.id, i.from, i.to])).toEqual([
      ["development.iec62443-cbtl", "optional", "optional"],
      ["development.source-code-review", "optional", "standard"],
    ]);
    expect(c.change[0]!.catalogue!.note).toEqual([{ op: "add", text: "工控系統適用" }]);
    expect(c.keptDecisions.map((d) => [d.itemId, d.reviewSuggested])).toEqual([
      ["development.iec62443-cbtl", true],
      ["development.ssdlc", false],
      ["development.soc", false],
    ]);
    expect(c.droppedDecisions.map((d) => d.itemId)).toEqual(["development.source-code-review", "development.easm"]);
    expect(c.needDecision.map((i) => i.id)).toContain("development.ai-bom");
    expect(c.needDecision.map((i) => i.id)).not.toContain("development.ssdlc");
  });

  it("a case under review cannot move; an approved one moves as a new revision, the approved one untouched", async () => {
    const { checklist } = await loadChecklist(db, (await getCase(db, caseId))!);
    if (!checklist.ok) throw new Error("expected a checklist");
    for (const i of checklist.undecided)
      await saveDecision(db, caseId, i, i.decisionKind === "placement" ? { choice: "this-case" } : { choice: "exclude", reason: "本案不需要" }, officer);
    const ready = await loadChecklist(db, (await getCase(db, caseId))!);
    await submitCase(db, caseId, officer);
    const submitted = (await getCase(db, caseId))!;
    await expect(moveCaseToVersion(db, caseId, NEXT, submitted.lockVersion, officer)).rejects.toMatchObject({ message: expect.stringContaining("審查中") });

    for (const i of ready.checklist.ok ? ready.checklist.items.filter((x) => x.cisoConfirm) : [])
      await reviewItem(db, caseId, { itemId: i.id, verdict: "accept-risk", comment: "已確認風險" }, ciso);
    await decideCase(db, caseId, "approve", "", ciso);
    const approved = (await getCase(db, caseId))!;
    expect(approved.status).toBe("approved");

    await expect(moveCaseToVersion(db, caseId, NEXT, approved.lockVersion, ciso)).rejects.toMatchObject({ code: "invalid" });
    const moved = await moveCaseToVersion(db, caseId, NEXT, approved.lockVersion, officer);
    expect(moved.newRevision).toBe(true);
    expect(moved.dropped.sort()).toEqual(["development.easm", "development.source-code-review"]);
    expect(moved.needDecision).toEqual(["development.ai-bom"]);

    const next = (await getCase(db, moved.caseId))!;
    expect(next).toMatchObject({ status: "draft", revision: 2, catalogueVersionId: NEXT, caseGroupId: approved.caseGroupId });
    expect(next.decisions.find((d) => d.itemId === "development.ssdlc")).toMatchObject({ choice: "exclude", reason: "既有流程已涵蓋", decidedBy: "王小明" });
    expect(next.decisions.map((d) => d.itemId)).not.toContain("development.easm");
    const { checklist: after } = await loadChecklist(db, next);
    if (!after.ok) throw new Error("expected a checklist");
    expect(after.undecided.map((i) => i.id)).toEqual(["development.ai-bom"]);

    const old = (await getCase(db, caseId))!;
    expect(old).toMatchObject({ status: "approved", catalogueVersionId: NEWEST_VERSION });
    expect(old.decisions.map((d) => d.itemId)).toContain("development.easm");
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "case.move-version", targetId: moved.caseId } });
    expect(JSON.parse(audit.after!)).toMatchObject({ from: NEWEST_VERSION, to: NEXT, droppedDecisions: expect.arrayContaining(["development.easm"]) });
  });
});

describe("the 目錄管理者 role acts for every agency, so only a 目錄管理者 hands it out", () => {
  let db: TDb;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ db, cleanup } = await freshDb()));
  afterAll(() => cleanup());

  it("an agency admin can neither grant nor create it; an admin who holds it can; the last one stays", async () => {
    const { setUserRoles, createAgencyUser } = await import("@/lib/admin");
    const a = await createAgencyWithUsers(db, "甲市政府");
    const refused = await setUserRoles(db, a.admin, a.officer.id, ["officer", "catalogue-admin"]).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: "invalid", message: "只有目錄管理者可以授予或移除「目錄管理者」角色。" });
    await expect(createAgencyUser(db, a.admin, { name: "新人", email: "new@a.test", roles: ["catalogue-admin"] })).rejects.toMatchObject({ code: "invalid" });
    expect(JSON.parse((await db.user.findUniqueOrThrow({ where: { id: a.officer.id } })).roles)).toEqual(["officer"]);

    await db.user.update({ where: { id: a.admin.id }, data: { roles: JSON.stringify(["admin", "catalogue-admin"]) } });
    expect((await setUserRoles(db, a.admin, a.officer.id, ["officer", "catalogue-admin"])).roles).toEqual(["officer", "catalogue-admin"]);
    await setUserRoles(db, a.admin, a.officer.id, ["officer"]);
    const last = await setUserRoles(db, a.admin, a.admin.id, ["admin"]).catch((e: unknown) => e);
    expect(last).toMatchObject({ message: "系統至少須保留一位啟用中的目錄管理者。" });
  });
});
