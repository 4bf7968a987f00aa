import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { storageFor } from "./accounts";
import { fillCase } from "./cases";
import { as } from "./pages";

test.use({ storageState: storageFor("officer") });

// Issue 13: the compact review table. A small case (SaaS 客製化, 普): 全部採用建議 decides what has a
// recommendation; the rest is decided inline, autosaved; then the case is submittable.
test("the review table: 全部採用建議, one inline decision autosaved, 送出審查; axe finds nothing", async ({ page }) => {
  await fillCase(page, { name: "引導決定測試案", number: "GD-001", value: "800000", type: "既有雲端微服務（SaaS）客製化需求更版" });
  const bar = page.getByRole("heading", { name: /^已決定 \d+／\d+$/ });
  await expect(bar).toBeVisible();

  const adopt = page.getByRole("button", { name: /全部採用建議/ });
  if (await adopt.isEnabled()) {
    await adopt.click();
    await expect(page.getByText(/已依系統建議決定 \d+ 項/)).toBeVisible();
  }

  // Whatever is still open is decided inline: the row autosaves and says so.
  const row = page.locator('tr:has([id="item-saas-customization.vm-image-security"])');
  await row.getByLabel("納入本案", { exact: true }).check();
  await row.getByLabel("理由", { exact: true }).fill("客製化版本含虛擬主機");
  await expect(row.getByRole("status")).toHaveText(/已儲存|已決定（王承辦）/);
  await page.reload();
  await expect(row.getByRole("status")).toHaveText("已決定（王承辦）");

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  await page.getByRole("region", { name: "送交資安長審查" }).getByRole("button", { name: "送出審查" }).click();
  await expect(page.getByText("第 1 版．送審")).toBeVisible();

  // The printable 決定總表 lists the decision and who made it.
  await page.goto(page.url().replace(/\/review$/, "/decisions"));
  await expect(page.getByRole("cell", { name: "客製化版本含虛擬主機" })).toBeVisible();
});

/** The demo agency's 資通安全責任等級, set by its admin on /admin/agency (other specs expect the demo's C 級). */
async function setAgencyLevel(admin: Page, level: string) {
  await admin.goto("/admin/agency");
  await admin
    .getByRole("group", { name: /資通安全責任等級/ })
    .getByLabel(level)
    .check();
  await admin.getByRole("button", { name: "儲存機關資料" }).click();
  await expect(admin.getByText(/已儲存機關資料|機關資料未變更/)).toBeVisible();
}

// The reference case needs a B級 agency; the specs after this one share the demo database and expect C 級.
test.afterAll(async ({ browser }) => {
  await setAgencyLevel(await as(browser, "admin"), "C 級");
});

// Issue 13's reference case: 開發 + 維運 for a B級 agency, grade 中, NT$12,000,000, personal data and an
// external service; 「全部採用建議」 plus two manual changes (one ▲ placed in another contract, one excluded),
// 「送出審查」, then the CISO confirms what needs them, approves the rest at once and approves the case.
test("the reference case: wizard → 全部採用建議 + two changes → 送出審查 → the CISO approves", async ({ browser }) => {
  test.setTimeout(180_000);
  await setAgencyLevel(await as(browser, "admin"), "B 級");

  const page = await as(browser, "officer");
  const name = `參考案例-${Date.now()}`;
  await page.goto("/cases");
  await page.getByRole("button", { name: "建立新案件" }).click();
  await page.waitForURL(/\/agency$/);
  await page.getByRole("link", { name: "下一步" }).click();
  await page.waitForURL(/\/case$/);
  await page.getByLabel("案件名稱").fill(name);
  await page.getByLabel("案號").fill("GD-REF");
  await page.getByLabel(/契約金額/).fill("12000000");
  await page.getByLabel("應用軟體或系統開發服務").check();
  await page.getByLabel("應用軟體或系統維運服務").check();
  await page.getByRole("button", { name: "儲存並繼續" }).click();
  await page.waitForURL(/\/grade$/);
  await page.getByRole("group", { name: "系統防護需求等級" }).getByRole("radio", { name: /^中/ }).check();
  await page.getByRole("button", { name: "儲存並繼續" }).click();
  await page.waitForURL(/\/facts$/);
  for (const [q, a] of [
    ["個人資料", "是"],
    ["核心資通系統", "否"],
    ["關鍵資訊基礎設施", "否"],
    ["對外", "是"],
    ["行動應用程式", "否"],
  ] as const)
    await page
      .getByRole("group", { name: new RegExp(q) })
      .getByLabel(a, { exact: true })
      .check();
  await page.getByLabel(/弱點掃描報告不得含有之風險等級/).fill("高");
  await page.getByRole("button", { name: "儲存並產出檢核表" }).click();
  await page.waitForURL(/\/review$/);
  const base = page.url().replace(/\/review$/, "");

  await page.getByRole("button", { name: /全部採用建議/ }).click();
  await expect(page.getByText(/已依系統建議決定 \d+ 項/)).toBeVisible();

  // Rows no rule recommends are decided inline (the officer's own judgement).
  const rows = page.locator("tbody > tr");
  const open = rows.filter({ has: page.locator("fieldset") }).filter({ hasNot: page.getByText(/^已決定（/) });
  for (let n = await open.count(); n > 0; n = await open.count()) {
    const row = page.locator(`[id="${await open.first().getAttribute("id")}"]`);
    await row.getByRole("radio").first().check();
    await row.getByLabel("理由", { exact: true }).fill("依機關評估");
    await expect(row.getByRole("status")).toHaveText(/已儲存|已決定（/);
  }
  await page.reload();

  // Change 1: a ▲ row placed in the agency's own contract.
  const triangle = page.locator(
    `[id="${await rows
      .filter({ has: page.getByLabel("另案辦理", { exact: true }) })
      .first()
      .getAttribute("id")}"]`,
  );
  await triangle.getByLabel("另案辦理", { exact: true }).check();
  await triangle.getByLabel("契約名稱或案號").fill("機關資安監控服務案");
  await expect(triangle.getByRole("status")).toHaveText(/已儲存|已決定（/);
  // Change 2: a ◎ row excluded with a reason.
  const choice = page.locator(
    `[id="${await rows
      .filter({ has: page.getByLabel("不納入本案", { exact: true }) })
      .first()
      .getAttribute("id")}"]`,
  );
  await choice.getByLabel("不納入本案", { exact: true }).check();
  await choice.getByLabel("理由", { exact: true }).fill("本案不涉及此項");
  await expect(choice.getByRole("status")).toHaveText(/已儲存|已決定（/);
  await page.reload();
  await expect(page.getByRole("heading", { name: /^已決定 (\d+)／\1$/ })).toBeVisible();

  await page.getByRole("region", { name: "送交資安長審查" }).getByRole("button", { name: "送出審查" }).click();
  await expect(page.getByText("第 1 版．送審")).toBeVisible();

  const ciso = await as(browser, "ciso");
  await ciso.goto(`${base}/approval`);
  const needs = ciso.locator("section[aria-labelledby=g-needs] > ol > li");
  for (let i = 0, n = await needs.count(); i < n; i++) {
    const item = needs.nth(i);
    const risk = item.getByLabel("接受風險");
    if (await risk.count()) await risk.check();
    else await item.getByLabel("同意").check();
    await item.getByLabel(/^意見/).fill("已檢視，接受");
    await item.getByRole("button", { name: "儲存審查意見" }).click();
    await expect(item.getByText(/已審查：/)).toBeVisible();
  }
  const rest = ciso.getByRole("button", { name: /^其餘 \d+ 項全部同意$/ });
  if (await rest.count()) {
    await rest.click();
    await expect(rest).toHaveCount(0);
  }
  await ciso.getByRole("button", { name: "核准本案" }).click();
  await expect(ciso.getByText(/已核准本案（第 1 版）/)).toBeVisible();
});
