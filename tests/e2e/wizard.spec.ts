import { expect, test, type Page } from "./fixtures";
import AxeBuilder from "@axe-core/playwright";
import { storageFor } from "./accounts";

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

async function fillAgency(page: Page) {
  await page.getByLabel("機關名稱").fill("測試市政府");
  await page.getByLabel("承辦人姓名").fill("王小明");
  await page.getByLabel("B 級").check();
  await page.getByLabel("政府機關").check();
  await page.getByRole("group", { name: /郵件伺服器/ }).getByLabel("是").check();
}

test("a whole wizard run, accessible on every step, ends in a checklist with decisions", async ({ page }) => {
  await newCase(page);

  // Step 1: errors at the fields, nothing lost.
  await expectAccessible(page);
  await page.getByRole("button", { name: "儲存並繼續" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "欄位需要修正" })).toContainText("還有 5 個欄位需要修正");
  await expect(page.getByText("請填寫機關名稱").first()).toBeVisible();
  await expectAccessible(page);
  await fillAgency(page);
  await page.getByRole("button", { name: "儲存並繼續" }).click();

  // Step 2.
  await page.waitForURL(/\/case$/);
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
  for (const [aspect, grade] of [["機密性", "中"], ["完整性", "普"], ["可用性", "中"], ["法律遵循性", "普"]] as const)
    await page.getByRole("group", { name: aspect }).getByLabel(grade).check();
  await expect(page.getByText("本系統之防護需求等級為「中」，由機密性、可用性決定")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "儲存並繼續" }).click();

  // Step 4.
  await page.waitForURL(/\/facts$/);
  await expectAccessible(page);
  for (const [q, a] of [["個人資料", "否"], ["核心資通系統", "否"], ["關鍵資訊基礎設施", "否"], ["對外", "是"], ["行動應用程式", "否"]] as const)
    await page.getByRole("group", { name: new RegExp(q) }).getByLabel(a).check();
  await page.getByRole("button", { name: "儲存並產出檢核表" }).click();

  // Step 5: the checklist.
  await page.waitForURL(/\/review$/);
  await expect(page.getByRole("heading", { name: "檢核表摘要：系統防護需求等級「中」，共 64 項" })).toBeVisible();
  await expect(page.getByRole("region", { name: "機關應辦事項（非廠商義務）" })).toContainText("新臺幣一千萬元以上");
  await expectAccessible(page);

  // Decide one optional item; the decision survives a reload.
  await page.getByRole("combobox", { name: "狀態" }).selectOption("optional");
  const item = page.locator('li[data-item-id="development.source-code-review"]');
  await expect(item).toContainText("選配（由機關決定）");
  await item.getByRole("button", { name: "儲存決定" }).click();
  await expect(item.getByText("請選擇納入或不納入本案")).toBeVisible();
  await item.getByLabel("納入本案", { exact: true }).check();
  await item.getByLabel(/理由/).fill("對外服務系統，需原始碼檢測");
  await item.getByRole("button", { name: "儲存決定" }).click();
  await expect(item.getByText(/已決定：納入本案（王承辦/)).toBeVisible();
  await page.reload();
  await page.getByRole("combobox", { name: "狀態" }).selectOption("optional");
  await expect(page.locator('li[data-item-id="development.source-code-review"]').getByText(/已決定：納入本案（王承辦/)).toBeVisible();

  // Changing a fact re-resolves and tells the officer what changed.
  await page.getByRole("navigation", { name: "填寫步驟" }).getByRole("link", { name: /系統等級/ }).click();
  await page.getByLabel("直接選擇（已依附表九完成分級）").check();
  await page.getByRole("group", { name: "系統防護需求等級" }).getByLabel("高").check();
  await saved(page);
  await page.getByRole("navigation", { name: "填寫步驟" }).getByRole("link", { name: /檢視與決定/ }).click();
  const changes = page.getByRole("region", { name: "自您上次檢視後，檢核表有變動" });
  await expect(changes).toContainText("原始碼檢測");
  await expect(changes).toContainText("下列決定已不適用");
  await changes.getByRole("button", { name: "我知道了" }).click();
  await expect(changes).toBeHidden();
});

test("a reload in the middle of a step loses nothing", async ({ page }) => {
  const base = await newCase(page);
  await page.getByLabel("機關名稱").fill("衛生福利部測試署");
  await page.getByLabel("C 級").check();
  await saved(page);
  await page.reload();
  await expect(page.getByLabel("機關名稱")).toHaveValue("衛生福利部測試署");
  await expect(page.getByLabel("C 級")).toBeChecked();

  // Typed and reloaded at once, before the autosave: restored from this browser and saved.
  await page.getByLabel("承辦人姓名").fill("陳美玲");
  await page.reload();
  await expect(page.getByLabel("承辦人姓名")).toHaveValue("陳美玲");
  await expect(page.getByText("已還原您上次在此瀏覽器輸入但尚未儲存的內容")).toBeVisible();
  await saved(page);

  // Coming back later (a new page, no local copy) shows the server's answers.
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${base}/agency`);
  await expect(page.getByLabel("承辦人姓名")).toHaveValue("陳美玲");
});

test("a step done with the keyboard alone", async ({ page }) => {
  await newCase(page);
  const focus = async (name: RegExp | string) => {
    const target = page.getByLabel(name).first();
    for (let i = 0; i < 40 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(target).toBeFocused();
  };
  await focus("機關名稱");
  await page.keyboard.type("鍵盤市政府");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("承辦人姓名")).toBeFocused();
  await page.keyboard.type("林志明");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("A 級")).toBeFocused();
  await page.keyboard.press("ArrowDown"); // radios: arrows move and select
  await expect(page.getByLabel("B 級")).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("政府機關")).toBeFocused();
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await expect(page.getByRole("group", { name: /郵件伺服器/ }).getByLabel("是")).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "儲存並繼續" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/case$/);
  await expect(page.getByRole("navigation", { name: "填寫步驟" }).getByRole("link", { name: /機關/ })).toContainText("✓");
});
