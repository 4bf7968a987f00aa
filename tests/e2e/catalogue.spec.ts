import { expect, test } from "./fixtures";

test.describe("/catalogue", () => {
  test("shows a table as the source has it, switches type and searches", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: /瀏覽需求目錄/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "需求目錄" })).toBeVisible();

    // Default: the first table, 11 rows.
    await expect(page.getByRole("heading", { level: 2, name: "雲端微服務（SaaS）套裝型" })).toBeVisible();
    await expect(page.locator("tbody tr")).toHaveCount(11);
    const cmmc = page.locator('tr[data-item-id="saas-package.cmmc"]');
    await expect(cmmc).toContainText("廠商通過網路安全成熟度模型認證");
    await expect(cmmc.locator("td").nth(2)).toContainText("◎");
    await expect(cmmc.locator("td").nth(4)).toContainText("－");

    // Switch to the development table.
    await page
      .getByRole("navigation", { name: "服務類型" })
      .getByRole("link", { name: /應用軟體或系統開發服務/ })
      .click();
    await expect(page.getByRole("heading", { level: 2, name: "應用軟體或系統開發服務" })).toBeVisible();
    await expect(page.locator("tbody tr")).toHaveCount(57);
    const review = page.locator('tr[data-item-id="development.source-code-review"]');
    await expect(review).toContainText("核心資通系統或委託金額達新臺幣一千萬元以上者");
    await expect(review.locator("td").nth(2)).toContainText("●");
    await expect(review.locator("td").nth(3)).toContainText("◎");

    // Search across all types.
    await page.getByLabel("搜尋全部類型").fill("SBOM");
    await page.getByRole("button", { name: "搜尋" }).click();
    await expect(page.getByRole("heading", { name: "「SBOM」的搜尋結果：3 列" })).toBeVisible();
    await expect(page.locator("tbody tr")).toHaveCount(3);
    await expect(page.getByRole("heading", { level: 3 })).toHaveText([/應用軟體或系統開發服務/, /既有系統功能後續擴充/, /應用軟體或系統維運服務/]);

    // The legend is there.
    await expect(page.getByRole("region", { name: "圖示" })).toContainText("經機關評估個案有必要辦理時（選配）");
  });

  test("shows the table-level notes and every table's row count", async ({ page }) => {
    await page.goto("/catalogue?type=paas-iaas");
    await expect(page.locator("tbody tr")).toHaveCount(27);
    await expect(page.getByText("如涉及關鍵資訊基礎設施CII之資料或系統建議至少符合中級以上")).toBeVisible();
    const counts = { "saas-office": 21, "saas-customization": 5, "planning-is": 2, "planning-security": 2, extension: 17, maintenance: 7 };
    for (const [type, n] of Object.entries(counts)) {
      await page.goto(`/catalogue?type=${type}`);
      await expect(page.locator("tbody tr"), type).toHaveCount(n);
    }
  });

  test("can be used with the keyboard alone", async ({ page }) => {
    await page.goto("/catalogue");
    // Skip link first.
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "跳到主要內容" })).toBeFocused();
    // Tab to the search box, type, submit with Enter.
    const search = page.getByLabel("搜尋全部類型");
    for (let i = 0; i < 10 && !(await search.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(search).toBeFocused();
    await page.keyboard.type("陸資");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: /「陸資」的搜尋結果/ })).toBeVisible();
    // Tab on to a service-type link and follow it with Enter.
    const link = page.getByRole("navigation", { name: "服務類型" }).getByRole("link", { name: /既有系統功能後續擴充/ });
    for (let i = 0; i < 30 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(link).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 2, name: "既有系統功能後續擴充" })).toBeVisible();
    await expect(page.locator("tbody tr")).toHaveCount(17);
  });

  test("explains a term of the glossary on keyboard focus and on hover, with its source", async ({ page }) => {
    await page.goto("/catalogue?type=development");
    const row = page.locator('tr[data-item-id="development.gcb"]');
    const term = row.getByRole("button", { name: /^(GCB|政府組態基準)$/ });
    const tip = row.getByRole("tooltip");
    await expect(tip).toBeHidden();
    await term.focus();
    await expect(tip).toBeVisible();
    await expect(tip).toContainText("政府組態基準");
    await expect(tip).toContainText("出處：");
    await expect(term).toHaveAccessibleDescription(/政府組態基準/);
    await page.keyboard.press("Escape");
    await expect(tip).toBeHidden();
    const sbom = page.locator('tr[data-item-id="development.sbom"]');
    await sbom.getByRole("button", { name: /^(SBOM|軟體物料清單)$/ }).hover();
    await expect(sbom.getByRole("tooltip")).toBeVisible();
  });

  test("reads on a phone-sized screen", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/catalogue?type=maintenance");
    await expect(page.locator("tbody tr")).toHaveCount(7);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });
});
