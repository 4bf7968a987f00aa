import { expect, test } from "./fixtures";
import { fillCase } from "./cases";
import { accessible, as } from "./pages";

// Issue 15: the officer leaves a 專案管理需求 item out, with a reason; the case page lists every document,
// the internal record marked as such.
test("the officer leaves a 專案管理需求 item out with a reason, and it stays out after a reload", async ({ browser }) => {
  const officer = await as(browser, "officer");
  await fillCase(officer, { name: "專案管理測試案", number: "PM-001", value: "800000", type: "既有雲端微服務（SaaS）客製化需求更版" });

  await expect(officer.getByRole("link", { name: "資安風險接受紀錄（草稿）" })).toBeVisible();
  await expect(officer.getByText("機關內部使用，不隨招標文件提供")).toBeVisible();

  const panel = officer.locator("details").filter({ hasText: /^專案管理需求（/ });
  await panel.locator("summary").click();
  const item = panel.getByRole("listitem").filter({ hasText: "與機關資安相關之協調作業" });
  await item.getByLabel("不列入本案").check();
  await item.getByRole("button", { name: "儲存" }).click();
  await expect(item.getByText("請說明不列入本案的理由")).toBeVisible();
  await accessible(officer);

  await item.getByLabel(/不列入的理由/).fill("機關資安協調另依年度維運契約辦理");
  await item.getByRole("button", { name: "儲存" }).click();
  await expect(item.getByRole("status")).toHaveText("已儲存");

  await officer.reload();
  await expect(officer.locator("details").filter({ hasText: /^專案管理需求（.*1 項不列入/ })).toBeVisible();
  await expect(
    officer
      .getByRole("listitem")
      .filter({ hasText: "與機關資安相關之協調作業" })
      .getByText(/不列入本案．理由：機關資安協調另依年度維運契約辦理/),
  ).toBeVisible();
});
