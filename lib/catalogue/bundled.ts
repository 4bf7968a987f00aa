import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { TDb } from "../db/client";
import { CatalogueError } from "./errors";
import { ZVersionId, type TCatalogueFile, type TGlossaryFile, type TSupplement } from "./schema";
import { parseJsonText, validateCatalogue, validateGlossary, validateSupplement } from "./validate";
import { storeCatalogue, type TLoadResult } from "./store";

export const DATA_DIR = path.join(process.cwd(), "data");
export const CATALOGUE_DIR = path.join(DATA_DIR, "catalogue");

const REFERENCES = [
  { field: "obligations", dir: "obligations", what: "責任等級對照表" },
  { field: "clauses", dir: "clauses", what: "一般條款庫" },
] as const;

/**
 * A data file may name a bundled obligations table or clause library by version ("2026-01-07") instead
 * of inlining it; exports always inline, so an exported file stands on its own.
 */
export function expandReferences(fileName: string, raw: unknown, dataDir: string = DATA_DIR): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const out: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  for (const { field, dir, what } of REFERENCES) {
    const ref = out[field];
    if (typeof ref !== "string") continue;
    const file = path.join(dataDir, dir, `${ref}.json`);
    if (!ZVersionId.safeParse(ref).success || !existsSync(file))
      throw new CatalogueError("invalid-file", `目錄資料檔 ${fileName} 欄位 ${field}：找不到${what}「${ref}」（應為 data/${dir}/${ref}.json）`);
    out[field] = parseJsonText(path.relative(process.cwd(), file), readFileSync(/*turbopackIgnore: true*/ file, "utf8"));
  }
  return out;
}

/** The one loader: JSON text of a catalogue data file → a validated catalogue version. */
export function parseCatalogueData(fileName: string, text: string, dataDir: string = DATA_DIR): TCatalogueFile {
  return validateCatalogue(fileName, expandReferences(fileName, parseJsonText(fileName, text), dataDir));
}

/** JSON text of a supplement (data/supplements/) → a validated supplement. */
export function parseSupplementData(fileName: string, text: string): TSupplement {
  return validateSupplement(fileName, parseJsonText(fileName, text));
}

export function readCatalogueFile(file: string): TCatalogueFile {
  const name = path.relative(process.cwd(), file) || file;
  return parseCatalogueData(name, readFileSync(/*turbopackIgnore: true*/ file, "utf8"));
}

export function bundledCatalogueFiles(dir: string = CATALOGUE_DIR): string[] {
  return (
    readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      // By version id (not file name: "2023-09-25-x.json" sorts before "2023-09-25.json"), so versions load oldest first.
      .map((f) => f.slice(0, -".json".length))
      .sort()
      .map((v) => `${v}.json`)
      .map((f) => path.join(dir, f))
  );
}

/** Loads every bundled version the database lacks (idempotent). */
export async function loadBundledCatalogues(db: TDb, dir?: string): Promise<TLoadResult[]> {
  const results: TLoadResult[] = [];
  for (const file of bundledCatalogueFiles(dir)) results.push(await storeCatalogue(db, readCatalogueFile(file)));
  return results;
}

export const SUPPLEMENT_DIR = path.join(DATA_DIR, "supplements");
let supplements: TSupplement[] | null = null;

/** Every bundled supplement, validated (read once per process). */
export function bundledSupplements(dir: string = SUPPLEMENT_DIR): TSupplement[] {
  if (dir === SUPPLEMENT_DIR && supplements) return supplements;
  const all = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .sort()
        .map((f) => {
          const name = path.relative(process.cwd(), path.join(dir, f));
          return parseSupplementData(name, readFileSync(/*turbopackIgnore: true*/ path.join(dir, f), "utf8"));
        })
    : [];
  if (dir === SUPPLEMENT_DIR) supplements = all;
  return all;
}

/** The supplement of a catalogue version, or of the version a draft was based on; null when none. */
export function supplementFor(catalogue: { version: string; basedOn?: string | null }, dir?: string): TSupplement | null {
  const all = bundledSupplements(dir);
  const of = (v: string | null | undefined) => (v ? all.filter((s) => s.catalogueVersions.includes(v)).at(-1) : undefined);
  return of(catalogue.version) ?? of(catalogue.basedOn) ?? null;
}

export const GLOSSARY_DIR = path.join(DATA_DIR, "glossary");
let glossary: TGlossaryFile | null = null;

/** The newest bundled glossary (data/glossary/<date>.json), validated, read once per process. */
export function bundledGlossary(dir: string = GLOSSARY_DIR): TGlossaryFile {
  if (dir === GLOSSARY_DIR && glossary) return glossary;
  const newest = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .at(-1);
  if (!newest) throw new CatalogueError("invalid-file", `${path.relative(process.cwd(), dir)} 沒有名詞解釋檔`);
  const file = path.join(dir, newest);
  const read = validateGlossary(path.relative(process.cwd(), file), parseJsonText(newest, readFileSync(/*turbopackIgnore: true*/ file, "utf8")));
  if (dir === GLOSSARY_DIR) glossary = read;
  return read;
}
