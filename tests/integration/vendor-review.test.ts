import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDb } from "@/lib/db/client";
import type { TActor } from "@/lib/auth/roles";
import { submitCase, decideCase, reviewItem } from "@/lib/cases/workflow-ops";
import { approvalProblems } from "@/lib/workflow/review-groups";
import { acceptanceDocument, awardContract, contractView, listContracts, ZContractListQuery } from "@/lib/contracts/store";
import { getCase } from "@/lib/cases/store";
import { storeFile } from "@/lib/files";
import { acceptInvitation, createInvitation } from "@/lib/vendor/invitations";
import { assessmentRows } from "@/lib/vendor/assessment/rows";
import { VENDOR_FILE_OWNER, vendorAssessment, writeAnswers } from "@/lib/vendor/assessment/store";
import { submitAssessment } from "@/lib/vendor/assessment/submit";
import { acceptRemaining, closeNonconformity, finishReview, reviewAnswers, DUE_NOT_PAST, NEEDS_COMMENT } from "@/lib/vendor/assessment/review";
import { reviewFile, reviewView } from "@/lib/vendor/assessment/review-view";
import { agencyAssessmentWorklist, assessmentSummary, caseAssessments } from "@/lib/vendor/assessment/summary";
import { reviewedAssessmentDocument } from "@/lib/vendor/assessment/export";
import { freshDb, TEST_DB } from "../helpers/db";
import { createAgencyWithUsers } from "../helpers/people";
import { checklistOf, filledCase } from "../helpers/filled-case";
import { PDF } from "../helpers/files";
import { readDocx, textOf } from "../unit/export/helpers/docx";

let db: TDb;
let cleanup: () => Promise<void>;
let officer: TActor;
let ciso: TActor;
let outsider: TActor;
let vendor: TActor;
let caseId: string;
let contractId: string;
let assessmentId: string;
let rowIds: string[];
let fileSha: string;
let fileId: string;

// The review day (Asia/Taipei 2026-12-10) and later days to see nonconformities fall due and overdue.
const REVIEW_DAY = new Date("2026-12-10T02:00:00Z");
const LATER = (days: number) => new Date(REVIEW_DAY.getTime() + days * 86_400_000);

async function approve(id: string) {
  await submitCase(db, id, officer);
  for (const p of approvalProblems(await checklistOf(db, id), []))
    if (p.kind === "item") await reviewItem(db, id, { itemId: p.itemId, verdict: "accept-risk", comment: "測試：接受風險" }, ciso);
  await decideCase(db, id, "approve", "", ciso);
  return id;
}

/** The vendor answers every row: 是, except the second (否, explained) and the third (不適用, explained); one PDF on the first. */
async function answerAll(overrides: Record<string, { answer: "yes" | "no" | "na"; note: string }> = {}) {
  const a = await vendorAssessment(db, vendor, caseId);
  const stored = await db.vendorAnswer.findMany({ where: { assessmentId: a.id } });
  const version = new Map(stored.map((s) => [s.rowId, s.version]));
  await db.$transaction((tx) =>
    writeAnswers(
      tx,
      a,
      rowIds
        .filter((id) => !stored.some((s) => s.rowId === id && s.review === "accepted"))
        .map((rowId, i) => ({
          rowId,
          ...(overrides[rowId] ??
            (stored.length
              ? { answer: stored.find((s) => s.rowId === rowId)!.answer as "yes", note: stored.find((s) => s.rowId === rowId)!.note }
              : i === 1
                ? { answer: "no" as const, note: "尚未取得 ISO 27001 驗證，預計明年取得" }
                : i === 2
                  ? { answer: "na" as const, note: "本案無行動應用程式" }
                  : { answer: "yes" as const, note: "" })),
          evidence: i === 0 ? "ISO 27001 證書第 1 頁" : "",
          version: version.get(rowId),
        })),
      vendor,
      "save",
      new Set(rowIds),
    ),
  );
  return a;
}

beforeAll(async () => {
  ({ db, cleanup } = await freshDb());
  ({ officer, ciso } = await createAgencyWithUsers(db, "自評審查測試市政府"));
  outsider = (await createAgencyWithUsers(db, "別的縣政府")).officer;
  caseId = await approve(await filledCase(db, officer));
  contractId = await awardContract(
    db,
    caseId,
    {
      vendorName: "安全軟體股份有限公司",
      vendorTaxId: "04595257",
      contractNumber: "TEST-115-017-C",
      award: "2026-12-01",
      signed: "2026-12-05",
      start: "2026-12-10",
      end: "2027-12-09",
      milestones: [{ name: "最終驗收", dueOn: "2027-12-09" }],
    },
    officer,
  );
  // The contract pins its revision's clause parameters; set vulnFixDays so the due date is known.
  await db.contract.update({ where: { id: contractId }, data: { parameters: JSON.stringify({ vulnFixDays: 10 }) } });
  const inv = await createInvitation(db, officer, caseId, { email: "rep@review.vendor.example", name: "王代表", contractId });
  const accepted = await acceptInvitation(db, { token: inv.token, password: "Vendor-Pass-2026!", confirm: "Vendor-Pass-2026!" });
  vendor = { id: accepted.userId, name: "王代表", agencyId: officer.agencyId, roles: ["vendor"] };
  rowIds = (await assessmentRows(db, (await getCase(db, caseId))!)).map((r) => r.id);
  expect(rowIds.length).toBeGreaterThan(4);
  const a = await answerAll();
  assessmentId = a.id;
  // An evidence file: stored with the vendor's owner type and linked to the first answer.
  const first = await db.vendorAnswer.findUniqueOrThrow({ where: { assessmentId_rowId: { assessmentId, rowId: rowIds[0]! } } });
  const file = await db.$transaction((tx) =>
    storeFile(tx, { agencyId: a.agencyId, ownerType: VENDOR_FILE_OWNER, ownerId: assessmentId, name: "ISO27001證書.pdf", bytes: PDF, uploader: vendor }),
  );
  await db.vendorAnswerFile.create({ data: { answerId: first.id, fileId: file.id } });
  fileSha = file.sha256;
  fileId = file.id;
}, 180_000);
afterAll(() => cleanup());

const row = (i: number) => rowIds[i]!;

describe(`the agency's review of a vendor self-assessment (${TEST_DB})`, () => {
  it("reviews only a submitted set; only the officer acts, another agency reads not-found", async () => {
    await expect(reviewAnswers(db, officer, assessmentId, [{ rowId: row(0), verdict: "accept", comment: "" }], REVIEW_DAY)).rejects.toMatchObject({
      code: "conflict",
    });
    await submitAssessment(db, vendor, caseId);
    // The submission tells the case's officers.
    const n = await db.notification.findFirst({ where: { userId: officer.id, kind: "vendor.submitted" } });
    expect(n?.link).toBe(`/cases/${caseId}/vendors/${assessmentId}`);
    expect(n?.title).not.toContain("ISO");
    await expect(reviewAnswers(db, ciso, assessmentId, [{ rowId: row(0), verdict: "accept", comment: "" }], REVIEW_DAY)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(reviewAnswers(db, outsider, assessmentId, [{ rowId: row(0), verdict: "accept", comment: "" }], REVIEW_DAY)).rejects.toMatchObject({
      code: "not-found",
    });
    await expect(reviewAnswers(db, vendor, assessmentId, [{ rowId: row(0), verdict: "accept", comment: "" }], REVIEW_DAY)).rejects.toMatchObject({
      code: "forbidden",
    });
    // The CISO may read the review.
    expect((await reviewView(db, ciso, assessmentId, REVIEW_DAY)).rows.length).toBe(rowIds.length);
  });

  it("a return needs a comment, an officer's due date may not be past (zh-TW at the field); nothing is written on a refusal", async () => {
    await expect(reviewAnswers(db, officer, assessmentId, [{ rowId: row(3), verdict: "return", comment: "  " }], REVIEW_DAY)).rejects.toMatchObject({
      code: "invalid",
      issues: [{ path: `${row(3)}.comment`, message: NEEDS_COMMENT }],
    });
    await expect(
      reviewAnswers(db, officer, assessmentId, [{ rowId: row(3), verdict: "return", comment: "請補證書", dueOn: "2026-12-09" }], REVIEW_DAY),
    ).rejects.toMatchObject({ issues: [{ path: `${row(3)}.dueOn`, message: DUE_NOT_PAST }] });
    await expect(reviewAnswers(db, officer, assessmentId, [{ rowId: "clause.nope", verdict: "accept", comment: "" }], REVIEW_DAY)).rejects.toMatchObject({
      code: "invalid",
    });
    expect(await db.vendorAnswer.count({ where: { assessmentId, review: { not: "" } } })).toBe(0);
    expect(await db.nonconformity.count()).toBe(0);
  });

  it("accepting a 否 and returning an answer open nonconformities: vulnFixDays (contract) or the officer's date", async () => {
    const r = await reviewAnswers(
      db,
      officer,
      assessmentId,
      [
        { rowId: row(0), verdict: "accept", comment: "" },
        { rowId: row(1), verdict: "accept", comment: "同意於明年取得驗證" },
        { rowId: row(3), verdict: "return", comment: "請補弱點掃描報告", dueOn: "2026-12-31" },
        { rowId: row(4), verdict: "return", comment: "說明不足" },
      ],
      REVIEW_DAY,
    );
    expect(r).toEqual({ accepted: 2, returned: 2, opened: 3, closed: 0 });
    const ncs = await db.nonconformity.findMany({ orderBy: { rowId: "asc" } });
    const of = (id: string) => ncs.find((n) => n.rowId === id)!;
    expect(of(row(1))).toMatchObject({ reason: "no", dueOn: "2026-12-20", dueBasis: "vulnFixDays＝10 日曆天", contractId, closedAt: null });
    expect(of(row(3))).toMatchObject({ reason: "returned", dueOn: "2026-12-31", dueBasis: "承辦人指定", comment: "請補弱點掃描報告" });
    expect(of(row(4))).toMatchObject({ reason: "returned", dueOn: "2026-12-20" });
    const events = await db.vendorAnswerEvent.findMany({ where: { action: { in: ["accept", "return"] } } });
    expect(events.map((e) => e.action).sort()).toEqual(["accept", "accept", "return", "return"]);
    expect(events.find((e) => e.action === "return" && e.comment === "說明不足")).toBeTruthy();
    expect(await db.auditEntry.count({ where: { action: "vendor.assessment-review", targetId: caseId } })).toBe(1);
  });

  it("finishing needs every row reviewed; 其餘全部接受 then 完成審查 → returned, the vendor is notified", async () => {
    await expect(finishReview(db, officer, assessmentId, REVIEW_DAY)).rejects.toMatchObject({ code: "invalid", message: expect.stringContaining("未審查") });
    const rest = await acceptRemaining(db, officer, assessmentId, REVIEW_DAY);
    expect(rest.accepted).toBe(rowIds.length - 4);
    expect(await finishReview(db, officer, assessmentId, REVIEW_DAY)).toEqual({ status: "returned", returned: 2 });
    expect((await db.vendorAssessment.findUniqueOrThrow({ where: { id: assessmentId } })).status).toBe("returned");
    const n = await db.notification.findFirstOrThrow({ where: { userId: vendor.id, kind: "vendor.returned" } });
    expect(n.link).toBe(`/vendor/${caseId}`);
    expect(await db.auditEntry.count({ where: { action: "vendor.assessment-return" } })).toBe(1);
    expect((await caseAssessments(db, officer, caseId))[0]).toMatchObject({ status: "returned", round: 1, returned: 2, open: 3 });
  });

  it("nonconformities are on the contract's register and in the dashboard's due / overdue counts and filter", async () => {
    const view = await contractView(db, contractId, officer, REVIEW_DAY);
    expect(view.vendorAssessments.nonconformities.map((n) => n.rowId).sort()).toEqual([row(1), row(3), row(4)].sort());
    expect(view.vendorAssessments.nonconformities.every((n) => n.status === "due")).toBe(true);
    const query = (filter: string) => ZContractListQuery.parse({ filter });
    const dueNow = await listContracts(db, officer, query("all"), REVIEW_DAY);
    expect(dueNow.rows[0]).toMatchObject({ id: contractId, nonconformities: { due: 3, overdue: 0 } });
    expect(dueNow.rows[0]!.due).toBeGreaterThanOrEqual(3);
    // Eleven days on: the two vulnFixDays ones are overdue, the officer's date (12-31) is still due.
    const later = await listContracts(db, officer, query("overdue"), LATER(11));
    expect(later.rows.map((r) => r.id)).toEqual([contractId]);
    expect(later.rows[0]).toMatchObject({ nonconformities: { due: 1, overdue: 2 } });
    expect(later.rows[0]!.overdue).toBeGreaterThanOrEqual(2);
  });

  it("the CISO summary counts 是/否/不適用/returned/open and lists the overdue ones with days overdue; /reviews lists the assessment", async () => {
    const s = await assessmentSummary(db, ciso, assessmentId, LATER(11));
    expect(s).toMatchObject({ yes: rowIds.length - 2, no: 1, na: 1, returned: 2, open: 3 });
    expect(s.overdue.map((o) => [o.rowId, o.vendorName, o.dueOn, o.daysOverdue]).sort()).toEqual(
      [
        [row(1), "王代表", "2026-12-20", 1],
        [row(4), "王代表", "2026-12-20", 1],
      ].sort(),
    );
    expect(s.overdue[0]!.rowName).not.toBe(s.overdue[0]!.rowId);
    const list = await agencyAssessmentWorklist(db, ciso, LATER(11));
    expect(list).toMatchObject([{ id: assessmentId, open: 3 }]);
    expect(list[0]!.overdue).toHaveLength(2);
    await expect(assessmentSummary(db, outsider, assessmentId)).rejects.toMatchObject({ code: "not-found" });
    expect(await agencyAssessmentWorklist(db, outsider)).toEqual([]);
  });

  it("a resubmission reopens only the returned rows; a later accept of 是 closes the nonconformity in the same review", async () => {
    // Accepted rows stay locked for the vendor.
    const a = await vendorAssessment(db, vendor, caseId);
    await expect(
      db.$transaction((tx) => writeAnswers(tx, a, [{ rowId: row(0), answer: "no", evidence: "", note: "改" }], vendor, "save", new Set(rowIds))),
    ).rejects.toMatchObject({ code: "conflict" });
    await answerAll({ [row(3)]: { answer: "yes", note: "已補弱點掃描報告" }, [row(4)]: { answer: "na", note: "本案不含此項，已補充理由" } });
    await submitAssessment(db, vendor, caseId);
    const answers = await db.vendorAnswer.findMany({ where: { assessmentId } });
    expect(
      answers
        .filter((x) => x.review === "")
        .map((x) => x.rowId)
        .sort(),
    ).toEqual([row(3), row(4)].sort());
    expect(answers.filter((x) => x.review === "accepted")).toHaveLength(rowIds.length - 2);
    // The returned nonconformities stay open until the agency accepts the fix.
    expect(await db.nonconformity.count({ where: { closedAt: null } })).toBe(3);
    const r = await reviewAnswers(
      db,
      officer,
      assessmentId,
      [
        { rowId: row(3), verdict: "accept", comment: "" },
        { rowId: row(4), verdict: "accept", comment: "" },
      ],
      LATER(12),
    );
    expect(r).toMatchObject({ accepted: 2, closed: 2, opened: 0 });
    const closed = await db.nonconformity.findMany({ where: { rowId: { in: [row(3), row(4)] } } });
    expect(closed.every((n) => n.closedAt && n.closedByName === officer.name)).toBe(true);
    expect(await finishReview(db, officer, assessmentId, LATER(12))).toEqual({ status: "accepted", returned: 0 });
    expect(await db.notification.count({ where: { userId: vendor.id, kind: "vendor.accepted" } })).toBe(1);
    // The review page shows the history of both rounds (ordered by time; the test's review days are set ahead of the saves).
    const view = await reviewView(db, officer, assessmentId, LATER(12));
    const history = view.rows.find((x) => x.id === row(3))!.history.map((h) => `${h.round}:${h.action}`);
    expect([...history].sort()).toEqual(["0:save", "1:return", "1:save", "1:submit", "2:accept", "2:submit"]);
    expect(view.rows.find((x) => x.id === row(3))!.history.find((h) => h.action === "return")!.comment).toBe("請補弱點掃描報告");
  });

  it("the officer closes a nonconformity with a note (a note is required); it then leaves the dashboard counts", async () => {
    const open = await db.nonconformity.findFirstOrThrow({ where: { closedAt: null } });
    expect(open.rowId).toBe(row(1));
    await expect(closeNonconformity(db, officer, open.id, "   ")).rejects.toMatchObject({ code: "invalid", issues: [{ path: "note" }] });
    await expect(closeNonconformity(db, ciso, open.id, "已改善")).rejects.toMatchObject({ code: "forbidden" });
    await expect(closeNonconformity(db, outsider, open.id, "已改善")).rejects.toMatchObject({ code: "not-found" });
    await closeNonconformity(db, officer, open.id, "已取得 ISO 27001 驗證並繳交證書", LATER(13));
    await expect(closeNonconformity(db, officer, open.id, "再一次")).rejects.toMatchObject({ code: "conflict" });
    const later = await listContracts(db, officer, ZContractListQuery.parse({}), LATER(13));
    expect(later.rows[0]).toMatchObject({ nonconformities: { due: 0, overdue: 0 } });
    expect(await assessmentSummary(db, ciso, assessmentId, LATER(13))).toMatchObject({ open: 0, overdue: [] });
    expect(await agencyAssessmentWorklist(db, ciso, LATER(13))).toEqual([]);
    expect(await db.auditEntry.count({ where: { action: "vendor.nonconformity-close" } })).toBe(1);
  });

  it("the reviewed export (DOCX) carries the answers, 說明, file names and SHA-256, review status and nonconformities; so does the 驗收 document", async () => {
    const doc = await reviewedAssessmentDocument(db, ciso, assessmentId, LATER(13));
    expect(doc.fileName).toMatch(/廠商資安自評表審查結果_王代表_\d{8}\.docx$/);
    const text = textOf(readDocx(new Uint8Array(doc.bytes)).document);
    expect(text).toContain("廠商資安自評表審查結果");
    expect(text).toContain("ISO27001證書.pdf");
    expect(text).toContain(fileSha);
    expect(text).toContain("ISO 27001 證書第 1 頁");
    expect(text).toContain("尚未取得 ISO 27001 驗證，預計明年取得");
    expect(text).toContain("接受");
    expect(text).toContain("承辦人指定");
    expect(text).toContain("已取得 ISO 27001 驗證並繳交證書");
    await expect(reviewedAssessmentDocument(db, outsider, assessmentId)).rejects.toMatchObject({ code: "not-found" });
    const view = await contractView(db, contractId, officer);
    const acceptance = await acceptanceDocument(db, contractId, view.milestones[0]!.id, officer, LATER(13));
    const atext = textOf(readDocx(new Uint8Array(acceptance.bytes)).document);
    expect(atext).toContain("廠商資安自評");
    expect(atext).toContain("王代表");
  });

  it("the agency's file download checks the owner type, the answer link and the assessment", async () => {
    expect((await reviewFile(db, ciso, assessmentId, fileId)).sha256).toBe(fileSha);
    await expect(reviewFile(db, outsider, assessmentId, fileId)).rejects.toMatchObject({ code: "not-found" });
    // A file of the agency not linked to an answer of this assessment is not served here.
    const other = await db.$transaction((tx) =>
      storeFile(tx, { agencyId: officer.agencyId, ownerType: VENDOR_FILE_OWNER, ownerId: assessmentId, name: "未連結.pdf", bytes: PDF, uploader: vendor }),
    );
    await expect(reviewFile(db, officer, assessmentId, other.id)).rejects.toMatchObject({ code: "not-found" });
  });
});
