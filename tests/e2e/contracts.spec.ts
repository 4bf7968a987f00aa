import { readFileSync } from "node:fs";
import { strToU8 } from "fflate";
import ICAL from "ical.js";
import { expect, test, type Browser } from "./fixtures";
import { storageFor } from "./accounts";
import { approvedSmallCase } from "./cases";

async function as(browser: Browser, role: string) {
  const context = await browser.newContext({ storageState: storageFor(role), locale: "zh-TW" });
  return context.newPage();
}

const PDF = Buffer.from(strToU8("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"));

test("award an approved case, upload and approve the 專案工作計畫書, record a level-2 incident, download the 驗收 document and the ICS feed", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // An approved case (the workflow spec's small SaaS case).
  const officer = await as(browser, "officer");
  const ciso = await as(browser, "ciso");
  const base = await approvedSmallCase(officer, ciso, { name: "契約履約測試案", number: "CT-001" });

  // Award: a wrong 統一編號 is refused at its field, nothing typed is lost.
  await officer.goto(`${base}/review`);
  await officer.getByRole("link", { name: "決標建立契約" }).click();
  // An empty form asks for each field; the messages are not part of the fields' names.
  await officer.getByRole("button", { name: "建立契約" }).click();
  await expect(officer.locator("#vendorTaxId-error")).toHaveText("請填寫廠商統一編號");
  await expect(officer.locator("#award-error")).toHaveText("請填寫決標日");
  await expect(officer.getByLabel("決標日", { exact: true })).toHaveAccessibleDescription("請填寫決標日");
  await officer.getByLabel("得標廠商名稱").fill("安全軟體股份有限公司");
  await officer.getByLabel("廠商統一編號").fill("04595258");
  await officer.getByLabel("契約編號").fill("CT-001-C");
  for (const [label, value] of [
    ["決標日", "2026-12-01"],
    ["簽約日", "2026-12-02"],
    ["契約開始日", "2026-12-03"],
    ["契約結束日", "2027-12-02"],
  ] as const)
    await officer.getByLabel(label, { exact: true }).fill(value);
  await officer.locator('input[name="milestones.0.dueOn"]').fill("2027-03-31");
  await officer.getByRole("button", { name: "建立契約" }).click();
  await expect(officer.locator("#vendorTaxId-error")).toHaveText(/統一編號檢查碼不符/);
  await expect(officer.getByText(/請修正標示的欄位/)).toBeVisible();
  await expect(officer.getByLabel("得標廠商名稱")).toHaveValue("安全軟體股份有限公司");
  await officer.getByLabel("廠商統一編號").fill("04595257");
  await officer.getByRole("button", { name: "建立契約" }).click();
  await officer.waitForURL(/\/contracts\/[0-9a-f-]{36}$/);
  await expect(officer.getByRole("heading", { name: "契約 CT-001-C" })).toBeVisible();

  // Upload the 專案工作計畫書 (a renamed binary is refused first), then approve it.
  const plan = officer.locator('li[data-obligation*="專案工作計畫書"]').first();
  await plan.locator('input[type="file"]').setInputFiles({ name: "計畫書.pdf", mimeType: "application/pdf", buffer: Buffer.from([0x4d, 0x5a, 0x90, 0]) });
  await plan.getByRole("button", { name: "上傳佐證", exact: true }).click();
  await expect(plan.getByRole("alert")).toContainText("不是副檔名所稱");
  await plan.locator('input[type="file"]').setInputFiles({ name: "專案工作計畫書.pdf", mimeType: "application/pdf", buffer: PDF });
  await plan.getByRole("button", { name: "上傳佐證", exact: true }).click();
  await expect(plan.locator("[data-status]")).toHaveText("已繳交待審");
  await expect(plan.getByRole("link", { name: "專案工作計畫書.pdf" })).toBeVisible();
  await plan.getByRole("button", { name: "核可" }).click();
  await expect(plan.locator("[data-status]")).toHaveText("已核可");

  // A level-2 incident and its deadlines.
  await officer.getByText("記錄資安事件").click();
  await officer.getByLabel("事件等級").selectOption("2");
  await officer.getByLabel(/廠商知悉時間/).fill("2026-12-01T09:30");
  await officer.getByLabel("事件描述").fill("官網首頁遭置換");
  await officer.getByRole("button", { name: "記錄事件" }).click();
  const incident = officer.locator("article[data-incident]").first();
  await expect(incident).toContainText("第 2 級");
  await expect(incident.locator('[data-deadline="notice"]')).toContainText("12/1 10:30");
  await expect(incident.locator('[data-deadline="recovery"]')).toContainText("12/4 09:30");
  await expect(incident.locator('[data-deadline="recovery"]')).toContainText("72");

  // The 驗收 document.
  const [doc] = await Promise.all([officer.waitForEvent("download"), officer.getByRole("link", { name: "下載資安驗收檢核表（DOCX）" }).first().click()]);
  expect(doc.suggestedFilename()).toMatch(/資安驗收檢核表.*\.docx$/);
  expect(
    readFileSync((await doc.path())!)
      .subarray(0, 2)
      .toString(),
  ).toBe("PK");

  // The ICS feed at its secret URL.
  await officer.goto("/account/calendar");
  await officer.getByRole("button", { name: /產生訂閱網址/ }).click();
  const url = await officer.getByTestId("calendar-url").innerText();
  const res = await officer.request.get(url.replace(/^https?:\/\/[^/]+/, ""));
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^text\/calendar/);
  // Parsed as a calendar app would (ical.js throws on a malformed feed).
  const events = new ICAL.Component(ICAL.parse(await res.text())).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  expect(events.length).toBeGreaterThan(1);
  const acceptance = events.find((e) => e.summary === "CT-001-C｜驗收：驗收")!;
  expect(acceptance).toBeDefined();
  expect(acceptance.startDate.isDate).toBe(true);
  expect(acceptance.startDate.toString()).toBe("2027-03-31");
});
