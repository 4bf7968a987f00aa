import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./var/e2e.db";

// Debian's chromium, never a downloaded browser (this machine reaches only npm and Debian).
export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  // Generous: CI shares two cores between the server, the browser and the build cache.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
    locale: "zh-TW",
    trace: "off",
  },
  projects: [
    // Logs in each demo role once (through the forced password change) and keeps the session.
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    // tests/e2e/onboard.spec.ts runs on a database without the demo: playwright.onboard.config.ts.
    { name: "app", testIgnore: [/auth\.setup\.ts/, /onboard\.spec\.ts/], dependencies: ["setup"] },
  ],
  webServer: {
    // `npm run build` must have run; the test script does it.
    command: `npm run -s setup && npx next start -p ${PORT} -H 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    env: { DATABASE_URL, SECREQ_DEMO: "1", BETTER_AUTH_URL: `http://127.0.0.1:${PORT}` },
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
