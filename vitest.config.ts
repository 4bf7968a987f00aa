import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    testTimeout: 20_000,
    // beforeAll migrates and loads every bundled catalogue version into a fresh database: slow on a busy machine.
    hookTimeout: 30_000,
    pool: "forks",
  },
});
