import { expect, test, type Page } from "./fixtures";
import AxeBuilder from "@axe-core/playwright";
import { storageFor } from "./accounts";
import { decideRow, decisionRow } from "./cases";

test.use({ storageState: storageFor("officer") });

async function newCase(page: Page) {
  await page.goto("/cases");
  await page.getByRole("button", { name: "建立新案件" }).click();
  await page.waitForURL(/\/cases\/[0-9a-f-]+\/agency$/);
  return page.url().replace(/\/agency$/, "");
}

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

const saved = (page: Page) => expect(page.getByRole("status").filter({ hasText: "已自動儲存" })).toBeVisible();

test("a whole wizard run, accessible on every step, ends in a checklist with decisions", async ({ page }) => {
  await newCase(page);

  // Step 1: the agency profile, read-only; the officer's name from the account; no link to change it for an officer.
  const profile = page.getByRole("region", { name: "機關資料" });
  await expect(profile).toContainText("示範市政府");
  await expect(profile).toContainText("C 級");
  await expect(profile).toContainText("王承辦（取自登入帳號）");
  await expect(page.getByRole("link", { name: "修改機關資料" })).toHaveCount(0);
  await expect(page.getByLabel("機關名稱")).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: "下一步" }).click();

  // Step 2: errors at the fields, nothing lost.
  await page.waitForURL(/\/case$/);
  await expectAccessible(page);
  await page.getByRole("button", { name: "儲存並繼續" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "欄位需要修正" })).toContainText("還有 4 個欄位需要修正");
  await expect(page.getByText("請填寫案件名稱").first()).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("案件名稱").fill("市民服務平台開發案");
  await page.getByLabel("案號").fill("SEC-115-001");
  const value = page.getByLabel(/契約金額/);
  await value.fill("12.5");
  await value.blur();
  await expect(page.getByText("契約金額須為不含小數的新臺幣金額").first()).toBeVisible();
  await value.fill("12000000");
  await value.blur();
  await expect(value).toHaveValue("12,000,000");
  await expect(page.getByText(/新臺幣 12,000,000 元；達一千萬元以上/)).toBeVisible();
  await page.getByLabel("應用軟體或系統開發服務").check();
  await page.getByLabel("應用軟體或系統維運服務").check();
  await page.getByRole("button", { name: "儲存並繼續" }).click();

  // Step 3: the 附表九 helper says which aspect decided.
  await page.waitForURL(/\/grade$/);
  await expectAccessible(page);
  await page.getByLabel("依附表九四個構面協助判定").check();
  for (const [aspect, grade] of [
    ["機密性", "中"],
    ["完整性", "普"],
    ["可用性", "中"],
    ["法律遵循性", "普"],
  ] as const)
    await page.getByRole("group", { name: aspect }).getByLabel(grade).check();
  await expect(page.getByText("本系統之防護需求等級為「中」，由機密性、可用性決定")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "儲存並繼續" }).click();

  // Step 4.
  await page.waitForURL(/\/facts$/);
  await expectAccessible(page);
  for (const [q, a] of [
    ["個人資料", "否"],
    ["核心資通系統", "否"],
    ["關鍵資訊基礎設施", "否"],
    ["對外", "是"],
    ["行動應用程式", "否"],
  ] as const)
    await page
      .getByRole("group", { name: new RegExp(q) })
      .getByLabel(a)
      .check();
  await page.getByRole("button", { name: "儲存並產出檢核表" }).click();

  // Step 5: the checklist.
  await page.waitForURL(/\/review$/);
  await expect(page.getByRole("heading", { name: "檢核表摘要：系統防護需求等級「中」，共 64 項" })).toBeVisible();
  await expect(page.getByRole("region", { name: "機關應辦事項（非廠商義務）" })).toContainText("新臺幣一千萬元以上");
  await expectAccessible(page);

  // Decide one optional item; the decision survives a reload.
  const item = decisionRow(page, "development.source-code-review");
  await expect(item).toContainText("選配（由機關決定）");
  await expect(item).toContainText("選配：是否納入本案？");
  await decideRow(item, "納入本案", "對外服務系統，需原始碼檢測");
  await page.reload();
  await expect(item.getByLabel("納入本案", { exact: true })).toBeChecked();
  await expect(item.getByLabel("理由", { exact: true })).toHaveValue("對外服務系統，需原始碼檢測");
  await expect(item.getByRole("status")).toHaveText("已決定（王承辦）");

  // Changing a fact re-resolves and tells the officer what changed.
  await page
    .getByRole("navigation", { name: "填寫步驟" })
    .getByRole("link", { name: /系統等級/ })
    .click();
  await page.getByLabel("直接選擇（已依附表九完成分級）").check();
  await page.getByRole("group", { name: "系統防護需求等級" }).getByLabel("高").check();
  await saved(page);
  await page
    .getByRole("navigation", { name: "填寫步驟" })
    .getByRole("link", { name: /檢視與決定/ })
    .click();
  const changes = page.getByRole("region", { name: "自您上次檢視後，檢核表有變動" });
  await expect(changes).toContainText("原始碼檢測");
  await expect(changes).toContainText("下列決定已不適用");
  await changes.getByRole("button", { name: "我知道了" }).click();
  await expect(changes).toBeHidden();
});

test("a reload in the middle of a step loses nothing", async ({ page }) => {
  const base = await newCase(page);
  await page.goto(`${base}/case`);
  await page.getByLabel("案件名稱").fill("衛生福利部測試案");
  await page.getByLabel("應用軟體或系統開發服務").check();
  await saved(page);
  await page.reload();
  await expect(page.getByLabel("案件名稱")).toHaveValue("衛生福利部測試案");
  await expect(page.getByLabel("應用軟體或系統開發服務")).toBeChecked();

  // Typed and reloaded at once, before the autosave: restored from this browser and saved.
  await page.getByLabel("案號").fill("MOHW-115-9");
  await page.reload();
  await expect(page.getByLabel("案號")).toHaveValue("MOHW-115-9");
  await expect(page.getByText("已還原您上次在此瀏覽器輸入但尚未儲存的內容")).toBeVisible();
  await saved(page);

  // Coming back later (a new page, no local copy) shows the server's answers.
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${base}/case`);
  await expect(page.getByLabel("案號")).toHaveValue("MOHW-115-9");
});

test("a step done with the keyboard alone", async ({ page }) => {
  await newCase(page);
  const focus = async (name: RegExp | string, role?: "link" | "button") => {
    const target = role ? page.getByRole(role, { name }).first() : page.getByLabel(name).first();
    for (let i = 0; i < 60 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(target).toBeFocused();
  };
  await focus("下一步", "link");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/case$/);
  await focus("案件名稱");
  await page.keyboard.type("鍵盤測試案");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("案號")).toBeFocused();
  await page.keyboard.type("KEY-115-1");
  await focus(/契約金額/);
  await page.keyboard.type("500000");
  await focus("應用軟體或系統開發服務");
  await page.keyboard.press("Space");
  await expect(page.getByLabel("應用軟體或系統開發服務")).toBeChecked();
  await focus("儲存並繼續", "button");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/grade$/);
  await expect(page.getByRole("navigation", { name: "填寫步驟" }).getByRole("link", { name: /^案件( 已完成)?$/ })).toContainText("✓");
});
