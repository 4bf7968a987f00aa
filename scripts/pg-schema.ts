// `npm run db:schema:pg`: writes prisma/postgres/schema.prisma from prisma/schema.prisma.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { pgSchemaFrom } from "../lib/db/pg-schema";

const root = path.join(import.meta.dirname, "..");
const target = path.join(root, "prisma", "postgres", "schema.prisma");
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, pgSchemaFrom(readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8")));
console.log(`已寫入 ${path.relative(root, target)}`);
