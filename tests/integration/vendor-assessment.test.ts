import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDb } from "@/lib/db/client";
import type { TActor } from "@/lib/auth/roles";
import { acceptInvitation, createInvitation } from "@/lib/vendor/invitations";
import { saveAnswers } from "@/lib/vendor/assessment/answers";
import { assessmentFile, attachEvidence, bulkYes, detachEvidence } from "@/lib/vendor/assessment/files";
import { assessmentView } from "@/lib/vendor/assessment/view";
import { submitAssessment } from "@/lib/vendor/assessment/submit";
import { VENDOR_FILE_OWNER } from "@/lib/vendor/assessment/store";
import { NEEDS_NOTE } from "@/lib/vendor/assessment/rules";
import { MAX_FILE_BYTES } from "@/lib/files";
import { verifyChain } from "@/lib/audit";
import { freshDb, TEST_DB } from "../helpers/db";
import { createAgencyWithUsers } from "../helpers/people";
import { EXE, PDF } from "../helpers/files";
import { filledCase } from "../helpers/filled-case";

let db: TDb;
let cleanup: () => Promise<void>;
let officerA: TActor;
let officerB: TActor;
let vendor1: TActor;
let vendor2: TActor;
let caseA: string;
let caseA2: string;
let caseB: string;
let rowIds: string[];
const PASSWORD = "Vendor-Pass-2026!";

async function approvedCase(officer: TActor, ciso: TActor) {
  const id = await filledCase(db, officer);
  await db.case.update({ where: { id }, data: { status: "approved", approvedAt: new Date(), approvedById: ciso.id } });
  return id;
}
async function vendorOn(officer: TActor, caseId: string, email: string): Promise<TActor> {
  const { token } = await createInvitation(db, officer, caseId, { email, name: email.split("@")[0]! });
  const { userId } = await acceptInvitation(db, { token, password: PASSWORD, confirm: PASSWORD });
  return { id: userId, name: email.split("@")[0]!, agencyId: officer.agencyId, roles: ["vendor"] };
}
const audits = (action: string, caseId: string) => db.auditEntry.count({ where: { action, targetId: caseId } });
const fields = (answer: "" | "yes" | "no" | "na", note = "", evidence = "") => ({ answer, note, evidence });

beforeAll(async () => {
  ({ db, cleanup } = await freshDb());
  const a = await createAgencyWithUsers(db, "自評測試市政府");
  const b = await createAgencyWithUsers(db, "另一個縣政府");
  officerA = a.officer;
  officerB = b.officer;
  caseA = await approvedCase(a.officer, a.ciso);
  caseA2 = await approvedCase(a.officer, a.ciso);
  caseB = await approvedCase(b.officer, b.ciso);
  vendor1 = await vendorOn(officerA, caseA, "one@vendor.example");
  vendor2 = await vendorOn(officerB, caseB, "two@vendor.example");
  // vendor2 is also invited to agency A's second case, never to caseA.
  await createInvitation(db, officerA, caseA2, { email: "two@vendor.example", name: "two" }).then(({ token }) =>
    acceptInvitation(db, { token, password: PASSWORD, confirm: PASSWORD }),
  );
  rowIds = (await assessmentView(db, vendor1, caseA)).groups.flatMap((g) => g.rows.map((r) => r.id));
});
afterAll(() => cleanup());

describe(`the vendor's online self-assessment (${TEST_DB})`, () => {
  it("shows the rows as exported, empty, editable, in groups, with counts", async () => {
    expect(rowIds.length).toBeGreaterThan(4);
    const v = await assessmentView(db, vendor1, caseA);
    expect(v).toMatchObject({ status: "draft", round: 0, counts: { answered: 0, total: rowIds.length, yes: 0, no: 0, na: 0 } });
    expect(v.groups.every((g) => g.title && g.rows.length)).toBe(true);
    expect(v.groups.flatMap((g) => g.rows).every((r) => r.editable && r.answer === "" && r.version === 0)).toBe(true);
  });

  it("saves as typed (a 否 without 說明 is only a warning), one audit entry per call; a stale save keeps what is stored", async () => {
    const [r0, r1] = rowIds as [string, string];
    const before = await audits("vendor.assessment-save", caseA);
    const r = await saveAnswers(db, vendor1, caseA, [
      { rowId: r0, ...fields("yes", "", "ISO 27001 證書"), version: 0 },
      { rowId: r1, ...fields("no"), version: 0 },
    ]);
    expect(r.written.map((w) => [w.rowId, w.version])).toEqual([
      [r0, 1],
      [r1, 1],
    ]);
    expect(r.stale).toEqual([]);
    expect(r.warnings).toEqual([{ path: `${r1}.note`, message: NEEDS_NOTE }]);
    expect(await audits("vendor.assessment-save", caseA)).toBe(before + 1);

    // Another tab still showing version 0 types over it: refused as stale, the stored text comes back.
    const stale = await saveAnswers(db, vendor1, caseA, [{ rowId: r0, ...fields("na", "舊分頁"), version: 0 }]);
    expect(stale.written).toEqual([]);
    expect(stale.stale).toEqual([{ rowId: r0, current: expect.objectContaining({ answer: "yes", evidence: "ISO 27001 證書", version: 1 }) }]);
    const v = await assessmentView(db, vendor1, caseA);
    expect(v.groups.flatMap((g) => g.rows).find((x) => x.id === r0)).toMatchObject({ answer: "yes", version: 1 });

    await expect(saveAnswers(db, vendor1, caseA, [{ rowId: "no.such.row", ...fields("yes") }])).rejects.toMatchObject({ code: "invalid" });
    await expect(saveAnswers(db, vendor1, caseA, [{ rowId: r0, answer: "maybe", evidence: "", note: "" }])).rejects.toMatchObject({
      code: "invalid",
      issues: [{ path: "0.answer", message: "「符合」請選擇是、否或不適用" }],
    });
  });

  it("refuses a file of the wrong type or too large with a zh-TW message, and stores nothing", async () => {
    const count = await db.storedFile.count({ where: { ownerType: VENDOR_FILE_OWNER } });
    await expect(attachEvidence(db, vendor1, caseA, { name: "cert.pdf", bytes: EXE }, [rowIds[0]])).rejects.toMatchObject({
      code: "invalid",
      message: expect.stringContaining("檔案內容不是副檔名所稱的 .pdf 格式"),
    });
    await expect(attachEvidence(db, vendor1, caseA, { name: "setup.exe", bytes: EXE }, [rowIds[0]])).rejects.toMatchObject({
      message: expect.stringContaining("不接受這種檔案類型"),
    });
    await expect(attachEvidence(db, vendor1, caseA, { name: "big.pdf", bytes: new Uint8Array(MAX_FILE_BYTES + 1) }, [rowIds[0]])).rejects.toMatchObject({
      message: "檔案超過 20 MB 上限。",
    });
    await expect(attachEvidence(db, vendor1, caseA, { name: "cert.pdf", bytes: PDF }, [])).rejects.toMatchObject({
      issues: [{ path: "", message: "請選擇至少一個項目" }],
    });
    expect(await db.storedFile.count({ where: { ownerType: VENDOR_FILE_OWNER } })).toBe(count);
  });

  it("bulk 是 with one file: one StoredFile linked to every row, one audit entry; detaching keeps the file", async () => {
    const rest = rowIds.slice(2);
    const before = await audits("vendor.assessment-bulk-yes", caseA);
    const r = await bulkYes(db, vendor1, caseA, { rowIds: rest, evidence: "ISO/IEC 27001:2022 證書" }, { name: "ISO27001.pdf", bytes: PDF });
    expect(r.written).toHaveLength(rest.length);
    const files = await db.storedFile.findMany({ where: { ownerType: VENDOR_FILE_OWNER, name: "ISO27001.pdf" } });
    expect(files).toHaveLength(1);
    expect(files[0]!.agencyId).toBe(officerA.agencyId);
    expect(await db.vendorAnswerFile.count({ where: { fileId: files[0]!.id } })).toBe(rest.length);
    expect(await audits("vendor.assessment-bulk-yes", caseA)).toBe(before + 1);
    const v = await assessmentView(db, vendor1, caseA);
    const shown = v.groups.flatMap((g) => g.rows).filter((x) => rest.includes(x.id));
    expect(shown.every((x) => x.answer === "yes" && x.evidence === "ISO/IEC 27001:2022 證書" && x.files[0]?.name === "ISO27001.pdf")).toBe(true);
    expect(shown[0]!.files[0]).toMatchObject({ size: PDF.byteLength, sha256: files[0]!.sha256 });

    await detachEvidence(db, vendor1, caseA, { rowId: rest[0], fileId: files[0]!.id });
    const after = await assessmentView(db, vendor1, caseA);
    expect(after.groups.flatMap((g) => g.rows).find((x) => x.id === rest[0])!.files).toEqual([]);
    expect(await db.storedFile.count({ where: { id: files[0]!.id } })).toBe(1);
    expect((await assessmentFile(db, vendor1, files[0]!.id, caseA)).content.byteLength).toBe(PDF.byteLength);
    // An upload to one row, then bulk 是 reusing that file by id.
    const one = await attachEvidence(db, vendor1, caseA, { name: "政策.pdf", bytes: PDF }, [rowIds[0]]);
    await bulkYes(db, vendor1, caseA, { rowIds: [rowIds[0]], fileId: one.id });
    expect(await db.vendorAnswerFile.count({ where: { fileId: one.id } })).toBe(1);
  });

  it("submit refuses a 否 without 說明 at the row's field, then locks the set once explained", async () => {
    const r1 = rowIds[1]!;
    await expect(submitAssessment(db, vendor1, caseA)).rejects.toMatchObject({
      code: "invalid",
      issues: [{ path: `${r1}.note`, message: NEEDS_NOTE }],
    });
    await saveAnswers(db, vendor1, caseA, [{ rowId: r1, ...fields("no", "以年度外部稽核替代") }]);
    const s = await submitAssessment(db, vendor1, caseA);
    expect(s.round).toBe(1);
    const v = await assessmentView(db, vendor1, caseA);
    expect(v.status).toBe("submitted");
    expect(v.groups.flatMap((g) => g.rows).some((x) => x.editable)).toBe(false);
    await expect(saveAnswers(db, vendor1, caseA, [{ rowId: r1, ...fields("yes") }])).rejects.toMatchObject({ code: "conflict" });
    await expect(attachEvidence(db, vendor1, caseA, { name: "x.pdf", bytes: PDF }, [r1])).rejects.toMatchObject({ code: "conflict" });
    await expect(bulkYes(db, vendor1, caseA, { rowIds: [r1] })).rejects.toMatchObject({ code: "conflict" });
  });

  it("when returned, only the returned and unreviewed rows are editable, with the agency's comment shown", async () => {
    const [r0, r1, r2] = rowIds as [string, string, string];
    const a = await db.vendorAssessment.findFirstOrThrow({ where: { caseId: caseA, vendorUserId: vendor1.id } });
    // Simulates the agency's review (vreview builds it): r1 returned, r0 accepted, the rest unreviewed.
    await db.vendorAssessment.update({ where: { id: a.id }, data: { status: "returned" } });
    await db.vendorAnswer.updateMany({ where: { assessmentId: a.id }, data: { review: "accepted" } });
    await db.vendorAnswer.updateMany({ where: { assessmentId: a.id, rowId: r1 }, data: { review: "returned", reviewComment: "請附稽核報告" } });
    await db.vendorAnswer.updateMany({ where: { assessmentId: a.id, rowId: r2 }, data: { review: "" } });
    const v = await assessmentView(db, vendor1, caseA);
    const rows = v.groups.flatMap((g) => g.rows);
    expect(rows.find((x) => x.id === r1)).toMatchObject({ editable: true, returnComment: "請附稽核報告" });
    expect(rows.find((x) => x.id === r0)).toMatchObject({ editable: false, returnComment: "" });
    expect(rows.find((x) => x.id === r2)!.editable).toBe(true);
    expect(v.counts.returned).toBe(1);
    await expect(saveAnswers(db, vendor1, caseA, [{ rowId: r0, ...fields("na", "改") }])).rejects.toMatchObject({ code: "conflict" });
    const ok = await saveAnswers(db, vendor1, caseA, [{ rowId: r1, ...fields("no", "已附 2026 年稽核報告") }]);
    expect(ok.written).toHaveLength(1);
    expect((await submitAssessment(db, vendor1, caseA)).round).toBe(2);
    expect(await verifyChain(db)).toMatchObject({ ok: true });
  });

  it("tenancy: a vendor reaches only its own invited case's assessment and files", async () => {
    const file = await db.storedFile.findFirstOrThrow({ where: { ownerType: VENDOR_FILE_OWNER, name: "ISO27001.pdf" } });
    // vendor2 (invited to caseB and caseA2, never to caseA)
    await expect(assessmentView(db, vendor2, caseA)).rejects.toMatchObject({ code: "not-found" });
    await expect(saveAnswers(db, vendor2, caseA, [{ rowId: rowIds[0], ...fields("yes") }])).rejects.toMatchObject({ code: "not-found" });
    await expect(attachEvidence(db, vendor2, caseA, { name: "x.pdf", bytes: PDF }, [rowIds[0]])).rejects.toMatchObject({ code: "not-found" });
    await expect(assessmentFile(db, vendor2, file.id)).rejects.toMatchObject({ code: "not-found" });
    await expect(assessmentFile(db, vendor2, file.id, caseA2)).rejects.toMatchObject({ code: "not-found" });
    // vendor1's file under another case id in the path
    await expect(assessmentFile(db, vendor1, file.id, caseA2)).rejects.toMatchObject({ code: "not-found" });
    // The agency's officer reaches it; another agency's does not.
    expect((await assessmentFile(db, officerA, file.id)).name).toBe("ISO27001.pdf");
    await expect(assessmentFile(db, officerB, file.id)).rejects.toMatchObject({ code: "not-found" });
    // vendor2's own assessments are separate and empty.
    expect((await assessmentView(db, vendor2, caseB)).counts.answered).toBe(0);
    expect((await assessmentView(db, vendor2, caseA2)).counts.answered).toBe(0);
    // A revoked invitation ends the access.
    const inv = await db.vendorInvitation.findFirstOrThrow({ where: { caseId: caseA2, acceptedUserId: vendor2.id } });
    await db.vendorInvitation.update({ where: { id: inv.id }, data: { revokedAt: new Date() } });
    await expect(assessmentView(db, vendor2, caseA2)).rejects.toMatchObject({ code: "not-found" });
  });
});
