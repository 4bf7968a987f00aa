import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "@/lib/setup";
import { createUser } from "@/lib/auth/users";
import { cliRunner } from "../helpers/cli";

const { cli, url, cleanup } = cliRunner("cli-user");
afterAll(cleanup);

describe("npm run -s cli -- user grant (how the first 目錄管理者 comes to be)", () => {
  it("grants a role to an existing account, audited with the operator as the actor", async () => {
    const db = await prepareDatabase(url);
    const agencyId = randomUUID();
    await db.agency.create({ data: { id: agencyId, name: "數位發展部" } });
    const id = await createUser(db, {
      agencyId,
      email: "keeper@moda.test",
      name: "周目錄",
      roles: ["admin"],
      password: "Test-Password-2026",
      mustChangePassword: false,
    });
    await db.$disconnect();

    const r = cli("user", "grant", "--email", "keeper@moda.test", "--role", "catalogue-admin");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已授予 keeper@moda.test「目錄管理者」角色");
    expect(cli("user", "grant", "--email", "keeper@moda.test", "--role", "catalogue-admin").stdout).toContain("未變更");

    const after = await prepareDatabase(url);
    expect(JSON.parse((await after.user.findUniqueOrThrow({ where: { id } })).roles)).toEqual(["admin", "catalogue-admin"]);
    const audit = await after.auditEntry.findFirstOrThrow({ where: { targetId: id, action: "user.roles" } });
    expect(audit).toMatchObject({ actorId: null, actorName: "系統管理指令（CLI）", agencyId });
    await after.$disconnect();
    // Two CLI processes, each starting tsx and checking the database: slow on a loaded 2-core machine.
  }, 120_000);

  it("an unknown account or role exits 2 with a message, changing nothing", () => {
    const unknown = cli("user", "grant", "--email", "nobody@moda.test", "--role", "catalogue-admin");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe("找不到電子郵件為 nobody@moda.test 的帳號。");
    const role = cli("user", "grant", "--email", "keeper@moda.test", "--role", "superuser");
    expect(role.code).toBe(2);
    expect(role.stderr).toContain("請以 --email 指定帳號、以 --role 指定角色");
  }, 120_000);
});
