import { defineConfig } from "prisma/config";

// Only `prisma generate` uses this; migrations run through scripts/db.ts (WASM schema engine).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./var/secreq.db" },
});
