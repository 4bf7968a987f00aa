import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "./fixtures";
import { storageFor } from "./accounts";
import { decideRow, decisionRow, fillCase } from "./cases";

async function as(browser: Browser, role: string) {
  const context = await browser.newContext({ storageState: storageFor(role), locale: "zh-TW" });
  return context.newPage();
}

/** A small case: 既有雲端微服務（SaaS）客製化需求更版 at 普 — one ◎ item to decide, one item for the CISO's risk confirmation. */
/** Downloads one document from the case page and checks it is a DOCX named after the case. */
async function download(page: Page, label: RegExp, name: RegExp) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: label }).click()]);
  expect(file.suggestedFilename()).toMatch(name);
  const bytes = readFileSync((await file.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe("PK"); // a zip container
  expect(bytes.includes(Buffer.from("word/document.xml"))).toBe(true);
  return bytes;
}

const fillCaseNamed = (page: Page, name: string) => fillCase(page, { name, number: "WF-001", value: "800000", type: "既有雲端微服務（SaaS）客製化需求更版" });

test("officer submits, CISO returns an item, officer fixes and resubmits, CISO accepts the risk and approves", async ({ browser }) => {
  const officer = await as(browser, "officer");
  const base = await fillCaseNamed(officer, "工作流程測試案");

  // Submission lists what is missing and links to it.
  const submit = officer.getByRole("region", { name: "送交資安長審查" });
  await expect(submit).toContainText("送審前尚有 1 項需要處理");
  await expect(submit.getByRole("button", { name: "送出審查" })).toBeDisabled();
  const vm = decisionRow(officer, "saas-customization.vm-image-security");
  // On a phone the decision sits under the requirement, which keeps most of the width.
  await officer.setViewportSize({ width: 390, height: 844 });
  expect((await vm.locator("td").nth(1).boundingBox())!.width).toBeGreaterThan(250);
  await officer.setViewportSize({ width: 1280, height: 720 });
  await decideRow(vm, "納入本案", "客製化版本含虛擬主機");
  await officer.reload();
  await expect(vm.getByLabel("納入本案", { exact: true })).toBeChecked();
  await expect(vm.getByRole("status")).toHaveText("已決定（王承辦）");
  // Before approval the documents are drafts.
  await expect(officer.getByRole("link", { name: "資通安全需求規範（草稿）" })).toBeVisible();
  await download(officer, /資通安全需求規範（草稿）/, /^工作流程測試案_資通安全需求規範_\d{8}\.docx$/);
  await submit.getByRole("button", { name: "送出審查" }).click();
  await expect(officer.getByText("第 1 版．送審")).toBeVisible();
  await expect(officer.getByRole("region", { name: "送交資安長審查" })).toBeHidden();

  // The CISO returns the item, then the case.
  const ciso = await as(browser, "ciso");
  await ciso.goto(`${base}/approval`);
  await expect(ciso.getByRole("heading", { name: "資安長審查" })).toBeVisible();
  const vmReview = ciso.locator('[id="review-saas-customization.vm-image-security"]');
  // An item the CISO need not confirm sits collapsed under 「可檢視」.
  await ciso.locator('[data-review-row="saas-customization.vm-image-security"] > details > summary').click();
  await vmReview.getByLabel("退回").check();
  await vmReview.getByRole("button", { name: "儲存審查意見" }).click();
  await expect(vmReview.getByText("退回本項時請填寫意見")).toBeVisible();
  await vmReview.getByLabel(/意見/).fill("請說明為何普級仍需要");
  await vmReview.getByRole("button", { name: "儲存審查意見" }).click();
  await expect(vmReview.getByText(/已審查：退回/)).toBeVisible();
  await expect(ciso.getByRole("button", { name: "核准本案" })).toBeDisabled();
  await ciso.getByLabel("意見（退回時必填）").fill("請補充選配項目理由");
  await ciso.getByRole("button", { name: "退回承辦人" }).click();
  await expect(ciso.getByText(/已退回承辦人/)).toBeVisible();

  // The officer sees the comments, fixes and resubmits.
  await officer.goto(`${base}/review`);
  await expect(officer.getByText("資安長意見：請補充選配項目理由")).toBeVisible();
  await expect(vm.getByText(/請說明為何普級仍需要/)).toBeVisible();
  await decideRow(vm, null, "客製化版本含虛擬主機映像檔，依機關資安規範納入");
  await officer.reload();
  await expect(vm.getByLabel("理由", { exact: true })).toHaveValue("客製化版本含虛擬主機映像檔，依機關資安規範納入");
  await expect(vm.getByRole("status")).toHaveText("已決定（王承辦）");
  await officer.getByRole("button", { name: "送出審查" }).click();
  await expect(officer.getByText("第 1 版．送審")).toBeVisible();

  // The CISO approves the item, accepts the risk and approves the case.
  await ciso.goto(`${base}/approval`);
  // The earlier return comment is shown, but never becomes the approval's comment (issue 14's bug).
  await expect(vmReview.getByLabel(/意見/)).toHaveValue("請說明為何普級仍需要");
  await vmReview.getByLabel("同意").check();
  await expect(vmReview.getByLabel(/意見/)).toHaveValue("");
  await expect(vmReview.getByText("先前意見（退回）：請說明為何普級仍需要")).toBeVisible();
  await vmReview.getByRole("button", { name: "儲存審查意見" }).click();
  await expect(vmReview.getByText(/已審查：同意/)).toBeVisible();
  const risk = ciso.locator('[id="review-saas-customization.supplier-product-security"]');
  await expect(ciso.getByRole("button", { name: "核准本案" })).toBeDisabled();
  await risk.getByLabel("接受風險").check();
  await risk.getByLabel(/意見/).fill("廠商已提出第三方檢測報告，接受剩餘風險");
  await risk.getByRole("button", { name: "儲存審查意見" }).click();
  await expect(risk.getByText(/已審查：接受風險/)).toBeVisible();
  await ciso.getByRole("button", { name: "核准本案" }).click();
  await expect(ciso.getByText(/已核准本案（第 1 版）/)).toBeVisible();

  // Locked for the officer; the history shows every step.
  await officer.goto(`${base}/agency`);
  await expect(officer.getByText("第 1 版．核准")).toBeVisible();
  await expect(officer.getByText(/核准：林資安長/)).toBeVisible();
  await expect(officer.getByRole("region", { name: "機關資料" })).toContainText("已固定");
  await officer.goto(`${base}/case`);
  await expect(officer.getByLabel("案件名稱")).toBeDisabled();
  await officer.getByRole("link", { name: "歷程" }).click();
  const history = officer.getByRole("listitem");
  for (const step of ["建立案件", "記錄決定", "送審", "審查：退回", "退回", "審查：同意", "審查：接受風險", "核准"])
    await expect(history.filter({ hasText: step }).first()).toBeVisible();

  // The approved revision exports as final.
  await officer.goto(`${base}/review`);
  await download(officer, /^資通安全需求規範$/, /^工作流程測試案_資通安全需求規範_\d{8}\.docx$/);
  await download(officer, /^資通安全契約條款$/, /^工作流程測試案_.*契約條款_\d{8}\.docx$/);
  await download(officer, /^廠商資安自評表$/, /^工作流程測試案_廠商資安自評表_\d{8}\.docx$/);

  // A change needs a new revision; the approved one stays readable.
  await officer.goto(`${base}/review`);
  await officer.getByRole("button", { name: "建立新修訂版" }).click();
  await expect(officer.getByText("第 2 版．草稿")).toBeVisible();
  await expect(vm.getByLabel("納入本案", { exact: true })).toBeChecked();
  await expect(vm.getByRole("status")).toHaveText("已決定（王承辦）");
});

test("two people saving the same step: the second gets a conflict and keeps their input", async ({ browser }) => {
  const a = await as(browser, "officer");
  await a.goto("/cases");
  await a.getByRole("button", { name: "建立新案件" }).click();
  await a.waitForURL(/\/agency$/);
  const url = a.url().replace(/\/agency$/, "/case");
  await a.goto(url);
  const b = await as(browser, "officer");
  await b.goto(url);

  await a.getByLabel("案件名稱").fill("甲案件");
  await expect(a.getByRole("status").filter({ hasText: "已自動儲存" })).toBeVisible();

  await b.getByLabel("案件名稱").fill("乙案件");
  const conflict = b.getByRole("alert").filter({ hasText: "修改這個步驟" });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText("甲案件");
  await expect(conflict).toContainText("乙案件");
  await expect(b.getByLabel("案件名稱")).toHaveValue("乙案件");

  await conflict.getByRole("button", { name: "以我的內容覆寫" }).click();
  await expect(b.getByRole("status").filter({ hasText: "已自動儲存" })).toBeVisible();
  await a.reload();
  await expect(a.getByLabel("案件名稱")).toHaveValue("乙案件");
});

test("two officers deciding the same item, and setting the clause parameters, from stale pages: the second sees the first's value and keeps their input", async ({
  browser,
}) => {
  const a = await as(browser, "officer");
  const caseUrl = await fillCaseNamed(a, "並行決定測試案");
  const b = await as(browser, "officer");
  await b.goto(`${caseUrl}/review`);

  const itemA = decisionRow(a, "saas-customization.vm-image-security");
  await decideRow(itemA, "納入本案", "甲的理由：含虛擬主機");

  // The row autosaves: B's stale save is refused, shows A's decision, and B's input stays in the fields.
  const itemB = decisionRow(b, "saas-customization.vm-image-security");
  await itemB.getByLabel("理由", { exact: true }).fill("乙的理由：不需要");
  await itemB.getByLabel("不納入本案", { exact: true }).check();
  const conflict = itemB.getByRole("alert").filter({ hasText: "這一項的決定" });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText("納入本案");
  await expect(conflict).toContainText("甲的理由：含虛擬主機");
  await expect(conflict).toContainText("您的輸入尚未儲存");
  await expect(itemB.getByLabel("理由", { exact: true })).toHaveValue("乙的理由：不需要");
  await expect(itemB.getByLabel("不納入本案", { exact: true })).toBeChecked();
  await conflict.getByRole("button", { name: "以我的決定覆寫" }).click();
  await expect(conflict).toBeHidden();
  await b.reload();
  await expect(itemB.getByLabel("不納入本案", { exact: true })).toBeChecked();
  await expect(itemB.getByLabel("理由", { exact: true })).toHaveValue("乙的理由：不需要");

  // The clause parameters: the same, and "take theirs" puts the other officer's value in the field.
  await a.getByText("條款參數（本案）").click();
  await b.getByText("條款參數（本案）").click();
  const field = "廠商知悉資安事件後通報機關之時限";
  await a.getByLabel(new RegExp(field)).fill("4");
  await a.getByRole("button", { name: "儲存條款參數" }).click();
  await expect(a.getByText("已儲存條款參數。")).toBeVisible();
  await b.getByLabel(new RegExp(field)).fill("24");
  await b.getByRole("button", { name: "儲存條款參數" }).click();
  const stale = b.getByRole("alert").filter({ hasText: "本案的條款參數" });
  await expect(stale).toBeVisible();
  await expect(b.getByLabel(new RegExp(field))).toHaveValue("24");
  await stale.getByRole("button", { name: "改用對方的內容" }).click();
  await expect(b.getByLabel(new RegExp(field))).toHaveValue("4");
});
