import { execFileSync } from "node:child_process";
import { expect, test, type Browser, type Page } from "./fixtures";
import AxeBuilder from "@axe-core/playwright";

// A fresh database without the demo (playwright.onboard.config.ts): the README's 「正式上線：建立第一個機關」
// from `agency create` to an officer who starts a case on the agency's profile.

const DATABASE_URL = process.env.E2E_ONBOARD_DATABASE_URL ?? "file:./var/e2e-onboard.db";
const cli = (...args: string[]) =>
  execFileSync(process.execPath, ["--import", "tsx", "scripts/cli.ts", ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL } });

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Signs in with an initial password and changes it, as every new account must. */
async function firstSignIn(browser: Browser, email: string, initial: string, next: string) {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.getByLabel("電子郵件").fill(email);
  await page.getByLabel("密碼").fill(initial);
  await page.getByRole("button", { name: "登入" }).click();
  await expect(page).toHaveURL(/\/account\/password/);
  await page.getByLabel("目前的密碼").fill(initial);
  await page.getByLabel("新密碼", { exact: true }).fill(next);
  await page.getByLabel("再次輸入新密碼").fill(next);
  await page.getByRole("button", { name: "變更密碼" }).click();
  await expect(page).toHaveURL(/\/cases/);
  return page;
}

test("agency create → the admin fills the profile and makes an officer → the officer starts a case on the profile", async ({ browser }) => {
  test.slow();
  // 1. From the server's shell.
  const created = JSON.parse(
    cli("agency", "create", "--name", "花蓮縣試辦鄉公所", "--admin-email", "admin@shiban.test", "--admin-name", "高管理者", "--json"),
  ) as {
    initialPassword: string;
  };
  expect(cli("agency", "list")).toContain("花蓮縣試辦鄉公所");

  // 2. The admin signs in, changes the password, and fills the profile (errors at the fields first).
  const admin = await firstSignIn(browser, "admin@shiban.test", created.initialPassword, "Hualien#Head-2026x");
  // The case list confirms the change and tells a new admin where to start (an admin creates no case).
  await expect(admin.getByRole("status").filter({ hasText: "已變更密碼。" })).toBeVisible();
  const main = admin.getByRole("main");
  await expect(main.getByText("案件由承辦人建立")).toBeVisible();
  await expect(main.getByRole("link", { name: "機關資料" })).toHaveAttribute("href", "/admin/agency");
  await expect(main.getByRole("link", { name: "使用者與角色" })).toHaveAttribute("href", "/admin/users");
  await expect(main.getByText("建立新案件後")).toHaveCount(0);
  // Without SMTP_URL: plain words on the user's pages, no variable name, no offer to turn mail off.
  await admin.goto("/account");
  await expect(admin.getByText("本系統尚未設定寄送電子郵件")).toBeVisible();
  await expect(admin.getByRole("main")).not.toContainText("SMTP_URL");
  await admin.goto("/notifications");
  await expect(admin.getByText("本系統目前不寄送電子郵件，通知只顯示在這裡。")).toBeVisible();
  await expect(admin.getByRole("main")).not.toContainText("頁面關閉");
  await admin.goto("/admin/agency");
  await expect(admin.getByRole("alert").filter({ hasText: "尚未填寫完整" })).toBeVisible();
  await expect(admin.getByLabel("機關名稱")).toHaveValue("花蓮縣試辦鄉公所");
  await expectAccessible(admin);
  await admin.getByRole("button", { name: "儲存機關資料" }).click();
  await expect(admin.getByRole("alert").filter({ hasText: "個欄位需要修正" })).toBeVisible();
  await expect(admin.getByText("請選擇資通安全責任等級").first()).toBeVisible();
  await expectAccessible(admin);
  const group = (name: RegExp) => admin.getByRole("group", { name });
  await group(/^機關性質/)
    .getByLabel("公務機關", { exact: true })
    .check();
  await group(/^關鍵基礎設施提供者/)
    .getByLabel("否")
    .check();
  await group(/^機關類別/)
    .getByLabel("政府機關")
    .check();
  await group(/^資通安全責任等級/)
    .getByLabel("D 級")
    .check();
  await group(/^等級核定或提交/)
    .getByLabel("核定")
    .check();
  await admin.getByLabel("核定或提交日期").fill("2026-03-15");
  await admin.getByLabel("核定或提交文號").fill("府資字第1150000123號");
  await group(/^自行維運郵件伺服器/)
    .getByLabel("否")
    .check();
  await admin.getByLabel("資安長姓名").fill("林副鄉長");
  await admin.getByLabel("資安長職稱").fill("副鄉長");
  await admin.getByRole("button", { name: "儲存機關資料" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "已儲存機關資料。" })).toBeVisible();
  await admin.reload();
  await expect(admin.getByLabel("資安長姓名")).toHaveValue("林副鄉長");
  await expect(admin.getByRole("alert").filter({ hasText: "尚未填寫完整" })).toHaveCount(0);

  // 3. The admin creates an officer.
  await admin.goto("/admin/users");
  const form = admin.getByRole("group", { name: "新增使用者" });
  await form.getByLabel("姓名").fill("黃承辦");
  await form.getByLabel("電子郵件（登入帳號）").fill("officer@shiban.test");
  await form.getByRole("group", { name: "角色（可複選）" }).getByLabel("承辦人").check();
  await admin.getByRole("button", { name: "建立帳號" }).click();
  const password = (await admin.getByRole("region", { name: "帳號已建立" }).getByTestId("one-time-password").textContent())!.trim();

  // 4. The officer starts a case and sees the profile on step 1; the officer's name is the account's.
  const officer = await firstSignIn(browser, "officer@shiban.test", password, "Hualien#Clerk-2026x");
  await officer.getByRole("button", { name: "建立新案件" }).click();
  await officer.waitForURL(/\/agency$/);
  const profile = officer.getByRole("region", { name: "機關資料" });
  await expect(profile).toContainText("花蓮縣試辦鄉公所");
  await expect(profile).toContainText("D 級");
  await expect(profile).toContainText("黃承辦（取自登入帳號）");
  await expectAccessible(officer);

  // The admin changes the profile: the officer's draft shows what changed.
  await admin.goto("/admin/agency");
  await group(/^資通安全責任等級/)
    .getByLabel("C 級")
    .check();
  await admin.getByRole("button", { name: "儲存機關資料" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "已儲存機關資料。" })).toBeVisible();
  await expect(admin.getByRole("region", { name: /受影響的未送審案件/ })).toContainText("資通安全責任等級：D 級 → C 級");
  await officer.goto(officer.url().replace(/\/agency$/, "/review"));
  await expect(officer.getByRole("region", { name: /機關資料已變更/ })).toContainText("D 級 → C 級");
});

test("the 平台管理者 lists and creates agencies; a deactivated agency cannot sign in", async ({ browser }) => {
  test.slow();
  cli("platform", "grant", "--email", "admin@shiban.test");
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.getByLabel("電子郵件").fill("admin@shiban.test");
  await page.getByLabel("密碼").fill("Hualien#Head-2026x");
  await page.getByRole("button", { name: "登入" }).click();
  await expect(page).toHaveURL(/\/cases/);
  await page.getByRole("navigation", { name: "主選單" }).getByRole("link", { name: "平台管理" }).click();
  await expect(page.getByRole("heading", { name: "機關", exact: true })).toBeVisible();
  await expect(page.getByRole("table")).toContainText("花蓮縣試辦鄉公所");
  await expectAccessible(page);

  await page.getByRole("button", { name: "建立機關" }).click();
  await expect(page.getByText("請填寫機關名稱")).toBeVisible();
  await page.getByLabel("機關名稱").fill("花蓮縣第二試辦鄉公所");
  await page.getByLabel("第一位管理者的電子郵件").fill("admin@second.test");
  await page.getByRole("button", { name: "建立機關" }).click();
  const shown = page.getByRole("region", { name: "機關已建立" });
  const initial = (await shown.getByTestId("one-time-password").textContent())!.trim();
  expect(initial).toMatch(/^\S{16}$/);
  await expectAccessible(page);

  const row = page.getByRole("row").filter({ hasText: "花蓮縣第二試辦鄉公所" });
  page.once("dialog", (d) => void d.accept());
  await row.getByRole("button", { name: /^停用/ }).click();
  await expect(row).toContainText("已停用");
  const other = await (await browser.newContext()).newPage();
  await other.goto("/login");
  await other.getByLabel("電子郵件").fill("admin@second.test");
  await other.getByLabel("密碼").fill(initial);
  await other.getByRole("button", { name: "登入" }).click();
  await expect(other.getByText("您的機關已停用")).toBeVisible();
});
