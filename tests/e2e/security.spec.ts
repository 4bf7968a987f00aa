import Database from "better-sqlite3";
import { expect, test } from "./fixtures";
import { storageFor } from "./accounts";

// Issue 19.2, 19.6c, 19.6d against the built app (`next start`), where the client address comes from the socket.

test("pages carry a nonce CSP and COOP; Next's scripts carry the nonce", async ({ page }) => {
  const response = await page.goto("/login");
  const csp = response!.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  for (const d of ["default-src 'self'", "'strict-dynamic'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"])
    expect(csp).toContain(d);
  expect(response!.headers()["cross-origin-opener-policy"]).toBe("same-origin");
  expect(response!.headers()["x-frame-options"]).toBe("DENY");
  const scripts = await page.locator("script").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);
  // Hydrated under the policy: the form works client-side (the fixture fails the test on any violation).
  await page.getByLabel("電子郵件").fill("nobody@test.secreq.tw");
  await page.getByLabel("密碼").fill("Wrong-Password-123");
  await page.getByRole("button", { name: "登入" }).click();
  await expect(page.locator("p[role=alert]")).toContainText("電子郵件或密碼錯誤");
});

test("a forged X-Forwarded-For per request does not multiply the sign-in limit", async ({ request, baseURL }) => {
  const statuses: number[] = [];
  for (let i = 0; i < 35; i++) {
    const r = await request.post("/api/auth/sign-in/email", {
      headers: { "x-forwarded-for": `203.0.113.${i + 1}`, origin: baseURL! },
      data: { email: `ghost${i}@test.secreq.tw`, password: "Wrong-Password-123" },
    });
    statuses.push(r.status());
  }
  expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(5);
});

test("the login form is limited too, whatever address the client claims", async ({ page }) => {
  await page.route("**/login", (route) =>
    route.continue({ headers: { ...route.request().headers(), "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250) + 1}` } }),
  );
  await page.goto("/login");
  let limited = false;
  for (let i = 0; i < 14 && !limited; i++) {
    await page.getByLabel("電子郵件").fill("limited-ghost@test.secreq.tw");
    await page.getByLabel("密碼").fill("Wrong-Password-123");
    await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "登入" }).click()]);
    await expect(page.locator("p[role=alert]")).toBeVisible();
    await page.waitForTimeout(200);
    limited = (await page.locator("p[role=alert]").textContent())?.includes("嘗試次數過多") ?? false;
  }
  expect(limited).toBe(true);
});

test("cross-origin and malformed server-action posts get 4xx, not 500", async ({ request, baseURL }) => {
  const action = { "next-action": "a".repeat(42), "content-type": "text/plain;charset=UTF-8" };
  const cross = await request.post("/login", { headers: { ...action, origin: "https://evil.example" }, data: "[]" });
  expect(cross.status()).toBe(403);
  const malformed = await request.post("/login", { headers: { ...action, origin: baseURL! }, data: "{not json" });
  expect(malformed.status()).toBe(400);
  const badId = await request.post("/login", { headers: { ...action, "next-action": "../../etc", origin: baseURL! }, data: "[]" });
  expect(badId.status()).toBe(400);
});

test.describe("the agency admin's notice of locked accounts (issue 19.6b)", () => {
  test.use({ storageState: storageFor("admin") });
  test("/admin lists the accounts locked right now", async ({ page }) => {
    // The lock is set in the database: from one test address the per-address hold (3) comes first.
    const file = (process.env.E2E_DATABASE_URL ?? "file:./var/e2e.db").replace(/^file:/, "");
    const sqlite = new Database(file);
    const until = new Date(Date.now() + 10 * 60_000).toISOString().replace("Z", "+00:00"); // Prisma's SQLite format
    sqlite.prepare("UPDATE User SET lockedUntil = ? WHERE email = ?").run(until, "ciso@demo.secreq.tw");
    try {
      await page.goto("/admin");
      const notice = page.getByRole("status").filter({ hasText: "因連續登入失敗而鎖定" });
      await expect(notice).toContainText("林資安長");
      await expect(notice).toContainText("ciso@demo.secreq.tw");
      await expect(notice.getByRole("link", { name: "稽核紀錄" })).toBeVisible();
    } finally {
      sqlite.prepare("UPDATE User SET lockedUntil = NULL WHERE email = ?").run("ciso@demo.secreq.tw");
      sqlite.close();
    }
  });
});
