import { defineConfig } from "vitest/config";
import path from "node:path";

// Two `next start` instances on one PostgreSQL database (needs `npm run build`; scripts/test-all.sh runs it).
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/instances/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
  },
});
