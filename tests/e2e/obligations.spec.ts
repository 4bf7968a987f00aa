import { expect, test } from "./fixtures";
import { accessible, as } from "./pages";
import { decisionRow, fillCase } from "./cases";

// Issue 12: a 目錄管理者 verifies one cell of the ▲ table against the official attachment and publishes;
// an officer's new case shows that item as verified; the matrix page shows everyone which cells are.

test("a catalogue admin verifies a ▲ cell and publishes; the officer's case shows the item as verified", async ({ browser }) => {
  const admin = await as(browser, "admin");
  await admin.goto("/catalogue/versions");
  const version = await admin.getByLabel("新版本代碼").inputValue();
  await admin.getByRole("button", { name: "建立草稿" }).click();
  await admin.waitForURL(new RegExp(`/catalogue/versions/${version}$`));

  await admin.getByText(/責任等級應辦事項表（▲ 項目依此判定/).click();
  await admin.getByRole("button", { name: /^資通安全弱點通報機制（VANS） C公：/ }).click();
  const form = admin.getByRole("form", { name: /資通安全弱點通報機制（VANS）．C公/ });
  await expect(form.getByText(/目前出處：annex-tables\.md/)).toBeVisible();
  await form.getByLabel(/本格已與官方附表逐項核對/).check();
  // A bad FileId is refused at its field, and what was typed stays.
  await form.getByLabel("核對之官方文件").fill("分級辦法附表五（115-01-07）");
  await form.getByLabel(/FileId/).fill("abc");
  await form.getByLabel("頁次或項次").fill("第3頁 技術面第6項");
  await form.getByRole("button", { name: "儲存此格" }).click();
  await expect(form.getByText("FileId 須為 6～12 位數字")).toBeVisible();
  await expect(form.getByLabel("核對之官方文件")).toHaveValue("分級辦法附表五（115-01-07）");
  await form.getByLabel(/FileId/).fill("0000410770");
  await form.getByRole("button", { name: "儲存此格" }).click();
  await expect(form.getByRole("status")).toHaveText("已儲存。");
  await expect(admin.getByRole("button", { name: /^資通安全弱點通報機制（VANS） C公：.*已核對官方附表/ })).toBeVisible();
  await accessible(admin);

  await admin.getByLabel("變更摘要").fill("核對資通安全弱點管理 C級公務機關（附表五）。");
  await admin.getByRole("button", { name: "發布此版本" }).click();
  await expect(admin.getByText("此版本已發布，內容不可變更")).toBeVisible();

  // The officer's new case (level C, 政府機關, development) rests on the published, verified cell.
  const officer = await as(browser, "officer");
  const caseUrl = await fillCase(officer, { name: "弱點管理核對案", number: "OB-001", value: "800000", type: "應用軟體或系統開發服務" });
  await expect(officer.getByText(`目錄版本 ${version}`)).toBeVisible();
  // The review table's row names the verified cell and its official source under 「理由與依據」.
  const vans = decisionRow(officer, "development.vans");
  await vans.getByText("理由與依據").click();
  await expect(vans).toContainText("已核對官方附表：分級辦法附表五（115-01-07），第3頁 技術面第6項");
  await expect(officer.getByTestId("basis-summary")).toBeVisible();
  await expect(officer.locator("body")).not.toContainText("annex-tables.md");
  await expect(officer.locator("body")).not.toContainText("僅憑記憶");
  expect(caseUrl).toMatch(/\/cases\//);

  // Everyone signed in sees the matrix: eight columns, labels, the verified cell.
  await officer.goto(`/catalogue/obligations?version=${version}`);
  await expect(officer.getByRole("columnheader", { name: /B特/ })).toBeVisible();
  const row = officer.locator('tr[data-measure="vans"]');
  await expect(row.locator('td[data-column="C公"]')).toContainText("已核對官方附表");
  await expect(row.locator('td[data-column="C特"]')).toContainText("待查證");
  await accessible(officer);
});
