import { fillPlaceholders } from "../../cases/checklist";

/** What a blank the case does not fill reads as: a neutral phrase, never `____`. */
export const RISK_LEVEL_FALLBACK = "機關指定";

/**
 * Catalogue text with its blanks filled: `_____級` → the grade (「本系統為中級，需符合中級系統…」),
 * `未含____等級風險` → the case's risk level or 「機關指定」. Any other run of underscores is a blank the
 * catalogue gained later; it becomes 「（由機關指定）」 rather than reaching a bidder as `____`.
 */
export function fillItemText(text: string, gradeLabel: string, riskLevel: string | null): string {
  const filled = fillPlaceholders(text, gradeLabel, riskLevel ?? RISK_LEVEL_FALLBACK);
  return filled.replace(/_{3,}/g, "（由機關指定）");
}

export const hasRiskBlank = (text: string) => /未含_{3,}等級風險/.test(text);
