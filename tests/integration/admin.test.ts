import { contentDisposition } from "@/lib/http/attachment";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "better-auth/crypto";
import type { TDb } from "@/lib/db/client";
import { passwordProblem } from "@/lib/auth/password-policy";
import { parseRoles } from "@/lib/auth/roles";
import { isRecentPassword } from "@/lib/auth/users";
import {
  AdminError,
  activateUser,
  auditCsvFileName,
  createAgencyUser,
  deactivateUser,
  exportAuditCsv,
  getAgencySettings,
  listAgencyAudit,
  listAuditActions,
  listUsers,
  readAuditQuery,
  resetPassword,
  setIdleTimeout,
  setUserRoles,
  temporaryPassword,
  unlockUser,
  type TAdminActor,
} from "@/lib/admin";
import { freshDb } from "../helpers/db";
import { createAgencyWithUsers, PASSWORD } from "../helpers/people";

type TPeople = Awaited<ReturnType<typeof createAgencyWithUsers>>;

/** Rejects with an AdminError of this code (and, when given, a message matching). */
async function refused(p: Promise<unknown>, code: AdminError["code"], message?: RegExp) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AdminError);
  expect((e as AdminError).code).toBe(code);
  if (message) expect((e as AdminError).message).toMatch(message);
  return e as AdminError;
}

describe("the agency admin area (lib/admin)", () => {
  let db: TDb;
  let cleanup: () => Promise<void>;
  let a: TPeople;
  let b: TPeople;
  let admin: TAdminActor;
  const entries = (action: string, targetId?: string) =>
    db.auditEntry.findMany({ where: { action, ...(targetId ? { targetId } : {}) }, orderBy: { at: "asc" } });
  const user = (id: string) => db.user.findUniqueOrThrow({ where: { id } });
  const session = (userId: string) =>
    db.session.create({ data: { id: randomUUID(), token: randomUUID(), userId, expiresAt: new Date(Date.now() + 3_600_000) } });

  beforeAll(async () => {
    ({ db, cleanup } = await freshDb());
    a = await createAgencyWithUsers(db, "甲市政府");
    b = await createAgencyWithUsers(db, "乙縣政府");
    admin = a.admin;
  });
  afterAll(() => cleanup());

  describe("temporary passwords", () => {
    it("always satisfy the password policy, differ every time, and avoid the account name", () => {
      const seen = new Set<string>();
      for (let i = 0; i < 300; i++) {
        const p = temporaryPassword({ email: "someone@example.gov.tw" });
        expect(passwordProblem(p, { email: "someone@example.gov.tw" })).toBeNull();
        seen.add(p);
      }
      expect(seen.size).toBe(300);
    });
  });

  describe("listUsers", () => {
    it("lists only the admin's agency, with parsed roles", async () => {
      const users = await listUsers(db, admin);
      expect(users.map((u) => u.id).sort()).toEqual([a.officer.id, a.ciso.id, a.admin.id].sort());
      expect(users.find((u) => u.id === a.ciso.id)!.roles).toEqual(["ciso"]);
    });

    it("refuses a non-admin and an admin whose role is not in the database", async () => {
      await refused(listUsers(db, a.officer), "forbidden");
      // The caller's claimed roles count for nothing: the database decides.
      await refused(listUsers(db, { ...a.officer, roles: ["admin"] } as TAdminActor), "forbidden");
      // An admin id paired with another agency.
      await refused(listUsers(db, { ...b.admin, agencyId: a.agencyId }), "forbidden");
    });
  });

  describe("createAgencyUser", () => {
    it("creates the user with a one-time password that must be changed, and audits it without the password", async () => {
      const { id, password } = await createAgencyUser(db, admin, { name: " 張新人 ", email: "New.Person@Example.gov.tw", roles: ["officer"] });
      expect(passwordProblem(password, { email: "new.person@example.gov.tw" })).toBeNull();
      const row = await user(id);
      expect(row).toMatchObject({ name: "張新人", email: "new.person@example.gov.tw", agencyId: a.agencyId, mustChangePassword: true, active: true });
      expect(parseRoles(row.roles)).toEqual(["officer"]);
      const account = await db.account.findFirstOrThrow({ where: { userId: id, providerId: "credential" } });
      expect(await verifyPassword({ hash: account.password!, password })).toBe(true);

      const [entry] = await entries("user.create", id);
      expect(entry).toMatchObject({ agencyId: a.agencyId, actorId: admin.id, actorName: admin.name, targetType: "user", before: null });
      expect(JSON.parse(entry!.after!)).toEqual({
        name: "張新人",
        email: "new.person@example.gov.tw",
        roles: ["officer"],
        active: true,
        mustChangePassword: true,
      });
      expect(JSON.stringify(entry)).not.toContain(password);
      expect(JSON.stringify(entry)).not.toContain(account.password!);
    });

    it("refuses a taken e-mail (in any agency) at the field, and bad input at its fields", async () => {
      const bOfficer = await user(b.officer.id);
      const e = await refused(createAgencyUser(db, admin, { name: "重複", email: bOfficer.email.toUpperCase(), roles: ["officer"] }), "conflict");
      expect(e.issues).toEqual([{ path: "email", message: "此電子郵件已有帳號" }]);
      const bad = await refused(createAgencyUser(db, admin, { name: "  ", email: "not-an-email", roles: [] }), "invalid");
      expect(bad.issues.map((i) => i.path).sort()).toEqual(["email", "name", "roles"]);
    });

    it("refuses a non-admin", async () => {
      await refused(createAgencyUser(db, a.ciso, { name: "x", email: "x@example.gov.tw", roles: ["officer"] }), "forbidden");
      expect(await db.user.findUnique({ where: { email: "x@example.gov.tw" } })).toBeNull();
    });
  });

  describe("setUserRoles", () => {
    it("sets roles and audits before → after", async () => {
      const r = await setUserRoles(db, admin, a.officer.id, ["ciso", "officer"]);
      expect(r).toEqual({ changed: true, roles: ["officer", "ciso"] });
      expect(parseRoles((await user(a.officer.id)).roles)).toEqual(["officer", "ciso"]);
      const [entry] = await entries("user.roles", a.officer.id);
      expect(JSON.parse(entry!.before!)).toEqual({ roles: ["officer"] });
      expect(JSON.parse(entry!.after!)).toEqual({ roles: ["officer", "ciso"] });
      // The same roles again: nothing to record.
      expect((await setUserRoles(db, admin, a.officer.id, ["officer", "ciso"])).changed).toBe(false);
      expect(await entries("user.roles", a.officer.id)).toHaveLength(1);
    });

    it("refuses another agency's user as if it did not exist", async () => {
      await refused(setUserRoles(db, admin, b.officer.id, ["admin"]), "not-found", /找不到/);
      expect(parseRoles((await user(b.officer.id)).roles)).toEqual(["officer"]);
    });

    it("refuses to remove the agency's last active admin role", async () => {
      const c = await createAgencyWithUsers(db, "丙區公所");
      // The only admin: whoever it is, the role stays.
      const e = await refused(setUserRoles(db, c.admin, c.admin.id, ["officer"]), "invalid", /至少須保留一位啟用中的管理者/);
      expect(e.issues[0]!.path).toBe("roles");
      // A second admin who is deactivated does not count.
      const { id } = await createAgencyUser(db, c.admin, { name: "第二管理者", email: "admin2@c.example.gov.tw", roles: ["admin", "ciso"] });
      await deactivateUser(db, c.admin, id);
      await refused(setUserRoles(db, c.admin, c.admin.id, ["officer"]), "invalid", /至少須保留一位/);
      expect(parseRoles((await user(c.admin.id)).roles)).toEqual(["admin"]);
      expect(await entries("user.roles", c.admin.id)).toHaveLength(0);
    });

    it("refuses to remove the admin's own admin role, even with another admin present", async () => {
      const c = await createAgencyWithUsers(db, "丁鄉公所");
      const { id } = await createAgencyUser(db, c.admin, { name: "第二管理者", email: "admin2@d.example.gov.tw", roles: ["admin"] });
      const e = await refused(setUserRoles(db, c.admin, c.admin.id, ["officer"]), "invalid", /自己的管理者角色/);
      expect(e.issues[0]!.path).toBe("roles");
      // Another admin may do it; then the demoted one can act no more, whatever their session says.
      const second: TAdminActor = { id, name: "第二管理者", agencyId: c.agencyId };
      expect((await setUserRoles(db, second, c.admin.id, ["officer"])).changed).toBe(true);
      await refused(setUserRoles(db, c.admin, id, ["officer"]), "forbidden");
      await refused(setUserRoles(db, second, id, ["officer"]), "invalid", /至少須保留一位/);
    });
  });

  describe("resetPassword", () => {
    it("sets a new temporary password, forces a change, lifts the lock, revokes sessions; audits no password", async () => {
      await db.user.update({ where: { id: a.officer.id }, data: { mustChangePassword: false, failedLogins: 3, lockedUntil: new Date(Date.now() + 600_000) } });
      await session(a.officer.id);
      await session(a.officer.id);
      const before = await db.account.findFirstOrThrow({ where: { userId: a.officer.id, providerId: "credential" } });
      const { password, sessionsRevoked } = await resetPassword(db, admin, a.officer.id);
      expect(sessionsRevoked).toBe(2);
      expect(passwordProblem(password)).toBeNull();
      expect(await db.session.count({ where: { userId: a.officer.id } })).toBe(0);
      const row = await user(a.officer.id);
      expect(row).toMatchObject({ mustChangePassword: true, failedLogins: 0, lockedUntil: null });
      const account = await db.account.findFirstOrThrow({ where: { userId: a.officer.id, providerId: "credential" } });
      expect(await verifyPassword({ hash: account.password!, password })).toBe(true);
      expect(await verifyPassword({ hash: account.password!, password: PASSWORD })).toBe(false);
      // The forced change cannot keep the password the admin saw.
      expect(await isRecentPassword(db, a.officer.id, password)).toBe(true);

      const [entry] = await entries("user.password-reset", a.officer.id);
      expect(JSON.parse(entry!.before!)).toMatchObject({ mustChangePassword: false, failedLogins: 3 });
      expect(JSON.parse(entry!.after!)).toEqual({ mustChangePassword: true, failedLogins: 0, lockedUntil: null, sessionsRevoked: 2 });
      for (const secret of [password, account.password!, before.password!]) expect(JSON.stringify(entry)).not.toContain(secret);
    });

    it("refuses the admin's own account and another agency's user", async () => {
      await refused(resetPassword(db, admin, admin.id), "invalid", /變更密碼/);
      await refused(resetPassword(db, admin, b.officer.id), "not-found");
      await refused(resetPassword(db, admin, "not-a-uuid"), "invalid");
    });
  });

  describe("unlockUser", () => {
    it("lifts a lock and clears the count, audited", async () => {
      const until = new Date(Date.now() + 900_000);
      await db.user.update({ where: { id: a.ciso.id }, data: { failedLogins: 0, lockedUntil: until } });
      await unlockUser(db, admin, a.ciso.id);
      expect(await user(a.ciso.id)).toMatchObject({ failedLogins: 0, lockedUntil: null });
      const [entry] = await entries("user.unlock", a.ciso.id);
      expect(JSON.parse(entry!.before!)).toEqual({ failedLogins: 0, lockedUntil: until.toISOString() });
      expect(JSON.parse(entry!.after!)).toEqual({ failedLogins: 0, lockedUntil: null });
    });

    it("refuses an account that is not locked, and another agency's user", async () => {
      await refused(unlockUser(db, admin, a.ciso.id), "conflict", /未鎖定/);
      await db.user.update({ where: { id: b.ciso.id }, data: { lockedUntil: new Date(Date.now() + 900_000) } });
      await refused(unlockUser(db, admin, b.ciso.id), "not-found");
      expect((await user(b.ciso.id)).lockedUntil).not.toBeNull();
    });
  });

  describe("deactivateUser / activateUser", () => {
    it("deactivates (ending sessions) and reactivates, each audited", async () => {
      await session(a.ciso.id);
      expect(await deactivateUser(db, admin, a.ciso.id)).toEqual({ sessionsRevoked: 1 });
      expect((await user(a.ciso.id)).active).toBe(false);
      expect(await db.session.count({ where: { userId: a.ciso.id } })).toBe(0);
      const [off] = (await entries("user.deactivate", a.ciso.id)).slice(-1);
      expect(JSON.parse(off!.before!)).toEqual({ active: true });
      expect(JSON.parse(off!.after!)).toEqual({ active: false, sessionsRevoked: 1 });
      await refused(deactivateUser(db, admin, a.ciso.id), "conflict");

      await activateUser(db, admin, a.ciso.id);
      expect((await user(a.ciso.id)).active).toBe(true);
      const [on] = (await entries("user.activate", a.ciso.id)).slice(-1);
      expect(JSON.parse(on!.after!)).toEqual({ active: true });
      await refused(activateUser(db, admin, a.ciso.id), "conflict");
    });

    it("refuses self-deactivation and another agency's user", async () => {
      await refused(deactivateUser(db, admin, admin.id), "invalid", /自己的帳號/);
      expect((await user(admin.id)).active).toBe(true);
      await refused(deactivateUser(db, admin, b.admin.id), "not-found");
      await refused(activateUser(db, admin, b.admin.id), "not-found");
      expect((await user(b.admin.id)).active).toBe(true);
    });

    it("a deactivated admin can do nothing any more", async () => {
      const { id } = await createAgencyUser(db, admin, { name: "即將停用", email: "gone@a.example.gov.tw", roles: ["admin"] });
      await deactivateUser(db, admin, id);
      await refused(listUsers(db, { id, name: "即將停用", agencyId: a.agencyId }), "forbidden");
    });
  });

  describe("setIdleTimeout", () => {
    it("sets the agency's idle timeout and audits before → after", async () => {
      expect(await setIdleTimeout(db, admin, 45)).toEqual({ changed: true, idleTimeoutMinutes: 45 });
      expect(await getAgencySettings(db, admin)).toEqual({ name: "甲市政府", idleTimeoutMinutes: 45 });
      const [entry] = await entries("agency.settings", a.agencyId);
      expect(entry).toMatchObject({ targetType: "agency", actorId: admin.id });
      expect(JSON.parse(entry!.before!)).toEqual({ idleTimeoutMinutes: 30 });
      expect(JSON.parse(entry!.after!)).toEqual({ idleTimeoutMinutes: 45 });
      expect((await db.agency.findUniqueOrThrow({ where: { id: b.agencyId } })).idleTimeoutMinutes).toBe(30);
    });

    it("refuses a timeout outside 5–480 minutes or not whole", async () => {
      for (const bad of [4, 481, 0, -5, 30.5, Number.NaN]) {
        const e = await refused(setIdleTimeout(db, admin, bad), "invalid");
        expect(e.issues[0]!.message).toMatch(/分鐘/);
      }
      expect((await setIdleTimeout(db, admin, 5)).idleTimeoutMinutes).toBe(5);
      expect((await setIdleTimeout(db, admin, 480)).idleTimeoutMinutes).toBe(480);
      await refused(setIdleTimeout(db, a.officer, 60), "forbidden");
    });
  });

  describe("the audit log", () => {
    it("lists only the agency's entries, newest first, filtered and paged", async () => {
      const page = await listAgencyAudit(db, admin, {}, 3);
      expect(page.entries).toHaveLength(3);
      expect(page.entries.every((e) => e.agencyId === a.agencyId)).toBe(true);
      const times = page.entries.map((e) => e.at.getTime());
      expect([...times].sort((x, y) => y - x)).toEqual(times);
      const next = await listAgencyAudit(db, admin, { cursor: page.nextCursor! }, 3);
      expect(next.entries.map((e) => e.id)).not.toContain(page.entries[0]!.id);

      const roles = await listAgencyAudit(db, admin, { action: "user.roles", actorId: admin.id }, 500);
      expect(roles.entries.length).toBeGreaterThan(0);
      expect(roles.entries.every((e) => e.action === "user.roles" && e.actorId === admin.id)).toBe(true);

      const actions = await listAuditActions(db, admin);
      expect(actions).toEqual(
        expect.arrayContaining(["user.create", "user.roles", "user.password-reset", "user.unlock", "user.deactivate", "user.activate", "agency.settings"]),
      );
      await refused(listAgencyAudit(db, a.officer, {}), "forbidden");
      // Another agency's admin sees none of it.
      const theirs = await listAgencyAudit(db, b.admin, {}, 500);
      expect(theirs.entries.every((e) => e.agencyId === b.agencyId)).toBe(true);
    });

    it("never holds a password or a password hash", async () => {
      const hashes = (await db.account.findMany({ select: { password: true } })).map((x) => x.password).filter((p): p is string => !!p);
      const history = (await db.passwordHistory.findMany({ select: { hash: true } })).map((x) => x.hash);
      const log = JSON.stringify(await db.auditEntry.findMany());
      for (const secret of [...hashes, ...history, PASSWORD]) expect(log).not.toContain(secret);
      // Hashes are long and random: the check above is meaningful only if there were some.
      expect(hashes.length).toBeGreaterThan(5);
    });

    it("reads the filters from a URL: Taipei days, the last one included; errors at the fields", () => {
      const q = readAuditQuery(new URLSearchParams({ user: admin.id, action: "user.roles", from: "2026-03-01", to: "2026-03-01" }));
      expect(q.errors).toEqual({});
      expect(q.filter).toEqual({
        actorId: admin.id,
        action: "user.roles",
        from: new Date("2026-02-28T16:00:00Z"),
        to: new Date("2026-03-01T16:00:00Z"),
      });
      expect(readAuditQuery({}).filter).toEqual({});
      const bad = readAuditQuery({ user: "x", action: "DROP TABLE", from: "2026-02-30", to: "" });
      expect(bad.filter).toBeNull();
      expect(Object.keys(bad.errors).sort()).toEqual(["action", "from", "user"]);
      expect(readAuditQuery({ from: "2026-03-02", to: "2026-03-01" }).errors).toEqual({ to: "迄日不可早於起日" });
    });

    it("exports the filtered log as CSV (BOM, header) and audits the export", async () => {
      const { csv, rows } = await exportAuditCsv(db, admin, { action: "user.roles" });
      expect(csv.startsWith("\uFEFF時間,使用者,動作,動作代碼,對象類型,對象,對象名稱,變更,變更前,變更後\r\n")).toBe(true);
      expect(csv.trimEnd().split("\r\n")).toHaveLength(rows + 1);
      expect(rows).toBeGreaterThan(0);
      const [entry] = (await entries("audit.export")).slice(-1);
      expect(JSON.parse(entry!.after!)).toEqual({ rows, action: "user.roles" });
      await refused(exportAuditCsv(db, a.ciso, {}), "forbidden");
    });

    it("names the download for Taipei's date, UTF-8 with an ASCII fallback", () => {
      // 2026-03-01 20:00 UTC is already 2 March in Taipei.
      const { name, fallback } = auditCsvFileName(new Date("2026-03-01T20:00:00Z"));
      expect(name).toBe("稽核紀錄_20260302.csv");
      expect(contentDisposition(name, fallback)).toBe(
        `attachment; filename="audit-log_20260302.csv"; filename*=UTF-8''${encodeURIComponent("稽核紀錄")}_20260302.csv`,
      );
    });
  });

  describe("transactions", () => {
    it("rolls the change back when its audit entry cannot be written", async () => {
      // An actor name the audit schema refuses (empty) fails recordAudit inside the transaction.
      const ghost = { ...admin, name: "" };
      expect((await user(a.officer.id)).active).toBe(true);
      await expect(deactivateUser(db, ghost, a.officer.id)).rejects.toThrow();
      expect((await user(a.officer.id)).active).toBe(true);
      await expect(setIdleTimeout(db, ghost, 77)).rejects.toThrow();
      expect((await getAgencySettings(db, admin)).idleTimeoutMinutes).not.toBe(77);
    });
  });
});
