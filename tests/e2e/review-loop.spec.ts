import { expect, test, type Locator, type Page } from "./fixtures";
import { accessible, as } from "./pages";
import { decideRow, decisionRow, fillCase } from "./cases";

// Issue 14: one return-and-resubmit cycle as the CISO and the officer do it — the CISO starts from
// 「待我審查」, the officer from the case list (the banner leads to the returned item). Clicks and
// characters typed are counted as the usability test counted them (a fill = 1 click + its characters).

const VM = "saas-customization.vm-image-security";
const RISK = "saas-customization.supplier-product-security";

const count = { clicks: 0, chars: 0 };
async function click(l: Locator) {
  count.clicks += 1;
  await l.click();
}
async function type(l: Locator, text: string) {
  count.clicks += 1;
  count.chars += text.length;
  await l.fill(text);
}

async function openFromList(page: Page, nav: string, name: string) {
  await page.goto("/cases");
  await click(page.getByRole("navigation", { name: "主選單" }).getByRole("link", { name: nav }));
  await click(page.getByRole("link", { name }).first());
}

test("the review loop: worklist → return → the officer answers via the banner → resubmit → the CISO sees what changed and approves", async ({ browser }) => {
  const name = `審查迴圈測試案-${Date.now()}`;
  const officer = await as(browser, "officer");
  const base = await fillCase(officer, { name, number: "RL-001", value: "800000", type: "既有雲端微服務（SaaS）客製化需求更版" });
  await decideRow(decisionRow(officer, VM), "納入本案", "客製化版本含虛擬主機");
  await officer.reload();
  await officer.getByRole("button", { name: "送出審查" }).click();
  await expect(officer.getByText("第 1 版．送審")).toBeVisible();

  // CISO, round 1: from the worklist straight to the approval page, with the facts in view.
  const ciso = await as(browser, "ciso");
  await openFromList(ciso, "待我審查", name);
  await expect(ciso).toHaveURL(`${base}/approval`);
  await expect(ciso.getByRole("region", { name: "本案事實（檢核表依此產出）" })).toContainText("新臺幣 800,000 元");
  await expect(ciso.getByRole("region", { name: /須您確認/ })).toContainText("須資安長確認風險");
  await accessible(ciso);
  await click(ciso.locator(`[data-review-row="${VM}"] > details > summary`));
  const vmReview = ciso.locator(`[id="review-${VM}"]`);
  await expect(vmReview.getByText("理由與依據")).toBeVisible();
  await click(vmReview.getByLabel("退回"));
  await type(vmReview.getByLabel(/^意見/), "請說明為何普級仍需要");
  await click(vmReview.getByRole("button", { name: "儲存審查意見" }));
  await expect(vmReview.getByText(/已審查：退回/)).toBeVisible();
  await type(ciso.getByLabel("意見（退回時必填）"), "請修正退回項目");
  await click(ciso.getByRole("button", { name: "退回承辦人" }));
  await expect(ciso.getByText(/已退回承辦人/)).toBeVisible();

  // The case's history and version pages show the returned banner too, linking to the item on the review step.
  for (const page of ["history", "version"]) {
    await officer.goto(`${base}/${page}`);
    await expect(officer.getByText("資安長意見：請修正退回項目")).toBeVisible();
    await expect(officer.getByText("資安長退回 1 項（尚待處理 1 項）：")).toBeVisible();
    await expect(officer.getByRole("listitem").filter({ has: officer.locator(`a[href$="/review#returned-${VM}"]`) })).toContainText("請說明為何普級仍需要");
    await accessible(officer);
  }

  // Officer: the returned case opens on the review step; the banner links to the item; resubmitting waits for an answer.
  await openFromList(officer, "採購案件", name);
  await expect(officer).toHaveURL(`${base}/review`);
  const submit = officer.getByRole("region", { name: "送交資安長審查" });
  await expect(submit.getByRole("button", { name: "送出審查" })).toBeDisabled();
  await expect(submit).toContainText("請說明為何普級仍需要");
  await click(officer.locator(`a[href$="#returned-${VM}"]`));
  const returned = officer.locator(`[id="returned-${VM}"]`);
  await type(returned.getByLabel("回覆資安長"), "客製化版本含虛擬主機映像檔，依機關資安規範納入");
  await click(returned.getByRole("button", { name: "送出回覆" }));
  await expect(returned.getByText("已處理，可重新送審")).toBeVisible();
  await click(submit.getByRole("button", { name: "送出審查" }));
  await expect(officer.getByText("第 1 版．送審")).toBeVisible();

  // CISO, round 2: the returned item with its thread; the old comment is not the new verdict's.
  await openFromList(ciso, "待我審查", name);
  await expect(ciso.getByText(/第 2 次送審/)).toBeVisible();
  await expect(vmReview.getByText("承辦人已回覆")).toBeVisible();
  await expect(vmReview).toContainText("客製化版本含虛擬主機映像檔，依機關資安規範納入");
  await click(vmReview.getByLabel("同意"));
  await expect(vmReview.getByLabel(/^意見/)).toHaveValue("");
  await click(vmReview.getByRole("button", { name: "儲存審查意見" }));
  await expect(vmReview.getByText(/已審查：同意/)).toBeVisible();
  const risk = ciso.locator(`[id="review-${RISK}"]`);
  await click(risk.getByLabel("接受風險"));
  await expect(risk.getByText("您接受的風險")).toBeVisible();
  await type(risk.getByLabel(/^意見/), "廠商已提出第三方檢測報告，接受剩餘風險");
  await click(risk.getByRole("button", { name: "儲存審查意見" }));
  await expect(risk.getByText(/已審查：接受風險/)).toBeVisible();
  await accessible(ciso);
  await click(ciso.getByRole("button", { name: "核准本案" }));
  await expect(ciso.getByText(/已核准本案（第 1 版）/)).toBeVisible();

  // The worklist no longer has it.
  await ciso.goto("/reviews");
  await expect(ciso.getByRole("heading", { name: "待我審查" })).toBeVisible();
  await expect(ciso.getByRole("link", { name })).toHaveCount(0);
  await accessible(ciso);

  console.log(`review loop: ${count.clicks} clicks, ${count.chars} characters typed (usability test: 25 and 146)`);
  expect(count.clicks).toBeLessThanOrEqual(25);
});
