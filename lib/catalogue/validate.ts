import type { z } from "zod";
import { ZCatalogueFile, ZGlossaryFile, ZSupplement, type TCatalogueFile, type TGlossaryFile, type TSupplement } from "./schema";
import { CatalogueError } from "./errors";

type Raw = { serviceTypes?: { key?: unknown; name?: unknown; items?: { id?: unknown }[] }[] };

/** Names the table and the row of an issue, so a data editor can find it in the file. */
function locate(raw: Raw, path: PropertyKey[]): string {
  const [top, t, sub, i, ...rest] = path;
  if (top !== "serviceTypes" || typeof t !== "number") return path.length ? `欄位 ${path.join(".")}` : "檔案";
  const type = raw.serviceTypes?.[t];
  const table = `第 ${t + 1} 表${type?.name ? `「${String(type.name)}」` : ""}${type?.key ? `（${String(type.key)}）` : ""}`;
  if (sub !== "items" || typeof i !== "number")
    return `${table}${sub !== undefined ? ` 欄位 ${[sub, i, ...rest].filter((x) => x !== undefined).join(".")}` : ""}`;
  const id = type?.items?.[i]?.id;
  const field = rest.length ? ` 欄位 ${rest.join(".")}` : "";
  return `${table} 第 ${i + 1} 列${typeof id === "string" ? `（${id}）` : ""}${field}`;
}

export function formatIssues(fileName: string, raw: unknown, issues: z.core.$ZodIssue[]): string {
  const lines = issues.slice(0, 20).map((issue) => `- ${locate((raw ?? {}) as Raw, issue.path)}：${issue.message}`);
  if (issues.length > 20) lines.push(`- 另有 ${issues.length - 20} 個問題`);
  return `目錄資料檔 ${fileName} 有誤：\n${lines.join("\n")}`;
}

function validated<T>(schema: z.ZodType<T>, fileName: string, raw: unknown): T {
  const result = schema.safeParse(raw);
  if (!result.success) throw new CatalogueError("invalid-file", formatIssues(fileName, raw, result.error.issues));
  return result.data;
}

/** Validates a parsed data file; throws CatalogueError naming the file, the table and the row. */
export function validateCatalogue(fileName: string, raw: unknown): TCatalogueFile {
  return validated(ZCatalogueFile, fileName, raw);
}

/** The same for a supplement (data/supplements/). */
export function validateSupplement(fileName: string, raw: unknown): TSupplement {
  return validated(ZSupplement, fileName, raw);
}

export function validateGlossary(fileName: string, raw: unknown): TGlossaryFile {
  return validated(ZGlossaryFile, fileName, raw);
}

export function parseJsonText(fileName: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new CatalogueError("invalid-file", `資料檔 ${fileName} 不是有效的 JSON：${(e as Error).message}`);
  }
}
