import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDb } from "@/lib/db/client";
import type { TActor } from "@/lib/auth/roles";
import { createUser } from "@/lib/auth/users";
import { createDraft, editObligationCell, publishDraft, versionHistory } from "@/lib/catalogue/versions";
import { CatalogueError } from "@/lib/catalogue/errors";
import { readCatalogue } from "@/lib/catalogue/store";
import { createCase, getCase, saveAnswers } from "@/lib/cases/store";
import { loadChecklist } from "@/lib/cases/load";
import { obligationMatrix } from "@/lib/resolve/obligation-matrix";
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

const vansB = {
  measure: "vans",
  column: "B公",
  status: "required",
  condition: null,
  frequency: "初次受核定或等級變更後1年內完成導入，並持續維運及依主管機關指定之方式提交資訊資產盤點資料",
  item: "資通安全弱點管理",
  version: "115",
  reliability: "O",
  source: "x",
  note: null,
  detail: null,
  verification: {
    document: "分級辦法附表三（115-01-07）",
    fileId: "0000410768",
    locator: "第2頁 技術面第6項",
    verbatim: "初次受核定或等級變更後之一年內，完成資通安全弱點管理機制導入作業",
  },
};

describe("▲ table: verify a cell in a draft, publish, and a case cites the verified document", () => {
  let db: TDb;
  let cleanup: () => Promise<void>;
  let keeper: TActor;
  let admin: TActor;
  let officer: TActor;
  const DRAFT = "2026-12-02";
  const LEGACY_DRAFT = "2026-12-03";

  beforeAll(async () => {
    ({ db, cleanup } = await freshDb());
    const people = await createAgencyWithUsers(db, "數位發展部");
    admin = people.admin;
    officer = people.officer;
    const id = await createUser(db, {
      agencyId: people.agencyId,
      email: "keeper@test.secreq.tw",
      name: "周目錄",
      roles: ["catalogue-admin"],
      password: PASSWORD,
      mustChangePassword: false,
    });
    keeper = { id, name: "周目錄", agencyId: people.agencyId, roles: ["catalogue-admin"] };
    await createDraft(db, keeper, { from: NEWEST_VERSION, version: DRAFT });
  });
  afterAll(() => cleanup());

  const lockOf = async (v: string) => (await db.catalogueVersion.findUniqueOrThrow({ where: { id: v } })).lockVersion;

  it("only a 目錄管理者 may edit a cell; a published version refuses", async () => {
    expect((await refusal(editObligationCell(db, admin, DRAFT, await lockOf(DRAFT), vansB))).reason).toBe("forbidden");
    expect((await refusal(editObligationCell(db, keeper, NEWEST_VERSION, await lockOf(NEWEST_VERSION), vansB))).reason).toBe("immutable");
  });

  it("bad input is refused at its field, nothing saved", async () => {
    const before = await lockOf(DRAFT);
    const e = await refusal(
      editObligationCell(db, keeper, DRAFT, before, { ...vansB, status: "conditional", verification: { ...vansB.verification, fileId: "abc", locator: "" } }),
    );
    expect(e.issues.map((i) => i.path).sort()).toEqual(expect.arrayContaining(["verification.fileId", "verification.locator"]));
    const cond = await refusal(editObligationCell(db, keeper, DRAFT, before, { ...vansB, status: "conditional", verification: null }));
    expect(cond.issues[0]).toMatchObject({ path: "condition" });
    expect(await lockOf(DRAFT)).toBe(before);
  });

  it("verifies a cell: [P], who and when, audited", async () => {
    const at = new Date("2026-12-01T10:00:00Z");
    await editObligationCell(db, keeper, DRAFT, await lockOf(DRAFT), vansB, at);
    const cell = obligationMatrix((await readCatalogue(db, DRAFT)).obligations).measures.vans;
    if (!cell?.settled) throw new Error("vans settled");
    expect(cell.columns["B公"]).toMatchObject({
      reliability: "P",
      citation: { annex: "附表三", item: "資通安全弱點管理", version: "115" },
      verification: {
        document: "分級辦法附表三（115-01-07）",
        fileId: "0000410768",
        verifiedById: keeper.id,
        verifiedByName: "周目錄",
        verifiedAt: at.toISOString(),
      },
    });
    expect(cell.columns["B特"].verification).toBeNull();
    const history = await versionHistory(db, DRAFT);
    expect(history[0]).toMatchObject({ actorName: "周目錄", action: "核對應辦事項表儲存格（已核對官方附表）", target: "vans/B公" });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "catalogue.verify-obligation-cell", targetId: DRAFT } });
    expect(JSON.parse(entry.before ?? "null")).toMatchObject({ reliability: "O", verification: null });
  });

  it("publishing carries the verification; a new case's ▲ line cites the verified document with the 法規原文 badge", async () => {
    await publishDraft(db, keeper, DRAFT, await lockOf(DRAFT), "核對 VANS B公");
    const published = obligationMatrix((await readCatalogue(db, DRAFT)).obligations).measures.vans;
    expect(published?.settled && published.columns["B公"].verification?.document).toBe("分級辦法附表三（115-01-07）");

    const caseId = await createCase(db, officer);
    expect((await getCase(db, caseId))!.catalogueVersionId).toBe(DRAFT);
    await saveAnswers(db, caseId, "case", { caseName: "平台開發案", caseNumber: "SEC-1", contractValue: "1,000,000", serviceTypes: ["development"] }, officer);
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
    const vans = checklist.items.find((i) => i.id === "development.vans")!;
    expect(vans.status).toBe("standard");
    expect(vans.basis).toEqual({
      reliability: "P",
      citation: expect.stringContaining("附表三（B級公務機關）"),
      verified: { document: "分級辦法附表三（115-01-07）", locator: "第2頁 技術面第6項" },
    });
    expect(vans.reasons.join()).toContain("已核對官方附表：分級辦法附表三（115-01-07），第2頁 技術面第6項");
    expect(vans.reasons.join()).toContain("〔依據：法規原文〕");
    expect(vans.reasons.join()).not.toContain("FileId");
    expect(checklist.resolution.basisSummary.primaryOrOfficial).toBeGreaterThanOrEqual(2);
  });

  it("a draft from a version with the first (format-1) table becomes eight columns on its first cell edit", async () => {
    await createDraft(db, keeper, { from: BASE_VERSION, version: LEGACY_DRAFT });
    expect((await readCatalogue(db, LEGACY_DRAFT)).obligations.format).toBeUndefined();
    await editObligationCell(db, keeper, LEGACY_DRAFT, await lockOf(LEGACY_DRAFT), {
      ...vansB,
      column: "B特",
      item: "資通安全弱點管理",
      status: "conditional",
      condition: "ci-provider",
    });
    const table = (await readCatalogue(db, LEGACY_DRAFT)).obligations;
    expect(table.format).toBe(2);
    if (table.format !== 2) return;
    const vans = table.measures.vans;
    expect(vans?.settled && vans.columns["B特"]).toMatchObject({ status: "conditional", condition: "ci-provider", reliability: "P" });
    expect(vans?.settled && vans.columns["B公"].reliability).toBe("S");
  });
});
