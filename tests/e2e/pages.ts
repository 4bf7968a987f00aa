import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type Page } from "@playwright/test";
import { storageFor } from "./accounts";

/** A page signed in as a demo role (dialogs accepted). */
export async function as(browser: Browser, role: string): Promise<Page> {
  const context = await browser.newContext({ storageState: storageFor(role), locale: "zh-TW" });
  const page = await context.newPage();
  page.on("dialog", (d) => void d.accept());
  return page;
}

/** No WCAG 2.1 A/AA violation that axe finds. */
export async function accessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}
