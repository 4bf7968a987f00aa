import type { TAgencySector, TSectorHint } from "../../catalogue/schema/supplement";
import type { TExportCase } from "./types";

/** The agency's sector as the documents use it: the one place that reads it from the export input. */
export function sectorOf(c: Pick<TExportCase, "agencySector" | "ciProvider">): { sector: TAgencySector | null; ciProvider: boolean } {
  return { sector: c.agencySector ?? null, ciProvider: c.ciProvider === true || c.agencySector === "cii-provider" };
}

/** The verbatim text the hint describes: 「<lead> 1. <part> 2. <part> …」 in the hint's order. */
export function sectorSource(hint: TSectorHint): string {
  return `${hint.lead} ${Object.values(hint.parts)
    .map((part, i) => `${i + 1}. ${part}`)
    .join(" ")}`;
}

/**
 * An item that enumerates regimes by sector, cut to the agency's own (plus the 關鍵基礎設施 regime when
 * the agency provides critical infrastructure). Sector `other` or unknown, or a text that is no longer
 * the one the hint was written for: the whole text, verbatim.
 */
export function tailorBySector(text: string, hint: TSectorHint | undefined, who: ReturnType<typeof sectorOf>): string {
  if (!hint || !who.sector || who.sector === "other" || sectorSource(hint) !== text) return text;
  const own = who.sector === "cii-provider" ? undefined : hint.parts[who.sector];
  const parts = [own, who.ciProvider ? hint.parts["cii-provider"] : undefined].filter((p): p is string => p !== undefined);
  return parts.length ? `${hint.lead}（${parts.join("；")}）` : text;
}
