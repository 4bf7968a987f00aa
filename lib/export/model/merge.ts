import type { TServiceTypeKey } from "../../catalogue/schema";
import { groupRequirements, strength } from "../../resolve/requirements";
import { placementOf, type TPlacement } from "./inclusion";
import type { TExportItem } from "./types";

/**
 * One list per contract: the catalogue repeats a requirement under every service type that carries it
 * (SBOM, scans, 健診 … under both 開發 and 維運). A contract states it once. Rows with the same
 * requirement text (after the blanks are filled; lib/resolve/requirements.ts) merge; the merged row takes the strongest status and the
 * decision of its strongest copies. Per-type decisions that contradict each other are not guessed
 * between: the export is refused, naming the item.
 */

// One grouping for the checklist, the API and the documents (lib/resolve/requirements.ts).
export { strength };

export interface TMergedRow {
  /** The copies, in checklist order; `item` is the strongest (first of them). */
  copies: readonly TExportItem[];
  item: TExportItem;
  text: string;
  serviceTypes: TServiceTypeKey[];
  placement: TPlacement;
  /** The stricter frequency when the copies differ, and that they did. */
  frequency: string | null;
  frequencyDiffers: boolean;
}

export interface TMergeConflict {
  text: string;
  ids: string[];
  /** 「開發：納入本案；維運：不納入本案」 */
  detail: string;
}

const PLACEMENT_WORD: Record<TPlacement, string> = {
  included: "納入本案",
  elsewhere: "納入他案辦理",
  undecided: "尚未決定",
  omitted: "不納入本案",
};

/**
 * Groups `items` (checklist order) by their filled text and decides each group. `fill` gives an item's
 * text as the documents print it; `typeName` names a type in a conflict message.
 */
export function mergeItems(
  items: readonly TExportItem[],
  fill: (item: TExportItem) => string,
  typeName: (type: TServiceTypeKey) => string,
): { rows: TMergedRow[]; conflicts: TMergeConflict[] } {
  const rows: TMergedRow[] = [];
  const conflicts: TMergeConflict[] = [];
  for (const { text, copies } of groupRequirements(items, fill)) {
    const top = Math.max(...copies.map(strength));
    const all = copies.filter((c) => strength(c) === top);
    // A stated decision outweighs an implied one (cli export's default for what `include` does not list).
    const stated = all.filter((c) => c.decision && !c.decision.implied);
    const strongest = stated.length ? stated : all;
    const placements = strongest.map(placementOf);
    const placement = decide(placements);
    const weakerInclude = copies.some((c) => strength(c) < top && c.decision?.choice === "include");
    const references = new Set(strongest.filter((c, i) => placements[i] === "elsewhere").map((c) => (c.decision?.reference ?? "").trim()));
    if (placement === null || references.size > 1 || (placement === "elsewhere" && weakerInclude)) {
      const shown = placement === "elsewhere" && weakerInclude ? copies : strongest;
      conflicts.push({
        text,
        ids: shown.map((c) => c.id),
        detail: shown
          .map((c) => {
            const p = placementOf(c);
            return `${typeName(c.serviceType)}：${PLACEMENT_WORD[p]}${p === "elsewhere" ? `（${c.decision?.reference ?? ""}）` : ""}`;
          })
          .join("；"),
      });
      continue;
    }
    const first = strongest.find((c, i) => placements[i] === placement) ?? strongest[0]!;
    // ▲ frequencies are kept even when a ● copy of the same text outranks the ▲ one.
    const frequencies = [...new Set(copies.filter((c) => c.status === "standard" && c.frequency).map((c) => c.frequency!))];
    rows.push({
      copies,
      item: first,
      text,
      serviceTypes: [...new Set(copies.filter((c) => c.status !== "not-applicable").map((c) => c.serviceType))],
      placement,
      frequency: frequencies.length ? frequencies.reduce(stricter) : null,
      frequencyDiffers: frequencies.length > 1,
    });
  }
  return { rows, conflicts };
}

/**
 * The placement of copies of equal strength: all the same → that; an undecided copy yields to a decided
 * one (the officer answered for one type and not yet the other); two different decisions → null.
 */
function decide(placements: readonly TPlacement[]): TPlacement | null {
  const decided = new Set(placements.filter((p) => p !== "undecided"));
  if (decided.size === 0) return "undecided";
  return decided.size === 1 ? [...decided][0]! : null;
}

/**
 * The stricter of two frequencies as 附表 writes them: more often (每年2次 > 每年1次 > 每2年1次), or a
 * shorter deadline (1年內 > 2年內). Frequencies it cannot compare: the first is kept.
 */
export function stricter(a: string, b: string): string {
  const ra = perYear(a);
  const rb = perYear(b);
  if (ra !== null && rb !== null) return rb > ra ? b : a;
  const da = withinYears(a);
  const db = withinYears(b);
  if (da !== null && db !== null) return db < da ? b : a;
  return a;
}

function perYear(s: string): number | null {
  const yearly = s.match(/每年(\d+)次/);
  if (yearly) return Number(yearly[1]);
  const every = s.match(/每(\d+)年(\d+)次/);
  if (every) return Number(every[2]) / Number(every[1]);
  return null;
}

function withinYears(s: string): number | null {
  const m = s.match(/(\d+)年內/);
  return m ? Number(m[1]) : null;
}
