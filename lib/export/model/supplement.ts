import type { TServiceTypeKey } from "../../catalogue/schema";
import type { TGuideType, TSupplement } from "../../catalogue/schema/supplement";
import { cleanText } from "../text/sanitize";
import type { TMergedRow } from "./merge";
import type { TClauseBlock, TPricedLine, TProjectExclusionLine, TProjectLine } from "./types";

/** The guide's outsourcing types of the case, in the guide's order (開發＋維運 → 系統發展、維運服務). */
export function guideTypesOf(supplement: TSupplement, serviceTypes: readonly TServiceTypeKey[]): TGuideType[] {
  const chosen = new Set(serviceTypes.map((t) => supplement.projectManagement.serviceTypes[t]).filter(Boolean));
  return supplement.projectManagement.guideTypes.map((g) => g.key).filter((k) => chosen.has(k));
}

/**
 * 專案管理需求: each of 003's items that applies to one of the case's outsourcing types, once. An item a
 * clause of the document already says refers to that clause (by title) instead of repeating it.
 */
export function projectLines(
  supplement: TSupplement,
  serviceTypes: readonly TServiceTypeKey[],
  clauses: readonly TClauseBlock[],
  excluded: ReadonlySet<string> = new Set(),
): TProjectLine[] {
  const present = new Map(clauses.map((c) => [c.id, c.title]));
  return applicableProjectItems(supplement, serviceTypes)
    .filter((item) => !excluded.has(projectItemId(item.no)))
    .map((item) => {
      const see = item.coveredBy.filter((id) => present.has(id)).map((id) => present.get(id)!);
      return { no: item.no, title: cleanText(item.title), text: see.length || !item.text ? null : cleanText(item.text), see };
    });
}

/** The id a 專案管理需求 item goes by outside the supplement (an exclusion's itemId). */
export const projectItemId = (no: number) => `pm.${no}`;

/** 003's items that apply to one of the case's outsourcing types, in the table's order. */
export function applicableProjectItems(supplement: TSupplement, serviceTypes: readonly TServiceTypeKey[]) {
  const types = new Set(guideTypesOf(supplement, serviceTypes));
  return supplement.projectManagement.items.filter((item) => item.applies.some((t) => types.has(t)));
}

/** The officer's exclusions of applicable items, in the table's order (an exclusion of an item that no longer applies says nothing). */
export function projectExclusionLines(
  supplement: TSupplement,
  serviceTypes: readonly TServiceTypeKey[],
  exclusions: readonly { itemId: string; reason: string }[],
): TProjectExclusionLine[] {
  const reasons = new Map(exclusions.map((e) => [e.itemId, e.reason]));
  return applicableProjectItems(supplement, serviceTypes)
    .filter((item) => reasons.has(projectItemId(item.no)))
    .map((item) => ({ no: item.no, title: cleanText(item.title), reason: cleanText(reasons.get(projectItemId(item.no))!) }));
}

const WHO = { vendor: "廠商", agency: "機關" } as const;

/**
 * 資安經費編列提示: the included requirements that carry a `priced` hint (the bidder prices them as their
 * own line) and the agency's own duties that need their own budget (機關應辦事項). No amounts.
 */
export function pricedLines(supplement: TSupplement, rows: readonly TMergedRow[], agency: readonly TClauseBlock[]): TPricedLine[] {
  const sourceNames = (ids: readonly string[]) =>
    ids
      .map((id) => supplement.pricing.sources[id])
      .filter((s) => s !== undefined)
      .map((s) => `${s.document}${s.section.split("：")[0]}`);
  const out: TPricedLine[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.placement !== "included") continue;
    const slug = row.item.id.slice(row.item.id.indexOf(".") + 1);
    const hint = supplement.pricing.items[slug];
    if (!hint || seen.has(row.text)) continue;
    seen.add(row.text);
    out.push({ ids: row.copies.map((c) => c.id), label: hint.label, text: row.text, who: WHO.vendor, agencyDuty: false, sources: sourceNames(hint.sources) });
  }
  for (const clause of agency) {
    const hint = supplement.pricing.clauses[clause.id];
    if (hint) out.push({ ids: [clause.id], label: hint.label, text: clause.title, who: WHO.agency, agencyDuty: true, sources: sourceNames(hint.sources) });
  }
  return out;
}
