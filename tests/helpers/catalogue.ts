import { readFileSync } from "node:fs";
import path from "node:path";
import { ZCatalogueFile, type TCatalogueFile } from "@/lib/catalogue/schema";

export const BUNDLED_FILE = path.join(process.cwd(), "data/catalogue/2023-09-25.json");

export function rawBundled(): Record<string, unknown> {
  return JSON.parse(readFileSync(BUNDLED_FILE, "utf8"));
}

export function bundled(): TCatalogueFile {
  return ZCatalogueFile.parse(rawBundled());
}
