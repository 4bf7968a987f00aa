import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TDb } from "@/lib/db/client";
import type { TActor } from "@/lib/auth/roles";
import { createUser } from "@/lib/auth/users";
import { decideCase, reviewItem, submitCase } from "@/lib/cases/workflow-ops";
import { createCase } from "@/lib/cases/store";
import { createDraft, publishDraft } from "@/lib/catalogue/versions";
import { approvalProblems } from "@/lib/workflow/review-groups";
import { closeMailTransports, mailConfig } from "@/lib/mail";
import { deliverPending, listNotifications, markAllRead, markRead, MAX_ATTEMPTS, setMailOptOut, unreadCount } from "@/lib/notifications";
import { freshDb } from "../helpers/db";
import { createAgencyWithUsers, PASSWORD } from "../helpers/people";
import { addUser, checklistOf, filledCase } from "../helpers/filled-case";
import { NEWEST_VERSION } from "../helpers/catalogue";
import { bodyText, startSmtp, subjectOf } from "../helpers/smtp";

// Issue 14: who is told when it is their turn, in-app (same transaction as the event) and by e-mail
// (an outbox delivered after commit, through a real SMTP server).

describe("notifications: submitted, returned, approved, a new catalogue version", () => {
  let db: TDb;
  let cleanup: () => Promise<void>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let people: Awaited<ReturnType<typeof createAgencyWithUsers>>;
  let other: Awaited<ReturnType<typeof createAgencyWithUsers>>;
  let ciso2: TActor;
  const saved = process.env.SMTP_URL;

  beforeAll(async () => {
    ({ db, cleanup } = await freshDb());
    smtp = await startSmtp();
    people = await createAgencyWithUsers(db, "通知測試市政府");
    other = await createAgencyWithUsers(db, "另一個機關");
    ciso2 = await addUser(db, people.agencyId, ["ciso"], "第二位資安長");
  }, 60_000);
  beforeEach(() => {
    process.env.SMTP_URL = smtp.url;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = saved;
  });
  afterAll(async () => {
    closeMailTransports();
    await smtp.close();
    await cleanup();
  });

  const deliver = () => deliverPending(db, { config: mailConfig({ SMTP_URL: smtp.url }), baseUrl: "https://secreq.example.gov.tw" });
  const emailOf = async (u: TActor) => (await db.user.findUniqueOrThrow({ where: { id: u.id } })).email;
  const mailTo = async (u: TActor) => {
    const email = await emailOf(u);
    return smtp.received.filter((m) => m.to.includes(email));
  };
  async function reviewAll(caseId: string, ciso: TActor) {
    for (const p of approvalProblems(await checklistOf(db, caseId), []))
      if (p.kind === "item") await reviewItem(db, caseId, { itemId: p.itemId, verdict: "accept-risk", comment: "測試：接受風險" }, ciso);
  }

  it("submitted → every CISO of the agency, in-app and by e-mail, with the case's name and a link only", async () => {
    const caseId = await filledCase(db, people.officer);
    await submitCase(db, caseId, people.officer);
    for (const ciso of [people.ciso, ciso2]) {
      const [n] = await listNotifications(db, ciso.id);
      expect(n).toMatchObject({ kind: "case.submitted", link: `/cases/${caseId}/approval`, readAt: null });
      expect(n!.title).toContain("「測試案」");
    }
    // Nobody else, and not the other agency's CISO.
    expect(await listNotifications(db, people.officer.id)).toEqual([]);
    expect(await listNotifications(db, other.ciso.id)).toEqual([]);

    const before = smtp.received.length;
    expect(await deliver()).toMatchObject({ sent: 2, failed: 0 });
    await smtp.waitFor(before + 2);
    const [m] = await mailTo(people.ciso);
    expect(subjectOf(m!.raw)).toContain("「測試案」已送審");
    const body = bodyText(m!.raw);
    expect(body).toContain(`https://secreq.example.gov.tw/cases/${caseId}/approval`);
    expect(body).not.toContain("TEST-115-001"); // no case content beyond its name
    expect(body).not.toContain("9,999,999");
    // Delivered once: a second run sends nothing.
    expect(await deliver()).toMatchObject({ sent: 0 });
  });

  it("returned → the officer who edits the case; approved → the officer again", async () => {
    const caseId = await filledCase(db, people.officer);
    await submitCase(db, caseId, people.officer);
    await decideCase(db, caseId, "return", "請補充理由", people.ciso);
    const returned = (await listNotifications(db, people.officer.id)).find((n) => n.kind === "case.returned");
    expect(returned).toMatchObject({ link: `/cases/${caseId}/review` });
    expect(returned!.title).not.toContain("請補充理由"); // the comment stays in the app

    await submitCase(db, caseId, people.officer);
    await reviewAll(caseId, people.ciso);
    await decideCase(db, caseId, "approve", "", people.ciso);
    expect((await listNotifications(db, people.officer.id)).map((n) => n.kind)).toEqual(expect.arrayContaining(["case.returned", "case.approved"]));
    expect((await listNotifications(db, people.ciso.id)).some((n) => n.kind === "case.approved")).toBe(false);

    const before = (await mailTo(people.officer)).length;
    await deliver();
    await smtp.waitFor(smtp.received.length);
    const mails = (await mailTo(people.officer)).slice(before).map((m) => subjectOf(m.raw));
    expect(mails.some((s) => s.includes("已由資安長退回"))).toBe(true);
    expect(mails.some((s) => s.includes("已由資安長核准"))).toBe(true);
  });

  it("a notification exists only if its event does: a refused submission writes none", async () => {
    const caseId = await createCase(db, people.officer); // nothing filled: submission is refused
    const count = await db.notification.count();
    await expect(submitCase(db, caseId, people.officer)).rejects.toThrow();
    expect(await db.notification.count()).toBe(count);
  });

  it("a newer catalogue version → officers with open cases on an older one, in every agency", async () => {
    const keeperId = await createUser(db, {
      agencyId: people.agencyId,
      email: "keeper-n@test.secreq.tw",
      name: "周目錄",
      roles: ["catalogue-admin"],
      password: PASSWORD,
      mustChangePassword: false,
    });
    const keeper: TActor = { id: keeperId, name: "周目錄", agencyId: people.agencyId, roles: ["catalogue-admin"] };
    await createCase(db, other.officer); // a draft in the other agency
    const idle = await addUser(db, people.agencyId, ["officer"], "沒有案件的承辦人");
    await createDraft(db, keeper, { from: NEWEST_VERSION, version: "2099-01-01" });
    const lock = (await db.catalogueVersion.findUniqueOrThrow({ where: { id: "2099-01-01" } })).lockVersion;
    await publishDraft(db, keeper, "2099-01-01", lock, "測試用新版");
    for (const officer of [people.officer, other.officer]) {
      const n = (await listNotifications(db, officer.id)).filter((x) => x.kind === "catalogue.published");
      expect(n).toHaveLength(1); // one per officer, however many cases
      expect(n[0]).toMatchObject({ link: "/cases" });
      expect(n[0]!.title).toContain("2099-01-01");
    }
    expect(await listNotifications(db, idle.id)).toEqual([]);
    const before = (await mailTo(other.officer)).length;
    await deliver();
    await smtp.waitFor(smtp.received.length);
    expect((await mailTo(other.officer)).slice(before).map((m) => subjectOf(m.raw))).toEqual([expect.stringContaining("2099-01-01")]);
  });

  it("an opted-out user still sees the notification in-app but gets no e-mail", async () => {
    await setMailOptOut(db, ciso2, true);
    const caseId = await filledCase(db, people.officer);
    await submitCase(db, caseId, people.officer);
    const before = { ciso: (await mailTo(people.ciso)).length, ciso2: (await mailTo(ciso2)).length };
    expect(await deliver()).toMatchObject({ sent: 1, skipped: 1 });
    await smtp.waitFor(smtp.received.length);
    expect((await mailTo(people.ciso)).length).toBe(before.ciso + 1);
    expect((await mailTo(ciso2)).length).toBe(before.ciso2);
    expect((await listNotifications(db, ciso2.id))[0]).toMatchObject({ kind: "case.submitted", link: `/cases/${caseId}/approval` });
    await setMailOptOut(db, ciso2, false);
  });

  it("without SMTP_URL nothing is queued for e-mail, and the in-app list still works", async () => {
    delete process.env.SMTP_URL;
    const caseId = await filledCase(db, people.officer);
    await submitCase(db, caseId, people.officer);
    const rows = await db.notification.findMany({ where: { caseId } });
    expect(rows.length).toBe(2);
    expect(rows.every((r) => r.mailState === "off")).toBe(true);
    expect(await deliverPending(db, { config: null })).toEqual({ sent: 0, skipped: 0, failed: 0 });
  });

  it("two deliveries at once send each message once (rows are claimed atomically)", async () => {
    const caseId = await filledCase(db, people.officer);
    await submitCase(db, caseId, people.officer);
    const before = smtp.received.length;
    const [a, b] = await Promise.all([deliver(), deliver()]);
    expect(a.sent + b.sent).toBe(2);
    await smtp.waitFor(before + 2);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.received.length).toBe(before + 2);
  });

  it("a refusing mail server never fails the event: the row is retried, then given up", async () => {
    const refusing = await startSmtp({ rejectTo: /.*/ });
    try {
      const caseId = await filledCase(db, people.officer);
      await submitCase(db, caseId, people.officer); // succeeds although the server refuses everything
      let now = Date.now();
      for (let i = 0; i < MAX_ATTEMPTS; i++) {
        const r = await deliverPending(db, { config: mailConfig({ SMTP_URL: refusing.url }), now: () => new Date(now) });
        expect(r.failed).toBe(2);
        now += 24 * 3600_000; // past any back-off
      }
      const rows = await db.notification.findMany({ where: { caseId } });
      expect(rows.every((r) => r.mailState === "failed" && r.mailAttempts === MAX_ATTEMPTS)).toBe(true);
    } finally {
      await refusing.close();
    }
  });

  it("mark read: one's own, one at a time or all; another user's id changes nothing", async () => {
    const [first] = await listNotifications(db, people.ciso.id);
    await markRead(db, people.officer, first!.id);
    expect((await listNotifications(db, people.ciso.id))[0]!.readAt).toBeNull();
    const unread = await unreadCount(db, people.ciso.id);
    await markRead(db, people.ciso, first!.id);
    expect(await unreadCount(db, people.ciso.id)).toBe(unread - 1);
    expect(await markAllRead(db, people.ciso)).toBe(unread - 1);
    expect(await unreadCount(db, people.ciso.id)).toBe(0);
  });
});
