import { GRADE_LABEL, type TGrade, type TServiceTypeKey } from "../../catalogue/schema";
import { RISK_LEVEL_LABEL } from "../../resolve/input";
import { cleanLine, cleanText } from "../text/sanitize";
import { fillItemText, hasRiskBlank, RISK_LEVEL_FALLBACK } from "./fill";
import { placementOpen } from "./inclusion";
import { mergeItems, type TMergeConflict, type TMergedRow } from "./merge";
import { SHORT_TYPE_NAME, typesNote } from "./service-types";
import type { TExemptLine, TExportItem, TPendingLine, TRequirementGroup } from "./types";

export interface TRequirementParts {
  groups: TRequirementGroup[];
  exempt: TExemptLine[];
  pending: TPendingLine[];
  /** Items whose optional/needs-decision choice is still open (a final document cannot have any). */
  undecided: string[];
  /** Per-type decisions of one requirement that contradict each other (the export is refused). */
  conflicts: TMergeConflict[];
  /** The merged rows, for the sections that list included items again (資安經費編列提示). */
  rows: TMergedRow[];
}

/**
 * Sorts the checklist into 二、技術需求 (one list for the contract: each requirement once, by category
 * in catalogue order), 本案免辦 and the draft's 待決定事項.
 */
export function requirementParts(
  items: readonly TExportItem[],
  caseTypes: readonly TServiceTypeKey[],
  typeNames: ReadonlyMap<TServiceTypeKey, string>,
  grade: TGrade,
  riskLevel: string | null,
  /** The item's text as this agency reads it (sector tailoring); identity by default. */
  tailor: (item: TExportItem, text: string) => string = (_item, text) => text,
): TRequirementParts {
  const gradeLabel = GRADE_LABEL[grade];
  const groups = new Map<string, TRequirementGroup>();
  const exempt: TExemptLine[] = [];
  const pending: TPendingLine[] = [];
  const undecided: string[] = [];
  let riskBlankUsed = false;

  const { rows, conflicts } = mergeItems(
    items,
    (item) => cleanText(tailor(item, fillItemText(item.text, gradeLabel, riskLevel))),
    (t) => typeNames.get(t) ?? t,
  );
  for (const row of rows) {
    const { item, text } = row;
    const types = typesNote(row.serviceTypes, caseTypes);
    const typeName = row.serviceTypes.map((t) => SHORT_TYPE_NAME[t] ?? typeNames.get(t) ?? t).join("、");
    const ids = row.copies.map((c) => c.id);
    if (row.placement === "included") {
      if (!riskLevel && hasRiskBlank(item.text)) riskBlankUsed = true;
      let group = groups.get(item.category);
      if (!group) groups.set(item.category, (group = { name: item.category, types: null, items: [] }));
      group.items.push({
        id: item.id,
        ids,
        text,
        frequency: item.status === "standard" && row.frequency ? cleanText(row.frequency) : null,
        types: types || null,
        note: row.frequencyDiffers ? "各服務類型所定頻率不同，依較嚴格者辦理" : null,
      });
      if (placementOpen(item))
        pending.push({ id: item.id, serviceTypeName: typeName, text, question: "依責任等級應辦；納入本案或於他案辦理尚待確認（目前列入本案技術需求）" });
    } else if (row.placement === "elsewhere") {
      exempt.push({
        id: item.id,
        types,
        category: item.category,
        text,
        reference: cleanLine(item.decision?.reference ?? ""),
        reason: cleanLine(item.decision?.reason ?? ""),
      });
    } else if (row.placement === "undecided") {
      undecided.push(...ids);
      pending.push({
        id: item.id,
        serviceTypeName: typeName,
        text,
        question: item.status === "optional" ? "選配項目，是否納入本案尚待決定（未決定前不列入需求）" : "須由機關決定是否納入本案（未決定前不列入需求）",
      });
    }
  }
  if (riskBlankUsed)
    pending.push({
      id: "riskLevel",
      serviceTypeName: "本案條件",
      text: `${RISK_LEVEL_LABEL}（「未含○○等級風險」）尚未填寫，文中暫以「${RISK_LEVEL_FALLBACK}」表示`,
      question: `請填寫${RISK_LEVEL_LABEL}（例如「中、高」：報告不得含有中、高風險）`,
    });
  return { groups: [...groups.values()].map(hoistTypes), exempt, pending, undecided, conflicts, rows };
}

/** A category whose items all come from the same types says so once, on its heading. */
function hoistTypes(group: TRequirementGroup): TRequirementGroup {
  const first = group.items[0]?.types ?? null;
  if (!first || !group.items.every((i) => i.types === first)) return group;
  return { ...group, types: first, items: group.items.map((i) => ({ ...i, types: null })) };
}
