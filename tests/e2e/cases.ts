import { expect, type Locator, type Page } from "@playwright/test";

/**
 * The officer fills the wizard for a small case at 普, no special facts (the demo agency's profile: level C,
 * no own mail server), and lands on the review step; returns the case's URL (without the step).
 */
export async function fillCase(page: Page, c: { name: string; number: string; value: string; type: string }) {
  await page.goto("/cases");
  await page.getByRole("button", { name: "建立新案件" }).click();
  await page.waitForURL(/\/agency$/);
  // Step 1 shows the agency profile read-only.
  await page.getByRole("link", { name: "下一步" }).click();
  await page.waitForURL(/\/case$/);
  await page.getByLabel("案件名稱").fill(c.name);
  await page.getByLabel("案號").fill(c.number);
  await page.getByLabel(/契約金額/).fill(c.value);
  await page.getByLabel(c.type).check();
  await page.getByRole("button", { name: "儲存並繼續" }).click();
  await page.waitForURL(/\/grade$/);
  await page.getByRole("group", { name: "系統防護需求等級" }).getByLabel("普").check();
  await page.getByRole("button", { name: "儲存並繼續" }).click();
  await page.waitForURL(/\/facts$/);
  for (const q of ["個人資料", "核心資通系統", "關鍵資訊基礎設施", "對外", "行動應用程式"])
    await page
      .getByRole("group", { name: new RegExp(q) })
      .getByLabel("否")
      .check();
  await page.getByLabel(/弱點掃描報告不得含有之風險等級/).fill("高");
  await page.getByRole("button", { name: "儲存並產出檢核表" }).click();
  await page.waitForURL(/\/review$/);
  return page.url().replace(/\/review$/, "");
}

/** The review table's row for an item: one row per requirement, every copy anchored as #item-<id>. */
export const decisionRow = (page: Page, itemId: string) => page.locator(`tr:has([id="item-${itemId}"])`);

/**
 * Decides a row inline (choice null: keep it, change the reason) and waits until its autosave reached the
 * server. The reason goes in first: nothing saves without a choice, so this is one save with both.
 */
export async function decideRow(row: Locator, choice: string | null, reason: string) {
  const saved = row.page().waitForResponse((r) => r.request().method() === "POST" && !!r.request().headers()["next-action"]);
  await row.getByLabel("理由", { exact: true }).fill(reason);
  if (choice) await row.getByLabel(choice, { exact: true }).check();
  await saved;
  await expect(row.getByRole("status")).toHaveText(/^(已儲存|已決定（.+）)$/);
}

/**
 * The small SaaS case approved: the officer fills it, includes the VM-image row and submits; the CISO accepts
 * the supplier-product risk and approves revision 1. Returns the case's URL (without the step).
 */
export async function approvedSmallCase(officer: Page, ciso: Page, c: { name: string; number: string }): Promise<string> {
  const base = await fillCase(officer, { ...c, value: "800000", type: "既有雲端微服務（SaaS）客製化需求更版" });
  await decideRow(decisionRow(officer, "saas-customization.vm-image-security"), "納入本案", "客製化版本含虛擬主機");
  await officer.reload();
  await officer.getByRole("button", { name: "送出審查" }).click();
  await expect(officer.getByText("第 1 版．送審")).toBeVisible();
  await ciso.goto(`${base}/approval`);
  const risk = ciso.locator('[id="review-saas-customization.supplier-product-security"]');
  await risk.getByLabel("接受風險").check();
  await risk.getByLabel(/意見/).fill("接受剩餘風險");
  await risk.getByRole("button", { name: "儲存審查意見" }).click();
  await expect(risk.getByText(/已審查：接受風險/)).toBeVisible();
  await ciso.getByRole("button", { name: "核准本案" }).click();
  await expect(ciso.getByText(/已核准本案（第 1 版）/)).toBeVisible();
  return base;
}
