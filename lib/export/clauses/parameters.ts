import type { TClauseLibrary, TParameter } from "../../catalogue/schema/clauses";

/**
 * Clause parameters: defaults ← agency ← case. Each layer is a partial map `{ key: value }`; a key
 * that is absent, null or "" inherits from the layer below, so an emptied form field means "default".
 * Values are integers within the parameter's bounds; anything else is refused at that parameter with
 * a zh-TW message (the layer's other values are still checked, so every problem shows at once).
 */

export const PARAMETER_LAYERS = ["agency", "case"] as const;
export type TParameterLayer = (typeof PARAMETER_LAYERS)[number];
export type TParameterOrigin = "default" | TParameterLayer;

export type TParameterValues = Readonly<Record<string, number>>;
export interface TResolvedParameters {
  values: TParameterValues;
  /** Which layer each value came from (for the UI and the draft appendix). */
  from: Readonly<Record<string, TParameterOrigin>>;
}
export interface TParameterIssue {
  layer: TParameterLayer;
  /** The parameter's key ("" when the layer itself is not an object). */
  path: string;
  message: string;
}
export type TParameterResult = { ok: true; parameters: TResolvedParameters } | { ok: false; issues: TParameterIssue[] };

const LAYER_LABEL: Record<TParameterLayer, string> = { agency: "機關預設參數", case: "本案參數" };

/** Validates one layer; returns the values it sets, and the issues. */
export function parseParameterLayer(
  library: TClauseLibrary,
  layer: TParameterLayer,
  raw: unknown,
): { values: Record<string, number>; issues: TParameterIssue[] } {
  const values: Record<string, number> = {};
  const issues: TParameterIssue[] = [];
  if (raw === undefined || raw === null) return { values, issues };
  if (typeof raw !== "object" || Array.isArray(raw)) {
    issues.push({ layer, path: "", message: `${LAYER_LABEL[layer]}須為物件，例如 { "vulnFixDays": 14 }` });
    return { values, issues };
  }
  const byKey = new Map(library.parameters.map((p) => [p.key, p]));
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const parameter = byKey.get(key);
    if (!parameter) {
      issues.push({ layer, path: key, message: `未知的參數「${key}」` });
      continue;
    }
    if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) continue;
    const checked = checkValue(parameter, value);
    if (typeof checked === "string") issues.push({ layer, path: key, message: checked });
    else values[key] = checked;
  }
  return { values, issues };
}

/** The effective parameters of a case, or every issue of every layer. */
export function resolveParameters(library: TClauseLibrary, overrides: Partial<Record<TParameterLayer, unknown>> = {}): TParameterResult {
  const values: Record<string, number> = {};
  const from: Record<string, TParameterOrigin> = {};
  for (const p of library.parameters) {
    values[p.key] = p.default;
    from[p.key] = "default";
  }
  const issues: TParameterIssue[] = [];
  for (const layer of PARAMETER_LAYERS) {
    const parsed = parseParameterLayer(library, layer, overrides[layer]);
    issues.push(...parsed.issues);
    for (const [key, value] of Object.entries(parsed.values)) {
      values[key] = value;
      from[key] = layer;
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, parameters: { values, from } };
}

/** The library's defaults, already resolved (no overrides can fail). */
export function defaultParameters(library: TClauseLibrary): TResolvedParameters {
  const result = resolveParameters(library);
  if (!result.ok) throw new Error("條文庫預設參數有誤");
  return result.parameters;
}

/** `{vulnFixDays}` → 14. A key without a value is a programming error (the schema checks the data). */
export function fillParameters(text: string, values: TParameterValues): string {
  return text.replace(/\{([A-Za-z0-9]+)\}/g, (_whole, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`條文參數「${key}」沒有值`);
    return String(value);
  });
}

function checkValue(p: TParameter, value: unknown): number | string {
  let n: number;
  if (typeof value === "number") n = value;
  // Form fields arrive as text; full-width digits (１４) are what a zh-TW IME types.
  else if (typeof value === "string" && /^\d{1,6}$/.test(value.normalize("NFKC").trim())) n = Number(value.normalize("NFKC").trim());
  else return `「${p.label}」須為整數（單位：${p.unit}）`;
  if (!Number.isInteger(n)) return `「${p.label}」須為整數（單位：${p.unit}）`;
  if (n < p.min || n > p.max) return `「${p.label}」須介於 ${p.min}～${p.max} ${p.unit}${p.note ? `（${p.note}）` : ""}`;
  return n;
}
