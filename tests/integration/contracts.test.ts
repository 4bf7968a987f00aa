import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ICAL from "ical.js";
import type { TDb } from "@/lib/db/client";
import type { TActor } from "@/lib/auth/roles";
import { submitCase, decideCase, reviewItem, reviseCase } from "@/lib/cases/workflow-ops";
import { approvalProblems } from "@/lib/workflow/review-groups";
import {
  amendContract,
  awardContract,
  contractView,
  listContracts,
  markDeadlineMet,
  recordIncident,
  reviewObligation,
  signOffMilestone,
  acceptanceDocument,
  submitEvidence,
  regenerateCalendarToken,
  calendarFeed,
  ZContractListQuery,
} from "@/lib/contracts/store";
import { readStoredFile } from "@/lib/files";
import { freshDb, TEST_DB } from "../helpers/db";
import { createAgencyWithUsers } from "../helpers/people";
import { checklistOf, filledCase } from "../helpers/filled-case";
import { EXE, PDF } from "../helpers/files";
import { readDocx, textOf } from "../unit/export/helpers/docx";

let db: TDb;
let cleanup: () => Promise<void>;
let officer: TActor;
let ciso: TActor;
let admin: TActor;
let outsider: TActor;
let caseId: string;
let contractId: string;

const AWARD = {
  vendorName: "安全軟體股份有限公司",
  vendorTaxId: "04595257",
  contractNumber: "TEST-115-001-C",
  award: "2026-12-01",
  signed: "2026-12-05",
  start: "2026-12-10",
  end: "2027-12-09",
  milestones: [
    { name: "第一期驗收", dueOn: "2027-03-31" },
    { name: "最終驗收", dueOn: "2027-12-09" },
  ],
};

async function approved(id: string) {
  await submitCase(db, id, officer);
  for (const p of approvalProblems(await checklistOf(db, id), []))
    if (p.kind === "item") await reviewItem(db, id, { itemId: p.itemId, verdict: "accept-risk", comment: "測試：接受風險" }, ciso);
  await decideCase(db, id, "approve", "", ciso);
  return id;
}

beforeAll(async () => {
  ({ db, cleanup } = await freshDb());
  ({ officer, ciso, admin } = await createAgencyWithUsers(db, "契約測試市政府"));
  outsider = (await createAgencyWithUsers(db, "別的縣政府")).officer;
  caseId = await approved(await filledCase(db, officer));
}, 120_000);
afterAll(() => cleanup());

describe(`contracts (${TEST_DB})`, { timeout: 60_000 }, () => {
  it("refuses a bad 統一編號, bad dates and an unapproved revision, naming the field", async () => {
    await expect(awardContract(db, caseId, { ...AWARD, vendorTaxId: "04595258" }, officer)).rejects.toMatchObject({
      code: "invalid",
      issues: [{ path: "vendorTaxId", message: expect.stringMatching(/檢查碼/) }],
    });
    await expect(awardContract(db, caseId, { ...AWARD, end: "2026-12-01" }, officer)).rejects.toMatchObject({ issues: [{ path: "end" }] });
    await expect(awardContract(db, caseId, { ...AWARD, start: "2026-02-30" }, officer)).rejects.toMatchObject({ issues: [{ path: "start" }] });
    const draft = await filledCase(db, officer);
    await expect(awardContract(db, draft, AWARD, officer)).rejects.toMatchObject({ code: "conflict" });
    await expect(awardContract(db, caseId, AWARD, ciso)).rejects.toMatchObject({ code: "forbidden" });
    await expect(awardContract(db, caseId, AWARD, outsider)).rejects.toMatchObject({ code: "not-found" });
  });

  it("award → the contract pins the revision and carries the engine's obligations, audited", async () => {
    contractId = await awardContract(db, caseId, AWARD, officer);
    const view = await contractView(db, contractId, officer, new Date("2026-12-11T02:00:00Z"));
    expect(view.record.id).toBe(caseId);
    expect(view.milestones.map((m) => [m.name, m.dueOn])).toEqual([
      ["第一期驗收", "2027-03-31"],
      ["最終驗收", "2027-12-09"],
    ]);
    expect(view.obligations.length).toBeGreaterThan(3);
    const plan = view.obligations.find((o) => /專案工作計畫書/.test(o.title));
    expect(plan, view.obligations.map((o) => o.title).join("、")).toBeDefined();
    expect(plan!.dueOn! > "2026-12-01").toBe(true);
    expect(plan!.basis).not.toBe("");
    expect(view.obligations.every((o) => o.dueOn === null || (o.dueOn >= "2026-12-01" && o.dueOn <= "2027-12-09"))).toBe(true);
    expect(new Set(view.obligations.map((o) => o.owner))).toContain("vendor");
    const audit = await db.auditEntry.findFirst({ where: { action: "contract.award", targetId: contractId } });
    expect(audit?.actorName).toBe(officer.name);
    // One contract per case.
    await expect(awardContract(db, caseId, AWARD, officer)).rejects.toMatchObject({ code: "conflict" });
    // CISO and admin see it; another agency does not.
    await expect(contractView(db, contractId, ciso)).resolves.toBeDefined();
    await expect(contractView(db, contractId, admin)).resolves.toBeDefined();
    await expect(contractView(db, contractId, outsider)).rejects.toMatchObject({ code: "not-found" });
  });

  it("statuses are computed at read time in Taipei: 未到期 → 待繳交 → 逾期", async () => {
    const plan = (await contractView(db, contractId, officer)).obligations.find((o) => /專案工作計畫書/.test(o.title))!;
    const at = (iso: string) => contractView(db, contractId, officer, new Date(iso)).then((v) => v.obligations.find((o) => o.id === plan.id)!.status);
    const due = plan.dueOn!;
    // 16:00Z the day before is already the due date in Taipei (+08:00).
    const dayBefore = new Date(`${due}T00:00:00Z`);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
    expect(await at(`${dayBefore.toISOString().slice(0, 10)}T15:59:00Z`)).toBe("due");
    expect(await at(`${due}T15:59:00Z`)).toBe("due");
    expect(await at(`${due}T16:00:00Z`)).toBe("overdue");
    expect(await at("2026-06-01T00:00:00Z")).toBe("not-due");
  });

  it("evidence: a bad file keeps nothing; upload → 已繳交待審 → 退回 → upload again → 已核可, with its history", async () => {
    const plan = (await contractView(db, contractId, officer)).obligations.find((o) => /專案工作計畫書/.test(o.title))!;
    const files = await db.storedFile.count();
    await expect(submitEvidence(db, plan.id, { name: "plan.pdf", bytes: EXE }, officer)).rejects.toMatchObject({ code: "invalid", issues: [{ path: "file" }] });
    expect(await db.storedFile.count()).toBe(files);
    expect((await db.obligation.findUniqueOrThrow({ where: { id: plan.id } })).review).toBe("");
    await expect(submitEvidence(db, plan.id, { name: "plan.pdf", bytes: PDF }, outsider)).rejects.toMatchObject({ code: "not-found" });
    await expect(submitEvidence(db, plan.id, { name: "plan.pdf", bytes: PDF }, ciso)).rejects.toMatchObject({ code: "forbidden" });

    const first = await submitEvidence(db, plan.id, { name: "專案工作計畫書v1.pdf", bytes: PDF }, officer);
    let o = (await contractView(db, contractId, officer)).obligations.find((x) => x.id === plan.id)!;
    expect(o.status).toBe("submitted");
    await expect(reviewObligation(db, plan.id, { verdict: "return", comment: "" }, officer)).rejects.toMatchObject({ issues: [{ path: "comment" }] });
    await reviewObligation(db, plan.id, { verdict: "return", comment: "缺少資安專責人員名單" }, officer);
    o = (await contractView(db, contractId, officer)).obligations.find((x) => x.id === plan.id)!;
    expect([o.status, o.reviewComment]).toEqual(["returned", "缺少資安專責人員名單"]);
    await expect(reviewObligation(db, plan.id, { verdict: "approve" }, officer)).rejects.toMatchObject({ code: "conflict" });

    const second = await submitEvidence(db, plan.id, { name: "專案工作計畫書v2.pdf", bytes: PDF, replaces: first.id }, officer);
    await reviewObligation(db, plan.id, { verdict: "approve" }, officer);
    o = (await contractView(db, contractId, officer)).obligations.find((x) => x.id === plan.id)!;
    expect(o.status).toBe("approved");
    expect(o.reviewedByName).toBe(officer.name);
    expect(o.files.map((f) => [f.name, f.replacedById])).toEqual([
      ["專案工作計畫書v1.pdf", second.id],
      ["專案工作計畫書v2.pdf", null],
    ]);
    expect(o.events.map((e) => e.action)).toEqual(["submit", "return", "submit", "approve"]);
    expect(Buffer.from((await readStoredFile(db, { agencyId: officer.agencyId, id: first.id })).content).equals(Buffer.from(PDF))).toBe(true);
    const actions = (await db.auditEntry.findMany({ where: { targetId: plan.id }, orderBy: { seq: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["obligation.evidence", "obligation.return", "obligation.evidence", "obligation.approve"]);
  });

  it("驗收 document: obligations due by the milestone with evidence hashes; a draft until the CISO signs it off", async () => {
    const view = await contractView(db, contractId, officer);
    const first = view.milestones[0]!;
    const text = async () => {
      const { bytes } = await acceptanceDocument(db, contractId, first.id, officer);
      const doc = readDocx(bytes);
      return { body: textOf(doc.document), header: doc.headers.map(textOf).join(" ") };
    };
    const draft = await text();
    expect(draft.body).toMatch(/資安驗收檢核表/);
    expect(draft.body).toMatch(/專案工作計畫書/);
    const plan = view.obligations.find((o) => /專案工作計畫書/.test(o.title))!;
    expect(draft.body).toContain(plan.files.find((f) => !f.replacedById)!.sha256);
    expect(draft.body).toMatch(/尚未經資安長簽核/);
    await expect(signOffMilestone(db, first.id, officer)).rejects.toMatchObject({ code: "forbidden" });
    await signOffMilestone(db, first.id, ciso);
    await expect(signOffMilestone(db, first.id, ciso)).rejects.toMatchObject({ code: "conflict" });
    const final = await text();
    expect(final.body).toMatch(new RegExp(`資安長 ${ciso.name} 於`));
    expect(draft.header).toMatch(/草稿/);
    expect(final.header).not.toMatch(/草稿/);
  });

  it("incidents: a level-2 incident's deadlines from when the vendor learned of it, tracked", async () => {
    await expect(recordIncident(db, contractId, { level: 5, knownAt: "2026-12-02T09:30", description: "x" }, officer)).rejects.toMatchObject({
      issues: [{ path: "level" }],
    });
    await expect(recordIncident(db, contractId, { level: 2, knownAt: "", description: "x" }, officer)).rejects.toMatchObject({ issues: [{ path: "knownAt" }] });
    const id = await recordIncident(db, contractId, { level: 2, knownAt: "2026-12-01T09:30", description: "網站遭置換首頁" }, officer);
    let [incident] = (await contractView(db, contractId, officer, new Date("2026-12-01T02:00:00Z"))).incidents;
    expect(incident!.id).toBe(id);
    const by = Object.fromEntries(incident!.deadlines.map((d) => [d.key, d]));
    expect(by.notice!.at).toBe("2026-12-01T10:30:00+08:00");
    expect(by.recovery!.at).toBe("2026-12-04T09:30:00+08:00");
    expect(by.recovery!.basis).toMatch(/72/);
    expect(by.notice!.state).toBe("open");
    await markDeadlineMet(db, id, "notice", officer);
    await expect(markDeadlineMet(db, id, "notice", officer)).rejects.toMatchObject({ code: "conflict" });
    [incident] = (await contractView(db, contractId, officer, new Date("2026-12-10T00:00:00Z"))).incidents;
    const after = Object.fromEntries(incident!.deadlines.map((d) => [d.key, d.state]));
    expect(after).toMatchObject({ notice: "met", recovery: "overdue" });
    await expect(recordIncident(db, contractId, { level: 2, knownAt: "2026-12-01T09:30", description: "x" }, ciso)).rejects.toMatchObject({
      code: "forbidden",
    });
  });

  it("dashboard: the agency's contracts with due, overdue and awaiting review; filters; tenancy", async () => {
    const q = (over: object = {}) => ZContractListQuery.parse(over);
    const page = await listContracts(db, ciso, q(), new Date("2027-06-01T00:00:00Z"));
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({ id: contractId, vendorName: AWARD.vendorName });
    expect(page.rows[0]!.overdue).toBeGreaterThan(0);
    expect((await listContracts(db, officer, q({ filter: "review" }))).total).toBe(0);
    expect((await listContracts(db, officer, q({ q: "TEST-115" }))).total).toBe(1);
    expect((await listContracts(db, officer, q({ q: "沒有這個" }))).total).toBe(0);
    expect((await listContracts(db, outsider, q())).total).toBe(0);
  });

  it("calendar feed: a secret URL (only its hash stored), the agency's open obligations as all-day events; regenerating revokes the old one", async () => {
    const token = await regenerateCalendarToken(db, ciso);
    const row = await db.calendarFeed.findUniqueOrThrow({ where: { userId: ciso.id } });
    expect(row.tokenHash).not.toContain(token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const ics = await calendarFeed(db, token);
    // Read by a real RFC 5545 parser (ical.js): it throws on a malformed calendar.
    const cal = new ICAL.Component(ICAL.parse(ics));
    expect(cal.name).toBe("vcalendar");
    expect(cal.getFirstPropertyValue("version")).toBe("2.0");
    expect(cal.getFirstPropertyValue("prodid")).toBeTruthy();
    const events = cal.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    for (const e of events) expect(e.component.getFirstPropertyValue("dtstamp")).toBeTruthy(); // required in every VEVENT
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect(byUid.size).toBe(events.length);
    const open = (await contractView(db, contractId, ciso)).obligations.filter((o) => o.active && o.dueOn && o.status !== "approved");
    const milestones = await db.contractMilestone.findMany({ where: { contractId } });
    expect(open.length).toBeGreaterThan(0);
    expect(events.length).toBe(open.length + milestones.length);
    const allDay = (e: ICAL.Event, date: string) => {
      // All-day (VALUE=DATE, no time zone) on the Taipei due date, ending the next day.
      expect(e.startDate.isDate).toBe(true);
      expect(e.startDate.toString()).toBe(date);
      expect(e.endDate.isDate).toBe(true);
      expect(e.endDate.toJSDate().getTime() - e.startDate.toJSDate().getTime()).toBe(86_400_000);
    };
    for (const o of open) {
      const e = byUid.get(`obligation-${o.id}@secreq`)!;
      expect(e, o.title).toBeDefined();
      expect(e.summary).toBe(`${AWARD.contractNumber}｜${o.title}`);
      allDay(e, o.dueOn!);
    }
    for (const m of milestones) {
      const e = byUid.get(`milestone-${m.id}@secreq`)!;
      expect(e.summary).toBe(`${AWARD.contractNumber}｜驗收：${m.name}`);
      allDay(e, m.dueOn);
    }
    expect(events.map((e) => e.summary)).toContain("TEST-115-001-C｜驗收：第一期驗收");
    // The UIDs stay the same from one fetch to the next, so a calendar app updates events instead of duplicating them.
    const again = new ICAL.Component(ICAL.parse(await calendarFeed(db, token))).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v).uid);
    expect(again.sort()).toEqual([...byUid.keys()].sort());
    const next = await regenerateCalendarToken(db, ciso);
    await expect(calendarFeed(db, token)).rejects.toMatchObject({ code: "not-found" });
    const renewed = new ICAL.Component(ICAL.parse(await calendarFeed(db, next))).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v).uid);
    expect(renewed.sort()).toEqual([...byUid.keys()].sort()); // a new URL, the same events
    await expect(calendarFeed(db, "x".repeat(43))).rejects.toMatchObject({ code: "not-found" });
  });

  it("amendment: a later approved revision, moved to explicitly; obligations recomputed, evidence kept", async () => {
    const before = await contractView(db, contractId, officer);
    const plan = before.obligations.find((o) => /專案工作計畫書/.test(o.title))!;
    expect(before.laterRevisions).toEqual([]);
    const next = await reviseCase(db, caseId, officer);
    await approved(next);
    const view = await contractView(db, contractId, officer);
    expect(view.record.id).toBe(caseId); // a later revision does not move the contract by itself
    expect(view.laterRevisions.map((r) => r.id)).toEqual([next]);
    await expect(amendContract(db, contractId, { caseId: next, lockVersion: view.contract.lockVersion + 1 }, officer)).rejects.toMatchObject({
      code: "conflict",
    });
    await amendContract(db, contractId, { caseId: next, lockVersion: view.contract.lockVersion }, officer);
    const moved = await contractView(db, contractId, officer);
    expect(moved.record.id).toBe(next);
    const kept = moved.obligations.find((o) => o.id === plan.id)!;
    expect(kept.status).toBe("approved");
    expect(kept.files).toHaveLength(2);
    expect(await db.auditEntry.count({ where: { action: "contract.amend", targetId: contractId } })).toBe(1);
    await expect(amendContract(db, contractId, { caseId, lockVersion: moved.contract.lockVersion }, officer)).rejects.toMatchObject({ code: "conflict" });
  });
});
