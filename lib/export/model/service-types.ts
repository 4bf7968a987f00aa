import type { TServiceTypeKey } from "../../catalogue/schema";

/** Short names for 「（開發、維運）」 notes; the full names stay on the cover. */
export const SHORT_TYPE_NAME: Record<TServiceTypeKey, string> = {
  "saas-package": "SaaS套裝",
  "saas-office": "SaaS辦公",
  "saas-customization": "SaaS客製",
  "paas-iaas": "PaaS/IaaS",
  "planning-is": "系統規劃",
  "planning-security": "資安規劃",
  development: "開發",
  extension: "擴充",
  maintenance: "維運",
};

/**
 * 「開發、維運」: the types a merged requirement comes from, when that helps the reader — the case has
 * several types and not all of them carry it. "" otherwise.
 */
export function typesNote(from: readonly TServiceTypeKey[], caseTypes: readonly TServiceTypeKey[]): string {
  if (caseTypes.length < 2 || caseTypes.every((t) => from.includes(t))) return "";
  return caseTypes
    .filter((t) => from.includes(t))
    .map((t) => SHORT_TYPE_NAME[t] ?? t)
    .join("、");
}
