import type { TMark, TServiceTypeKey } from "../catalogue/schema";
import type { TStatus } from "./types";

/**
 * One row per distinct requirement of a case. The catalogue repeats a requirement under every service
 * type that carries it (不得為大陸地區廠商… is ● under 開發 and ◎ under 維運; SBOM, scans, 健診 …), but
 * one contract states and decides it once. The checklist, the API and the documents all group here.
 */

/** The fields grouping needs; TResolvedItem, TChecklistItem and TExportItem all have them. */
export interface TGroupable {
  id: string;
  serviceType: TServiceTypeKey;
  category: string;
  text: string;
  mark: TMark;
  status: TStatus;
}

/**
 * Strongest first: ● (standard) > ▲ the level requires > needs-decision > optional > not applicable.
 * (A ▲ that is standard still asks where it is done, so a plain ● outranks it.)
 */
export function strength(item: Pick<TGroupable, "status" | "mark">): number {
  switch (item.status) {
    case "standard":
      return item.mark === "▲" ? 3 : 4;
    case "needs-decision":
      return 2;
    case "optional":
      return 1;
    case "not-applicable":
      return 0;
  }
}

/** The text two copies must share to be one requirement: compatibility forms folded (NFKC), spacing ignored. */
export const requirementText = (text: string): string => text.normalize("NFKC").replace(/\s+/g, " ").trim();

/**
 * A short stable key of a requirement text ("r-" + 16 hex digits of FNV-1a 64 over the normalized text):
 * the same text gives the same key in every case and version, usable in a form field or a stored row.
 */
export function requirementKey(text: string): string {
  const normalized = requirementText(text);
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < normalized.length; i++) hash = BigInt.asUintN(64, (hash ^ BigInt(normalized.charCodeAt(i))) * 0x100000001b3n);
  return `r-${hash.toString(16).padStart(16, "0")}`;
}

export interface TRequirementGroup<T extends TGroupable> {
  key: string;
  /** The text as `textOf` gives it, of the first copy. */
  text: string;
  /** Every copy in checklist order. */
  copies: T[];
  /** The strongest copy (the first of equals in checklist order): its status, mark and category are the row's. */
  top: T;
  itemIds: string[];
  status: TStatus;
  mark: TMark;
  category: string;
  /** The types the copies come from, in checklist order. */
  serviceTypes: TServiceTypeKey[];
}

/**
 * Groups `items` (checklist order) by requirement; groups come in the order of their first copy.
 * `textOf` gives the text to compare (documents pass the text with its blanks filled).
 */
export function groupRequirements<T extends TGroupable>(items: readonly T[], textOf: (item: T) => string = (item) => item.text): TRequirementGroup<T>[] {
  const groups = new Map<string, { text: string; copies: T[] }>();
  for (const item of items) {
    const text = textOf(item);
    const key = requirementKey(text);
    const group = groups.get(key);
    if (group) group.copies.push(item);
    else groups.set(key, { text, copies: [item] });
  }
  return [...groups].map(([key, { text, copies }]) => {
    const top = copies.reduce((best, c) => (strength(c) > strength(best) ? c : best));
    return {
      key,
      text,
      copies,
      top,
      itemIds: copies.map((c) => c.id),
      status: top.status,
      mark: top.mark,
      category: top.category,
      serviceTypes: [...new Set(copies.map((c) => c.serviceType))],
    };
  });
}

/** For each item id, the ids of the other items of its group (checklist order); [] when it stands alone. */
export function sameAsOf(groups: readonly TRequirementGroup<TGroupable>[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const g of groups)
    for (const id of g.itemIds)
      out.set(
        id,
        g.itemIds.filter((other) => other !== id),
      );
  return out;
}
