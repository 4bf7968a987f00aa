import { afterAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/lib/setup";
import { createAuth } from "@/lib/auth/auth";
import { cliRunner } from "../helpers/cli";

const { cli, url, cleanup } = cliRunner("cli-agency");
afterAll(cleanup);

describe("npm run -s cli -- agency create / list, platform grant (set-up without the demo)", { timeout: 120_000 }, () => {
  let created: { agencyId: string; agencyName: string; adminEmail: string; initialPassword: string };

  it("creates an agency and its first admin; --json prints only the four fields; the password works once and must be changed", async () => {
    const r = cli("agency", "create", "--name", "臺東縣政府", "--admin-email", "Admin@Taitung.test", "--admin-name", "吳管理者", "--json");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    created = JSON.parse(r.stdout);
    expect(Object.keys(created).sort()).toEqual(["adminEmail", "agencyId", "agencyName", "initialPassword"]);
    expect(created).toMatchObject({ agencyName: "臺東縣政府", adminEmail: "admin@taitung.test" });
    expect(created.initialPassword).toMatch(/^\S{16}$/);

    const db = await prepareDatabase(url);
    try {
      const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@taitung.test" } });
      expect(admin).toMatchObject({ agencyId: created.agencyId, name: "吳管理者", mustChangePassword: true, active: true });
      expect(JSON.parse(admin.roles)).toEqual(["admin"]);
      // The password is stored as a hash only, and signs in.
      expect(JSON.stringify(await db.account.findMany({ where: { userId: admin.id } }))).not.toContain(created.initialPassword);
      const auth = createAuth(db, {
        secret: "cli-agency-test-secret-cli-agency-test",
        baseURL: "http://localhost:3000",
        trustedOrigins: ["http://localhost:3000"],
      });
      const signIn = await auth.api.signInEmail({ body: { email: "admin@taitung.test", password: created.initialPassword }, asResponse: true });
      expect(signIn.status).toBe(200);
      // Audited, with the operator as the actor, under the new agency.
      const audit = await db.auditEntry.findMany({
        where: { agencyId: created.agencyId, action: { in: ["agency.create", "user.create"] } },
        orderBy: { action: "asc" },
      });
      expect(audit.map((a) => [a.action, a.actorId, a.actorName])).toEqual([
        ["agency.create", null, "系統管理指令（CLI）"],
        ["user.create", null, "系統管理指令（CLI）"],
      ]);
      expect(audit.map((a) => `${a.before}${a.after}`).join("")).not.toContain(created.initialPassword);
    } finally {
      await db.$disconnect();
    }
  });

  it("without --json, says what was made and shows the password once", () => {
    const r = cli("agency", "create", "--name", "池上鄉公所", "--admin-email", "admin@chishang.test");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/已建立機關「池上鄉公所」/);
    expect(r.stdout).toMatch(/初始密碼（只顯示這一次，首次登入須變更）：\S{16}/);
  });

  it("a duplicate name or an e-mail in use exits 2 with one zh-TW line naming the field, and creates nothing", async () => {
    const name = cli("agency", "create", "--name", "臺東縣政府", "--admin-email", "other@taitung.test");
    expect(name.code).toBe(2);
    expect(name.stdout).toBe("");
    expect(name.stderr.trim().split("\n")).toEqual(["機關名稱（--name）: 已有同名的機關"]);
    const email = cli("agency", "create", "--name", "太麻里鄉公所", "--admin-email", "admin@taitung.test");
    expect(email.code).toBe(2);
    expect(email.stderr.trim().split("\n")).toEqual(["管理者電子郵件（--admin-email）: 此電子郵件已有帳號"]);
    const db = await prepareDatabase(url);
    try {
      expect(await db.agency.count({ where: { name: "太麻里鄉公所" } })).toBe(0);
      expect(await db.user.count({ where: { email: "other@taitung.test" } })).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });

  it("a bad or missing e-mail or name exits 2 naming the field", () => {
    const bad = cli("agency", "create", "--name", "延平鄉公所", "--admin-email", "not-an-email");
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim()).toBe("管理者電子郵件（--admin-email）: 電子郵件格式有誤");
    const none = cli("agency", "create", "--admin-email", "x@yanping.test");
    expect(none.code).toBe(2);
    expect(none.stderr.trim()).toBe("機關名稱（--name）: 請填寫機關名稱");
    expect(cli("agency", "frobnicate").code).toBe(2);
  });

  it("lists agencies with their counts", () => {
    const r = cli("agency", "list", "--json");
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; name: string; active: boolean; users: number; cases: number }[];
    expect(rows.map((a) => a.name)).toEqual(["臺東縣政府", "池上鄉公所"]);
    expect(rows[0]).toEqual({ id: created.agencyId, name: "臺東縣政府", active: true, users: 1, cases: 0 });
    expect(cli("agency", "list").stdout).toContain("臺東縣政府\t啟用\t使用者 1\t案件 0");
  });

  it("platform grant names the first 平台管理者, audited; an unknown account exits 2", async () => {
    const r = cli("platform", "grant", "--email", "admin@taitung.test");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已授予 admin@taitung.test「平台管理者」角色");
    const db = await prepareDatabase(url);
    try {
      const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@taitung.test" } });
      expect(JSON.parse(admin.roles)).toEqual(["admin", "platform-admin"]);
      expect(await db.auditEntry.count({ where: { targetId: admin.id, action: "user.roles", actorName: "系統管理指令（CLI）" } })).toBe(1);
    } finally {
      await db.$disconnect();
    }
    const unknown = cli("platform", "grant", "--email", "nobody@taitung.test");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe("找不到電子郵件為 nobody@taitung.test 的帳號。");
  });
});
