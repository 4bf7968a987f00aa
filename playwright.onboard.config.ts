import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// A fresh database WITHOUT the demo: how a real agency starts (README 「正式上線：建立第一個機關」).
const PORT = Number(process.env.E2E_PORT ?? 3110);
const DATABASE_URL = process.env.E2E_ONBOARD_DATABASE_URL ?? "file:./var/e2e-onboard.db";
const file = DATABASE_URL.startsWith("file:") ? DATABASE_URL.slice("file:".length) : null;

export default defineConfig({
  ...base,
  testMatch: /onboard\.spec\.ts/,
  projects: undefined,
  use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}` },
  webServer: {
    command: `${file ? `rm -f ${file} && ` : ""}npm run -s setup && npx next start -p ${PORT} -H 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    env: { DATABASE_URL, BETTER_AUTH_URL: `http://127.0.0.1:${PORT}` },
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
