import { readFileSync } from "node:fs";
import path from "node:path";
import { parseObligations, type TObligationsFile } from "../catalogue/schema/obligations";

/** Kept apart from the pure engine so that it never imports fs. */
export const DEFAULT_OBLIGATIONS_PATH = path.join(process.cwd(), "data", "obligations", "2026-01-07.json");

export function loadObligations(file: string = DEFAULT_OBLIGATIONS_PATH): TObligationsFile {
  return parseObligations(JSON.parse(readFileSync(/*turbopackIgnore: true*/ file, "utf8")) as unknown);
}
