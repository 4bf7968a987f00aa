import { expect, test as setup } from "./fixtures";
import { DEMO_USERS } from "../../lib/demo";
import { NEW_PASSWORD, storageFor } from "./accounts";

for (const user of DEMO_USERS) {
  const role = user.roles[0]!;
  setup(`log in as the demo ${role}, change the initial password`, async ({ page }) => {
    await page.goto("/cases");
    await expect(page).toHaveURL(/\/login/);
    await page.getByLabel("電子郵件").fill(user.email);
    await page.getByLabel("密碼").fill(user.password);
    await page.getByRole("button", { name: "登入" }).click();
    // Forced change of the initial password before anything else.
    await expect(page).toHaveURL(/\/account\/password/);
    await page.goto("/cases");
    await expect(page).toHaveURL(/\/account\/password/);
    await page.getByLabel("目前的密碼").fill(user.password);
    await page.getByLabel("新密碼", { exact: true }).fill(user.password);
    await page.getByLabel("再次輸入新密碼").fill(user.password);
    await page.getByRole("button", { name: "變更密碼" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "最近三次" })).toBeVisible();
    await page.getByLabel("目前的密碼").fill(user.password);
    await page.getByLabel("新密碼", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("再次輸入新密碼").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "變更密碼" }).click();
    await expect(page).toHaveURL(/\/cases/);
    await expect(page.getByRole("heading", { name: "採購案件" })).toBeVisible();
    await page.context().storageState({ path: storageFor(role) });
  });
}
