import { expect, test } from "./fixtures";
import { decideRow, decisionRow, fillCase } from "./cases";
import { accessible, as } from "./pages";

// Issue 14: the header's badge leads the CISO to a submitted case and the officer to a returned one;
// the notification list and the account page pass axe.

test("submitted → the CISO's badge and list lead to the approval page; returned → the officer's to the review step", async ({ browser }) => {
  const officer = await as(browser, "officer");
  const base = await fillCase(officer, { name: "通知測試案", number: "NT-001", value: "800000", type: "既有雲端微服務（SaaS）客製化需求更版" });
  await decideRow(decisionRow(officer, "saas-customization.vm-image-security"), "納入本案", "客製化版本含虛擬主機");
  await officer.reload();
  await officer.getByRole("button", { name: "送出審查" }).click();
  await expect(officer.getByText("第 1 版．送審")).toBeVisible();

  const ciso = await as(browser, "ciso");
  await ciso.goto("/");
  await ciso.getByRole("link", { name: /^通知，\d+ 則未讀$/ }).click();
  await ciso.waitForURL(/\/notifications$/);
  const note = ciso.getByRole("listitem").filter({ hasText: "「通知測試案」已送審" });
  await expect(note).toContainText("未讀");
  await accessible(ciso);
  await note.getByRole("link", { name: /「通知測試案」已送審/ }).click();
  await ciso.waitForURL(`${base}/approval`);
  await ciso.goto("/notifications");
  await expect(ciso.getByRole("listitem").filter({ hasText: "「通知測試案」已送審" })).not.toContainText("未讀");

  await ciso.goto(`${base}/approval`);
  await ciso.getByLabel("意見（退回時必填）").fill("請補充理由");
  await ciso.getByRole("button", { name: "退回承辦人" }).click();

  await officer.goto("/");
  await officer.getByRole("link", { name: /^通知，\d+ 則未讀$/ }).click();
  const returned = officer.getByRole("listitem").filter({ hasText: "「通知測試案」已由資安長退回" });
  await returned.getByRole("link").click();
  await officer.waitForURL(`${base}/review`);
  await officer.goto("/notifications");
  if (await officer.getByRole("button", { name: "全部標為已讀" }).isVisible()) {
    await officer.getByRole("button", { name: "全部標為已讀" }).click();
    await expect(officer.getByRole("status").filter({ hasText: "全部已讀" })).toBeVisible();
  }
  await expect(officer.getByRole("link", { name: "通知", exact: true })).toBeVisible();
});

test("the account page keeps the e-mail opt-out and passes axe", async ({ browser }) => {
  const page = await as(browser, "officer");
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "帳號" })).toBeVisible();
  await accessible(page);
  const box = page.getByLabel("以電子郵件通知我");
  await expect(box).toBeChecked();
  await box.uncheck();
  await expect(page.getByText("已關閉電子郵件通知")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("以電子郵件通知我")).not.toBeChecked();
  await page.getByLabel("以電子郵件通知我").check();
  await expect(page.getByText("已開啟電子郵件通知。")).toBeVisible();
});
