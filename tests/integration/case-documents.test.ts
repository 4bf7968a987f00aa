import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDb } from "@/lib/db/client";
import type { TActor } from "@/lib/auth/roles";
import { DOC_KINDS } from "@/lib/export";
import { caseDocument, sha256Hex, storedDocuments } from "@/lib/cases/case-documents";
import { exportCase } from "@/lib/cases/export-case";
import { setPmExclusion, pmItemsView } from "@/lib/cases/pm-exclusions";
import { getCase } from "@/lib/cases/store";
import { decideCase, reviewItem, reviseCase, submitCase } from "@/lib/cases/workflow-ops";
import { caseEditors } from "@/lib/cases/editors";
import { approvalProblems } from "@/lib/workflow/review-groups";
import { freshDb, TEST_DB } from "../helpers/db";
import { createAgencyWithUsers } from "../helpers/people";
import { checklistOf, filledCase } from "../helpers/filled-case";
import { readDocx, textOf } from "../unit/export/helpers/docx";

const RISK_COMMENT = "資安長評估：本案系統規模小，接受此風險並於下年度預算補強";

describe(`documents of an approved revision are stored at approval and never change (${TEST_DB})`, { timeout: 120_000 }, () => {
  let db: TDb;
  let cleanup: () => Promise<void>;
  let people: Awaited<ReturnType<typeof createAgencyWithUsers>>;

  beforeAll(async () => {
    ({ db, cleanup } = await freshDb());
    people = await createAgencyWithUsers(db, "定稿文件市政府");
  }, 60_000);
  afterAll(() => cleanup());

  async function approved(officer: TActor = people.officer, prepare?: (caseId: string) => Promise<void>) {
    const caseId = await filledCase(db, officer);
    await prepare?.(caseId);
    await submitCase(db, caseId, officer);
    for (const p of approvalProblems(await checklistOf(db, caseId), []))
      if (p.kind === "item") await reviewItem(db, caseId, { itemId: p.itemId, verdict: "accept-risk", comment: RISK_COMMENT }, people.ciso);
    await decideCase(db, caseId, "approve", "", people.ciso);
    return caseId;
  }
  const download = async (caseId: string, kind: (typeof DOC_KINDS)[number], actor: TActor = people.officer) =>
    caseDocument(db, (await getCase(db, caseId))!, kind, actor);
  const text = (bytes: Uint8Array) => textOf(readDocx(bytes).document);

  it("stores every document kind in the approval's transaction, with its hash and size, and names them in the approval's audit entry", async () => {
    const caseId = await approved();
    const stored = await storedDocuments(db, caseId);
    expect(stored.map((d) => d.kind).sort()).toEqual([...DOC_KINDS].sort());
    for (const kind of DOC_KINDS) {
      const row = await db.caseDocument.findUniqueOrThrow({ where: { caseId_kind: { caseId, kind } } });
      expect(row.sha256).toBe(sha256Hex(row.bytes));
      expect(row.size).toBe(row.bytes.length);
      expect(row.rendererVersion).toMatch(/^docx-\S+ secreq-\d/);
    }
    const entry = await db.auditEntry.findFirstOrThrow({ where: { targetId: caseId, action: "case.approve" } });
    expect(
      JSON.parse(entry.after!)
        .documents.map((d: { sha256: string }) => d.sha256)
        .sort(),
    ).toEqual(stored.map((d) => d.sha256).sort());
  });

  it("downloads the stored bytes even after the renderer's input changes; a new revision uses the current input", async () => {
    const caseId = await approved();
    const before = await download(caseId, "annex");
    const stored = await db.caseDocument.findUniqueOrThrow({ where: { caseId_kind: { caseId, kind: "annex" } } });
    expect(Buffer.from(before.bytes).equals(Buffer.from(stored.bytes))).toBe(true);
    expect(text(before.bytes)).toContain("林資安長");

    // The approver is renamed: a document rendered now would say so.
    await db.user.update({ where: { id: people.ciso.id }, data: { name: "林新名資安長" } });
    try {
      const onDemand = await exportCase(db, (await getCase(db, caseId))!, "annex");
      expect(text(onDemand.bytes)).toContain("林新名資安長");
      for (const kind of DOC_KINDS) {
        const now = await download(caseId, kind);
        const row = await db.caseDocument.findUniqueOrThrow({ where: { caseId_kind: { caseId, kind } } });
        expect(Buffer.from(now.bytes).equals(Buffer.from(row.bytes)), kind).toBe(true);
        expect(now.sha256).toBe(row.sha256);
      }
      expect(text((await download(caseId, "annex")).bytes)).not.toContain("林新名資安長");

      // The next revision, approved now, is rendered with what holds now.
      const next = await reviseCase(db, caseId, people.officer);
      await submitCase(db, next, people.officer);
      for (const p of approvalProblems(await checklistOf(db, next), []))
        if (p.kind === "item") await reviewItem(db, next, { itemId: p.itemId, verdict: "accept-risk", comment: RISK_COMMENT }, people.ciso);
      await decideCase(db, next, "approve", "", { ...people.ciso, name: "林新名資安長" });
      expect(text((await download(next, "annex")).bytes)).toContain("林新名資安長");
    } finally {
      await db.user.update({ where: { id: people.ciso.id }, data: { name: "林資安長" } });
    }
  });

  it("freezes a revision approved before documents were stored once, at its first download, even when two download at once", async () => {
    const caseId = await approved();
    // As before this change: an approved revision without stored documents.
    await db.caseDocument.deleteMany({ where: { caseId } });
    const [a, b] = await Promise.all([download(caseId, "annex", people.ciso), download(caseId, "clauses", people.officer)]);
    expect(await db.caseDocument.count({ where: { caseId } })).toBe(DOC_KINDS.length);
    expect(await db.auditEntry.count({ where: { targetId: caseId, action: "case.documents-freeze" } })).toBe(1);
    expect(a.sha256).toBe((await db.caseDocument.findUniqueOrThrow({ where: { caseId_kind: { caseId, kind: "annex" } } })).sha256);
    expect(b.sha256).toBe((await db.caseDocument.findUniqueOrThrow({ where: { caseId_kind: { caseId, kind: "clauses" } } })).sha256);
    expect(Buffer.from((await download(caseId, "annex")).bytes).equals(Buffer.from(a.bytes))).toBe(true);
    // Downloading is not writing the case: the CISO may still review its next revision.
    expect((await caseEditors(db as never, caseId)).has(people.ciso.id)).toBe(false);
  });

  it("the database refuses to rewrite a stored document", async () => {
    const caseId = await approved();
    const refused = await db.caseDocument
      .update({ where: { caseId_kind: { caseId, kind: "annex" } }, data: { sha256: "0".repeat(64) } })
      .catch((e: unknown) => e);
    // Prisma reports the trigger's RAISE text in the driver error's meta, not always in the message.
    const err = refused as { message?: unknown; meta?: unknown };
    expect(`${String(err.message)} ${JSON.stringify(err.meta ?? null)}`).toMatch(/SECREQ_DOCUMENT_FROZEN/);
    expect((await db.caseDocument.findUniqueOrThrow({ where: { caseId_kind: { caseId, kind: "annex" } } })).sha256).not.toBe("0".repeat(64));
  });

  it("a draft is rendered on demand and stores nothing", async () => {
    const caseId = await filledCase(db, people.officer);
    const doc = await download(caseId, "annex");
    expect(text(doc.bytes)).toContain("草稿");
    expect(await db.caseDocument.count({ where: { caseId } })).toBe(0);
  });

  it("states each accepted risk in the internal record, not in the documents that go to bidders", async () => {
    const caseId = await approved();
    const risks = text((await download(caseId, "risks")).bytes);
    const accepted = (await db.review.findMany({ where: { caseId, verdict: "accept-risk" } })).map((r) => r.itemId);
    expect(accepted.length).toBeGreaterThan(0);
    const items = (await checklistOf(db, caseId)).items.filter((i) => accepted.includes(i.id));
    for (const item of items) expect(risks).toContain(item.filledText.slice(0, 20));
    expect(risks).toContain(RISK_COMMENT);
    expect(risks).toMatch(/接受者\n林資安長/);
    expect(risks).toMatch(/接受日期\n中華民國\d+年\d+月\d+日/);
    expect(risks).toMatch(/複審日期\n未訂/);
    expect(risks).toContain("不隨招標文件公開");
    for (const kind of ["annex", "clauses", "checklist"] as const) expect(text((await download(caseId, kind)).bytes)).not.toContain(RISK_COMMENT);
  });
});

describe(`the officer leaves a 專案管理需求 item out, with a reason (${TEST_DB})`, { timeout: 120_000 }, () => {
  let db: TDb;
  let cleanup: () => Promise<void>;
  let people: Awaited<ReturnType<typeof createAgencyWithUsers>>;
  beforeAll(async () => {
    ({ db, cleanup } = await freshDb());
    people = await createAgencyWithUsers(db, "專案管理市政府");
  }, 60_000);
  afterAll(() => cleanup());

  it("refuses an exclusion without a reason, in zh-TW at the field, and an item that does not apply", async () => {
    const caseId = await filledCase(db, people.officer);
    await expect(setPmExclusion(db, caseId, { itemId: "pm.1", exclude: true, reason: "  " }, people.officer)).rejects.toMatchObject({
      code: "invalid",
      issues: [{ path: "reason", message: "請說明不列入本案的理由" }],
    });
    // Item 4 (系統運作程序與方式) is for 維運／雲端, not for a 開發 case.
    await expect(setPmExclusion(db, caseId, { itemId: "pm.4", exclude: true, reason: "不適用" }, people.officer)).rejects.toMatchObject({
      issues: [{ path: "itemId" }],
    });
    expect(await db.pmExclusion.count({ where: { caseId } })).toBe(0);
  });

  it("drops the item from every document, lists it with the reason in the internal record, audits it and carries it into the next revision", async () => {
    const caseId = await filledCase(db, people.officer);
    const title = (await pmItemsView(db, (await getCase(db, caseId))!)).find((i) => i.id === "pm.3")!.title;
    const annexBefore = textOf(readDocx((await exportCase(db, (await getCase(db, caseId))!, "annex")).bytes).document);
    expect(annexBefore).toContain(title);

    await setPmExclusion(db, caseId, { itemId: "pm.3", exclude: true, reason: "本案沿用機關既有之開發測試環境" }, people.officer);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { targetId: caseId, action: "case.pm-exclusion" } });
    expect(JSON.parse(entry.after!)).toEqual({ itemId: "pm.3", excluded: true, reason: "本案沿用機關既有之開發測試環境" });
    const record = (await getCase(db, caseId))!;
    for (const kind of ["annex", "clauses", "checklist"] as const)
      expect(textOf(readDocx((await exportCase(db, record, kind)).bytes).document), kind).not.toContain(title);
    const risks = textOf(readDocx((await exportCase(db, record, "risks")).bytes).document);
    expect(risks).toContain(`${title}（參考內容項次 3）：本案沿用機關既有之開發測試環境`);

    // A stale page (it saw no exclusion) is refused with the stored one.
    await expect(setPmExclusion(db, caseId, { itemId: "pm.3", exclude: true, reason: "另一個理由" }, people.officer, null)).rejects.toMatchObject({
      code: "conflict",
      detail: { current: { reason: "本案沿用機關既有之開發測試環境" } },
    });

    await submitCase(db, caseId, people.officer);
    // Once submitted the officer may not change it.
    await expect(setPmExclusion(db, caseId, { itemId: "pm.3", exclude: false }, people.officer)).rejects.toMatchObject({ code: "invalid" });
    for (const p of approvalProblems(await checklistOf(db, caseId), []))
      if (p.kind === "item") await reviewItem(db, caseId, { itemId: p.itemId, verdict: "accept-risk", comment: "接受" }, people.ciso);
    await decideCase(db, caseId, "approve", "", people.ciso);
    const next = await reviseCase(db, caseId, people.officer);
    expect((await db.pmExclusion.findMany({ where: { caseId: next } })).map((e) => [e.itemId, e.reason])).toEqual([["pm.3", "本案沿用機關既有之開發測試環境"]]);

    // Put back in the new revision: the documents carry it again.
    await setPmExclusion(db, next, { itemId: "pm.3", exclude: false }, people.officer);
    expect(textOf(readDocx((await exportCase(db, (await getCase(db, next))!, "annex")).bytes).document)).toContain(title);
  });
});
