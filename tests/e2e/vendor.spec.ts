import AxeBuilder from "@axe-core/playwright";
import { strToU8 } from "fflate";
import { expect, test, type Browser, type Page } from "./fixtures";
import { storageFor } from "./accounts";
import { approvedSmallCase } from "./cases";

// Issue 17, the vendor's side end to end: the officer invites on an approved case, the vendor accepts, answers
// online, uploads a file, marks the rest 是 in bulk and submits; the officer returns one answer and accepts the rest;
// the vendor fixes it and resubmits; the officer accepts it, which closes the nonconformity the return opened.

const PDF = Buffer.from(strToU8("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"));
const PASSWORD = "Vendor#Pass-2026x";

async function as(browser: Browser, role: string) {
  const context = await browser.newContext({ storageState: storageFor(role), locale: "zh-TW" });
  return context.newPage();
}
async function expectAccessible(page: Page) {
  // Next streams the <title> of a dynamic page after its body: wait for it rather than race axe's document-title.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("invite a vendor, who answers the self-assessment online with evidence and submits it", async ({ browser }) => {
  test.setTimeout(240_000);
  const email = `vendor-${Date.now()}@vendor.e2e.test`;
  let base = "";
  let caseId = "";
  let vendor: Page;

  await test.step("1. an approved case, and the officer invites a vendor representative (the link shown once)", async () => {
    const officer = await as(browser, "officer");
    const ciso = await as(browser, "ciso");
    base = await approvedSmallCase(officer, ciso, { name: "廠商自評測試案", number: "VA-001" });
    caseId = /\/cases\/([0-9a-f-]{36})/.exec(base)![1]!;
    await ciso.context().close();

    await officer.goto(`${base}/vendors`);
    await officer.getByLabel("電子郵件").fill(email);
    await officer.getByLabel("姓名").fill("王廠商");
    await officer.getByRole("button", { name: "建立邀請" }).click();
    const link = (await officer.getByTestId("invite-link").textContent())!.trim();
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    await expectAccessible(officer);
    await officer.reload();
    await expect(officer.getByTestId("invite-link")).toHaveCount(0);
    await officer.context().close();

    // 2. the vendor accepts (sets a password) and signs in.
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, locale: "zh-TW" });
    vendor = await context.newPage();
    await vendor.goto(new URL(link).pathname);
    await vendor.getByLabel("設定密碼").fill(PASSWORD);
    await vendor.getByLabel("再輸入一次密碼").fill(PASSWORD);
    await vendor.getByRole("button", { name: "接受邀請" }).click();
    await vendor.waitForURL(/\/login/);
    await vendor.getByLabel("電子郵件").fill(email);
    await vendor.getByLabel("密碼").fill(PASSWORD);
    await vendor.getByRole("button", { name: "登入" }).click();
    await vendor.waitForURL(/\/vendor$/);
    await expect(vendor.getByText("填寫中")).toBeVisible();
    await expectAccessible(vendor);
  });

  await test.step("2. the vendor answers three rows online, uploads one file, marks the rest 是 in bulk and submits", async () => {
    await vendor.getByRole("link", { name: /廠商自評測試案：線上填寫自評表/ }).click();
    await vendor.waitForURL(new RegExp(`/vendor/${caseId}$`));
    await expect(vendor.getByRole("link", { name: "上傳填好的 Word 檔" })).toHaveAttribute("href", `/vendor/${caseId}/import`);
    await expectAccessible(vendor);
    const rows = vendor.locator("article");
    const total = await rows.count();
    expect(total).toBeGreaterThan(3);

    // Row 1: 是 with evidence text. Row 2: 否 — its 說明 is asked for, never lost. Row 3: 不適用 with a note.
    await rows.nth(0).getByLabel("是", { exact: true }).check();
    await rows.nth(0).getByLabel("佐證資料").fill("資安政策 v3 第 2 頁");
    await rows.nth(0).getByLabel("佐證資料").blur();
    await expect(rows.nth(0).getByText("已儲存")).toBeVisible();
    await rows.nth(1).getByLabel("否", { exact: true }).check();
    await expect(rows.nth(1).getByText(/請於「說明」欄敘明理由/)).toBeVisible();
    await rows.nth(1).getByLabel("說明").fill("以年度第三方稽核替代");
    await rows.nth(1).getByLabel("說明").blur();
    await rows.nth(2).getByLabel("不適用", { exact: true }).check();
    await rows.nth(2).getByLabel("說明").fill("本案不含行動應用程式");
    await rows.nth(2).getByLabel("說明").blur();
    await expect(rows.nth(2).getByText("已儲存")).toBeVisible();
    await expect(vendor.getByText(`已填 3／${total}`)).toBeVisible();

    // One file for row 1.
    await rows.nth(0).getByLabel("上傳佐證檔案").setInputFiles({ name: "資安政策.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(rows.nth(0).getByRole("link", { name: "資安政策.pdf" })).toBeVisible();

    // The rest 是 in bulk, with the same certificate.
    await vendor.getByLabel("只看未填").check();
    const open = vendor.locator("article").getByRole("checkbox");
    for (let i = 0; i < (await open.count()); i++) await open.nth(i).check();
    await vendor.getByLabel("佐證資料（選填）").fill("ISO/IEC 27001:2022 證書");
    await vendor.getByLabel("佐證檔案（選填）").setInputFiles({ name: "ISO27001.pdf", mimeType: "application/pdf", buffer: PDF });
    await vendor.getByRole("button", { name: /將勾選之 \d+ 項標為「是」/ }).click();
    await expect(vendor.getByText(/已將 \d+ 項標為「是」/)).toBeVisible();
    await vendor.getByLabel("只看未填").uncheck();
    await expect(vendor.getByText(`已填 ${total}／${total}`)).toBeVisible();
    await expect(vendor.getByRole("link", { name: "ISO27001.pdf" }).first()).toBeVisible();

    await vendor.getByRole("button", { name: "送出" }).click();
    await expect(vendor.getByText("已送出，機關審查中")).toBeVisible();
    await expect(rows.nth(1).getByLabel("說明")).toHaveAttribute("readonly", "");
    await expectAccessible(vendor);
  });

  let review = "";
  let returnedName = "";
  await test.step("3. the officer returns one answer with a comment, accepts the others and finishes the review", async () => {
    const officer = await as(browser, "officer");
    officer.on("dialog", (d) => void d.accept());
    await officer.goto(`${base}/vendors`);
    await officer.getByRole("link", { name: "審查", exact: true }).click();
    await officer.waitForURL(/\/vendors\/[0-9a-f-]{36}$/);
    review = new URL(officer.url()).pathname;
    await expect(officer.getByText("已送出待審")).toBeVisible();
    await expectAccessible(officer);

    const first = officer.locator("li[data-row]").first();
    returnedName = (await first.getByRole("heading", { level: 2 }).textContent())!.trim();
    const rowId = (await first.getAttribute("data-row"))!;
    // A return without a comment is refused at the field.
    await first.getByRole("button", { name: "退回" }).click();
    await expect(first.getByText("退回時請填寫意見，告訴廠商要修正什麼")).toBeVisible();
    await expect(first.getByLabel("審查意見（退回時必填）")).toHaveAttribute("aria-invalid", "true");
    await first.getByLabel("審查意見（退回時必填）").fill("請附上資安政策之核定頁");
    await first.getByRole("button", { name: "退回" }).click();
    await expect(officer.locator(`li[data-row="${rowId}"]`)).toHaveCount(0); // leaves the 待審 filter

    await officer.getByRole("button", { name: /其餘 \d+ 項全部接受/ }).click();
    await expect(officer.getByText("沒有符合篩選的項目。")).toBeVisible();
    await officer.getByRole("button", { name: "完成審查" }).click();
    await expect(officer.getByText("機關退回待修正")).toBeVisible();
    await officer.goto(`${review}?filter=returned`);
    const back = officer.locator(`li[data-row="${rowId}"]`);
    await expect(back.getByText("請附上資安政策之核定頁").first()).toBeVisible();
    await expect(back.getByLabel("不符合事項")).toContainText("不符合事項（機關退回）．期限");
    await expect(back.getByLabel("不符合事項")).not.toContainText("已結案");
    await officer.context().close();
  });

  await test.step("4. the vendor sees the return notice and the returned row in the banner, fixes it and resubmits", async () => {
    await vendor.goto("/vendor");
    await expect(vendor.getByText("機關退回待修正")).toBeVisible();
    await vendor.getByRole("link", { name: /^通知/ }).click();
    await vendor.waitForURL(/\/notifications/);
    await expect(vendor.getByText(/已由機關退回部分項目/).first()).toBeVisible();
    await vendor.goto(`/vendor/${caseId}`);
    const banner = vendor.getByRole("status").filter({ hasText: "機關退回下列 1 項" });
    await expect(banner).toBeVisible();
    await expect(banner.getByRole("link", { name: returnedName })).toBeVisible();
    await expect(banner.getByText("請附上資安政策之核定頁")).toBeVisible();
    const row = vendor.locator("article").nth(0);
    await expect(row.getByText("機關意見：請附上資安政策之核定頁")).toBeVisible();
    // Only the returned row is editable.
    await expect(vendor.locator("article").nth(1).getByLabel("說明")).toHaveAttribute("readonly", "");
    await row.getByLabel("佐證資料").fill("資安政策 v3 第 2 頁（附核定頁）");
    await row.getByLabel("佐證資料").blur();
    await expect(row.getByText("已儲存")).toBeVisible();
    await vendor.getByRole("button", { name: "送出" }).click();
    await expect(vendor.getByText("已送出，機關審查中")).toBeVisible();
    await expectAccessible(vendor);
    await vendor.goto(`/vendor/${caseId}/import`);
    await expectAccessible(vendor);
  });

  await test.step("5. the officer accepts the fixed answer: all accepted, the nonconformity closed", async () => {
    const officer = await as(browser, "officer");
    officer.on("dialog", (d) => void d.accept());
    await officer.goto(review);
    const rows = officer.locator("li[data-row]");
    await expect(rows).toHaveCount(1);
    await expect(rows.first().getByText("資安政策 v3 第 2 頁（附核定頁）")).toBeVisible();
    await rows.first().getByRole("button", { name: "接受" }).click();
    await expect(officer.getByText("沒有符合篩選的項目。")).toBeVisible();
    await officer.getByRole("button", { name: "完成審查" }).click();
    await expect(officer.getByText("機關已全部接受")).toBeVisible();
    await officer.goto(`${review}?filter=all`);
    const fixed = officer.locator("li[data-row]").filter({ has: officer.getByRole("heading", { name: returnedName, exact: true }) });
    await expect(fixed.getByLabel("不符合事項").getByText("已結案")).toBeVisible();
    await expect(fixed.getByText(/機關接受修正後之填答/)).toBeVisible();
    await officer.context().close();

    await vendor.goto("/vendor");
    await expect(vendor.getByText("機關已全部接受")).toBeVisible();
  });

  await vendor!.context().close();
});
