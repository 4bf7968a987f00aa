import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDb } from "@/lib/db/client";
import type { TActor } from "@/lib/auth/roles";
import { createCase } from "@/lib/cases/store";
import { acceptInvitation, createInvitation, hashToken, invitationForToken, listInvitations, mailInvitation, revokeInvitation } from "@/lib/vendor/invitations";
import { verifyChain } from "@/lib/audit";
import { vendorCase, vendorCases } from "@/lib/vendor/access";
import { setUserRoles } from "@/lib/admin/set-roles";
import { freshDb, TEST_DB } from "../helpers/db";
import { createAgencyWithUsers } from "../helpers/people";
import { bodyText, startSmtp, subjectOf } from "../helpers/smtp";

let db: TDb;
let cleanup: () => Promise<void>;
let officer: TActor;
let ciso: TActor;
let otherOfficer: TActor;
let approved: string;
let draft: string;
const NEW_PASSWORD = "Vendor-Pass-2026!";
const day = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  ({ db, cleanup } = await freshDb());
  ({ officer, ciso } = await createAgencyWithUsers(db, "邀請測試市政府"));
  ({ officer: otherOfficer } = await createAgencyWithUsers(db, "別的市政府"));
  draft = await createCase(db, officer);
  approved = await createCase(db, officer);
  // The invitation only needs an approved revision; how it got approved is the workflow's tests' concern.
  await db.case.update({ where: { id: approved }, data: { status: "approved", approvedAt: new Date(), approvedById: ciso.id } });
});
afterAll(() => cleanup());

const invite = (email: string, over: Record<string, unknown> = {}, now?: Date) =>
  createInvitation(db, officer, approved, { email, name: "張廠商", ...over }, now);
const accept = (token: string, password = NEW_PASSWORD, now?: Date) => acceptInvitation(db, { token, password, confirm: password }, now);

describe(`vendor invitations (${TEST_DB})`, () => {
  it("an officer invites to an approved case: a single-use token, 14 days by default, only its hash stored, audited", async () => {
    const now = new Date("2026-12-01T00:00:00Z");
    const r = await invite("Rep@Vendor.example", {}, now);
    expect(r.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(r.expiresAt.getTime() - now.getTime()).toBe(14 * day);
    const row = await db.vendorInvitation.findUniqueOrThrow({ where: { id: r.id } });
    expect(row).toMatchObject({ email: "rep@vendor.example", tokenHash: hashToken(r.token), caseId: approved, contractId: null });
    expect(JSON.stringify(row)).not.toContain(r.token);
    const audit = await db.auditEntry.findFirst({ where: { action: "vendor.invite", targetId: approved } });
    expect(audit?.after).toContain("rep@vendor.example");
    expect(audit?.after).not.toContain(r.token);
    expect((await listInvitations(db, officer, approved, now)).map((i) => i.state)).toEqual(["pending"]);
  });

  it("refuses a draft case, another agency's case, a CISO, bad fields (zh-TW at the field)", async () => {
    await expect(createInvitation(db, officer, draft, { email: "a@v.example", name: "甲" })).rejects.toMatchObject({ code: "conflict" });
    await expect(createInvitation(db, otherOfficer, approved, { email: "a@v.example", name: "甲" })).rejects.toMatchObject({ code: "not-found" });
    await expect(createInvitation(db, ciso, approved, { email: "a@v.example", name: "甲" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(invite("not-an-email", { days: 0 })).rejects.toMatchObject({
      code: "invalid",
      issues: expect.arrayContaining([
        { path: "email", message: "請填寫有效的電子郵件" },
        { path: "days", message: "有效天數至少 1 天" },
      ]),
    });
    await expect(invite(officer.name === "" ? "" : `officer-${officer.agencyId.slice(0, 8)}@test.secreq.tw`)).rejects.toMatchObject({
      issues: [{ path: "email", message: "此電子郵件已是機關人員之帳號，不能作為廠商代表" }],
    });
  });

  it("accepting creates a 廠商代表 account under the password policy; the token is then spent", async () => {
    const { token } = await invite("first@vendor.example");
    expect(await invitationForToken(db, token)).toMatchObject({ ok: true, email: "first@vendor.example", hasAccount: false });
    await expect(accept(token, "short")).rejects.toMatchObject({ issues: [{ path: "password", message: "密碼至少須 12 個字元" }] });
    await expect(acceptInvitation(db, { token, password: NEW_PASSWORD, confirm: "other" })).rejects.toMatchObject({
      issues: [{ path: "confirm", message: "兩次輸入的密碼不一致" }],
    });
    const r = await accept(token);
    const user = await db.user.findUniqueOrThrow({ where: { id: r.userId } });
    expect(JSON.parse(user.roles)).toEqual(["vendor"]);
    expect(user).toMatchObject({ email: "first@vendor.example", mustChangePassword: false, active: true, agencyId: officer.agencyId });
    // Reused
    await expect(accept(token)).rejects.toMatchObject({ code: "conflict", message: "此邀請連結已使用過；請直接登入，或請承辦人重新邀請" });
    expect(await invitationForToken(db, token)).toEqual({ ok: false, message: "此邀請連結已使用過；請直接登入，或請承辦人重新邀請" });
    expect(await db.auditEntry.count({ where: { action: "vendor.accept", actorId: r.userId } })).toBe(1);
  });

  it("an expired token is refused; so is a revoked one, and a revoked invitation cannot be revoked again", async () => {
    const now = new Date();
    const old = await invite("late@vendor.example", { days: 1 }, new Date(now.getTime() - 2 * day));
    await expect(accept(old.token)).rejects.toMatchObject({ code: "conflict", message: "此邀請已逾期，請洽承辦人重新邀請" });
    await expect(revokeInvitation(db, officer, old.id)).rejects.toMatchObject({ code: "conflict" });

    const r = await invite("revoked@vendor.example");
    await expect(revokeInvitation(db, otherOfficer, r.id)).rejects.toMatchObject({ code: "not-found" });
    await revokeInvitation(db, officer, r.id);
    await expect(accept(r.token)).rejects.toMatchObject({ code: "conflict", message: "此邀請已被撤銷，請洽承辦人" });
    await expect(revokeInvitation(db, officer, r.id)).rejects.toMatchObject({ code: "conflict" });
    expect(await db.user.count({ where: { email: "revoked@vendor.example" } })).toBe(0);
    expect(await invitationForToken(db, "x".repeat(43))).toMatchObject({ ok: false, message: expect.stringMatching(/^邀請連結無效/) });
    expect((await verifyChain(db)).ok).toBe(true);
  });

  it("a second invitation to an existing vendor attaches with that account's password, not a new one", async () => {
    const { token } = await invite("first@vendor.example");
    expect(await invitationForToken(db, token)).toMatchObject({ ok: true, hasAccount: true });
    await expect(accept(token, "Another-Pass-2026!")).rejects.toMatchObject({
      issues: [{ path: "password", message: "此電子郵件已有廠商代表帳號：請輸入該帳號之密碼" }],
    });
    const r = await accept(token);
    expect(await db.user.count({ where: { email: "first@vendor.example" } })).toBe(1);
    expect(await db.vendorInvitation.count({ where: { acceptedUserId: r.userId } })).toBe(2);
  });

  it("tenancy: a vendor reaches only the approved cases it accepted an invitation to, nothing else of the agency", async () => {
    const { token } = await invite("tenant@vendor.example");
    const { userId } = await accept(token);
    const vendor = { id: userId, roles: ["vendor" as const] };
    expect((await vendorCases(db, vendor)).map((c) => c.caseId)).toEqual([approved]);
    expect((await vendorCase(db, vendor, approved)).id).toBe(approved);
    await expect(vendorCase(db, vendor, draft)).rejects.toMatchObject({ code: "not-found" });
    const otherApproved = await createCase(db, officer);
    await db.case.update({ where: { id: otherApproved }, data: { status: "approved", approvedAt: new Date(), approvedById: ciso.id } });
    await expect(vendorCase(db, vendor, otherApproved)).rejects.toMatchObject({ code: "not-found" });
    // A pending (not accepted) invitation grants nothing.
    await createInvitation(db, officer, otherApproved, { email: "tenant@vendor.example", name: "張廠商" });
    await expect(vendorCase(db, vendor, otherApproved)).rejects.toMatchObject({ code: "not-found" });
    // Staff never pass the vendor door, nor a vendor the staff one.
    await expect(vendorCases(db, officer)).rejects.toMatchObject({ code: "forbidden" });
    await expect(listInvitations(db, { ...vendor, name: "張廠商", agencyId: officer.agencyId }, approved)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("an admin can neither make a vendor account staff nor hand out the vendor role", async () => {
    const { userId } = await accept((await invite("staffless@vendor.example")).token);
    const sameAgencyAdmin = (await db.user.findFirstOrThrow({ where: { agencyId: officer.agencyId, roles: { contains: "admin" } } })).id;
    const actor = { id: sameAgencyAdmin, name: "陳管理者", agencyId: officer.agencyId, roles: ["admin" as const] };
    await expect(setUserRoles(db, actor, userId, ["officer"])).rejects.toMatchObject({
      issues: [{ path: "roles", message: "廠商代表帳號不能授予機關角色；如需停用，請使用「停用」。" }],
    });
    await expect(setUserRoles(db, actor, officer.id, ["officer", "vendor" as never])).rejects.toMatchObject({ code: "invalid" });
    expect(JSON.parse((await db.user.findUniqueOrThrow({ where: { id: userId } })).roles)).toEqual(["vendor"]);
  });

  it("two accepts of one token at once: one account, one wins", async () => {
    const { token } = await invite("race@vendor.example");
    const results = await Promise.allSettled([accept(token), accept(token)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { email: "race@vendor.example" } })).toBe(1);
  });

  it("mails the link through a real SMTP server when one is configured", async () => {
    const smtp = await startSmtp();
    try {
      const r = await mailInvitation(
        { url: smtp.url, from: "SecReq <no-reply@secreq.test>" },
        {
          email: "rep@vendor.example",
          name: "張廠商",
          link: "https://secreq.test/invite/abc",
          agencyName: "邀請測試市政府",
          caseTitle: "測試案",
          expiresAt: new Date(),
        },
      );
      expect(r.sent).toBe(true);
      const [mail] = await smtp.waitFor(1);
      expect(mail!.to).toEqual(["rep@vendor.example"]);
      expect(subjectOf(mail!.raw)).toBe("［SecReq］邀請測試市政府邀請您填寫廠商資安自評表");
      expect(bodyText(mail!.raw)).toContain("https://secreq.test/invite/abc");
      expect(await mailInvitation(null, { email: "x@v.example", name: "x", link: "l", agencyName: "a", caseTitle: "c", expiresAt: new Date() })).toEqual({
        sent: false,
        reason: "disabled",
      });
    } finally {
      await smtp.close();
    }
  });
});
