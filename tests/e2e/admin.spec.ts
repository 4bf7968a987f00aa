import { expect, test, type Page } from "./fixtures";
import AxeBuilder from "@axe-core/playwright";
import { storageFor } from "./accounts";

// The agency admin area as the demo admin (示範市政府), and the refusals for an officer and for nobody.

const ADMIN_PAGES = ["/admin", "/admin/users", "/admin/agency", "/admin/settings", "/admin/audit"];
const taipeiToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Taipei" }).format(new Date());
const uniqueEmail = (tag: string) => `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@demo.secreq.tw`;

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Creates a user through the form and returns the one-time password shown. */
async function createUser(page: Page, name: string, email: string, role: string) {
  await page.goto("/admin/users");
  const form = page.getByRole("group", { name: "新增使用者" });
  await form.getByLabel("姓名").fill(name);
  await form.getByLabel("電子郵件（登入帳號）").fill(email);
  await form.getByRole("group", { name: "角色（可複選）" }).getByLabel(role).check();
  await page.getByRole("button", { name: "建立帳號" }).click();
  const shown = page.getByRole("region", { name: "帳號已建立" });
  await expect(shown).toBeVisible();
  await expect(shown).toContainText(email);
  return (await shown.getByTestId("one-time-password").textContent())!.trim();
}

test.describe("as the agency admin", () => {
  test.use({ storageState: storageFor("admin") });

  test("the overview links every part, and the nav shows 管理", async ({ page }) => {
    await page.goto("/cases");
    await page.getByRole("navigation", { name: "主選單" }).getByRole("link", { name: "管理" }).click();
    await expect(page.getByRole("heading", { name: "機關管理" })).toBeVisible();
    await expect(page.getByText("示範市政府").first()).toBeVisible();
    for (const part of ["使用者與角色", "機關設定", "稽核紀錄"]) await expect(page.getByRole("link", { name: new RegExp(part) })).toBeVisible();
    await expectAccessible(page);
  });

  test("creates a 承辦人 with a one-time password that works once and must be changed", async ({ page, browser }) => {
    test.slow(); // two accessibility scans and a second browser context
    await page.goto("/admin/users");
    await expectAccessible(page);

    // Errors at the fields, nothing typed lost.
    const form = page.getByRole("group", { name: "新增使用者" });
    await form.getByLabel("姓名").fill("新進承辦");
    await form.getByLabel("電子郵件（登入帳號）").fill("not-an-email");
    await page.getByRole("button", { name: "建立帳號" }).click();
    await expect(form.getByText("電子郵件格式有誤")).toBeVisible();
    await expect(form.getByText("請至少選擇一個角色")).toBeVisible();
    await expect(form.getByLabel("姓名")).toHaveValue("新進承辦");
    await expect(form.getByLabel("電子郵件（登入帳號）")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);

    const email = uniqueEmail("officer2");
    const password = await createUser(page, "新進承辦", email, "承辦人");
    expect(password).toMatch(/^\S{16}$/);
    await expect(page.getByRole("region", { name: "帳號已建立" })).toContainText("只顯示這一次");
    const row = page.getByRole("row").filter({ hasText: email });
    await expect(row).toContainText("須變更密碼");
    await expect(row.getByRole("group", { name: "新進承辦 的角色" }).getByLabel("承辦人")).toBeChecked();
    await expectAccessible(page);

    // Shown once: a reload does not bring it back.
    await page.reload();
    await expect(page.getByTestId("one-time-password")).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText(password);

    // The new officer logs in with it and is sent to change it first.
    // A context of its own, without the admin's session (newContext would otherwise inherit the storage state).
    const fresh = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const them = await fresh.newPage();
    await them.goto("/login");
    await them.getByLabel("電子郵件").fill(email);
    await them.getByLabel("密碼").fill(password);
    await them.getByRole("button", { name: "登入" }).click();
    await expect(them).toHaveURL(/\/account\/password/);
    await fresh.close();
  });

  test("changes a user's roles, and may not remove the agency's last admin role", async ({ page }) => {
    const email = uniqueEmail("roles");
    await createUser(page, "角色測試", email, "承辦人");
    const roles = page.getByRole("row").filter({ hasText: email }).getByRole("group", { name: "角色測試 的角色" });
    await roles.getByLabel("資安長").check();
    await page.getByRole("button", { name: "儲存 角色測試 的角色" }).click();
    await expect(page.getByRole("row").filter({ hasText: email }).getByRole("status").filter({ hasText: "角色已更新" })).toBeVisible();
    await page.reload();
    const after = page.getByRole("row").filter({ hasText: email }).getByRole("group", { name: "角色測試 的角色" });
    await expect(after.getByLabel("承辦人")).toBeChecked();
    await expect(after.getByLabel("資安長")).toBeChecked();

    // The demo admin is the agency's only admin: the role stays, the error is at the field, the choice kept.
    const mine = page.getByRole("group", { name: "陳管理者 的角色" });
    await mine.getByLabel("管理者", { exact: true }).uncheck();
    await mine.getByLabel("承辦人").check();
    await page.getByRole("button", { name: "儲存 陳管理者 的角色" }).click();
    await expect(mine.getByText("機關至少須保留一位啟用中的管理者。")).toBeVisible();
    await expect(mine).toHaveAttribute("aria-invalid", "true");
    await expect(mine.getByLabel("管理者", { exact: true })).not.toBeChecked();
    await page.reload();
    await expect(page.getByRole("group", { name: "陳管理者 的角色" }).getByLabel("管理者", { exact: true })).toBeChecked();
    // No reset or deactivation of one's own account is offered.
    await expect(page.getByRole("button", { name: "停用 陳管理者" })).toHaveCount(0);
  });

  test("resets a password and deactivates a user, each confirmed in place", async ({ page }) => {
    const email = uniqueEmail("reset");
    await createUser(page, "重設測試", email, "承辦人");
    const row = () => page.getByRole("row").filter({ hasText: email });
    await row().getByRole("button", { name: "重設 重設測試 的密碼" }).click();
    await row().getByRole("button", { name: "確認重設 重設測試 的密碼" }).click();
    const shown = row().getByRole("region", { name: "密碼已重設" });
    await expect(shown).toBeVisible();
    await expect(shown.getByTestId("one-time-password")).toHaveText(/^\S{16}$/);

    await row().getByRole("button", { name: "停用 重設測試" }).click();
    await row().getByRole("button", { name: "確認停用 重設測試" }).click();
    await expect(row()).toContainText("已停用");
    await row().getByRole("button", { name: "重新啟用 重設測試" }).click();
    await expect(row()).not.toContainText("已停用");
  });

  test("sets the agency's idle timeout, refusing values outside 5–480 at the field", async ({ page }) => {
    await page.goto("/admin/settings");
    await expectAccessible(page);
    const field = page.getByLabel("閒置逾時（分鐘）");
    await field.fill("4");
    await page.getByRole("button", { name: "儲存設定" }).click();
    await expect(page.getByText("閒置逾時至少 5 分鐘")).toBeVisible();
    await expect(field).toHaveValue("4");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await field.fill("45");
    await page.getByRole("button", { name: "儲存設定" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已儲存：閒置 45 分鐘後自動登出" })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("閒置逾時（分鐘）")).toHaveValue("45");
    await page.goto("/admin");
    await expect(page.getByText("閒置逾時目前為 45 分鐘")).toBeVisible();
    // Back to the default for the other tests.
    await page.goto("/admin/settings");
    await page.getByLabel("閒置逾時（分鐘）").fill("30");
    await page.getByRole("button", { name: "儲存設定" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已儲存" })).toBeVisible();
  });

  test("filters the audit log and downloads it as CSV", async ({ page }) => {
    const email = uniqueEmail("audit");
    await createUser(page, "稽核測試", email, "承辦人");

    await page.goto("/admin/audit");
    await expectAccessible(page);
    await page.getByLabel("使用者").selectOption({ label: "陳管理者（admin@demo.secreq.tw）" });
    await page.getByLabel("動作").selectOption("user.create");
    await page.getByLabel("起日").fill(taipeiToday());
    await page.getByLabel("迄日").fill(taipeiToday());
    await page.getByRole("button", { name: "篩選" }).click();
    await expect(page).toHaveURL(/action=user\.create/);
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows.filter({ hasText: email })).toHaveCount(1);
    const actions = await page.getByRole("table").locator("tbody tr td:nth-child(3)").allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((a) => a.includes("user.create"))).toBe(true);
    // The filters stay in the form.
    await expect(page.getByLabel("動作")).toHaveValue("user.create");
    await expectAccessible(page);

    // The CSV: the same filters, a download with the UTF-8 name, a BOM and the header row.
    const link = page.getByRole("link", { name: "匯出 CSV" });
    const href = (await link.getAttribute("href"))!;
    expect(href).toContain("action=user.create");
    const day = taipeiToday().replaceAll("-", "");
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe(`稽核紀錄_${day}.csv`);
    const res = await page.request.get(href);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers()["content-disposition"]).toBe(
      `attachment; filename="audit-log_${day}.csv"; filename*=UTF-8''${encodeURIComponent("稽核紀錄")}_${day}.csv`,
    );
    const body = await res.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString("utf8").slice(1).split("\r\n");
    expect(lines[0]).toBe("時間,使用者,動作,動作代碼,對象類型,對象,對象名稱,變更,變更前,變更後");
    expect(
      lines
        .slice(1)
        .filter(Boolean)
        .every((l) => l.includes(",user.create,")),
    ).toBe(true);
    expect(body.toString("utf8")).toContain(email);

    // A date range the wrong way round: the error at 迄日, no results, no export.
    await page.goto(`/admin/audit?from=${taipeiToday()}&to=2000-01-01`);
    await expect(page.getByText("迄日不可早於起日")).toBeVisible();
    await expect(page.getByLabel("迄日")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("link", { name: "匯出 CSV" })).toHaveCount(0);
    expect((await page.request.get(`/admin/audit/export?from=${taipeiToday()}&to=2000-01-01`)).status()).toBe(400);

    // The export itself is in the log.
    await page.goto("/admin/audit?action=audit.export");
    await expect(page.getByRole("table")).toContainText("匯出稽核紀錄");
  });
});

test.describe("as an officer", () => {
  test.use({ storageState: storageFor("officer") });

  test("every admin page and the CSV route are refused, and no 管理 link is shown", async ({ page }) => {
    await page.goto("/cases");
    await expect(page.getByRole("navigation", { name: "主選單" }).getByRole("link", { name: "管理" })).toHaveCount(0);
    for (const path of ADMIN_PAGES) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/forbidden$/);
      await expect(page.getByRole("heading", { name: "您沒有權限檢視這個頁面" })).toBeVisible();
    }
    const res = await page.request.get("/admin/audit/export");
    expect(res.status()).toBe(403);
    expect(res.headers()["content-type"]).toContain("text/plain");
    expect(await res.text()).toBe("您的角色無權匯出稽核紀錄。");
  });
});

test.describe("without a session", () => {
  test("the admin pages go to the login page and the CSV route answers 401", async ({ page }) => {
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/login/);
    const res = await page.request.get("/admin/audit/export");
    expect(res.status()).toBe(401);
    expect(await res.text()).toBe("請先登入。");
  });
});
