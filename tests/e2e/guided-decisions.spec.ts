import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { storageFor } from "./accounts";
import { fillCase } from "./cases";

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
