import { GRADE_LABEL, type TGrade, type TServiceTypeKey } from "../../catalogue/schema";
import { RISK_LEVEL_LABEL } from "../../resolve/input";
import { cleanLine, cleanText } from "../text/sanitize";
import { fillItemText, hasRiskBlank, RISK_LEVEL_FALLBACK } from "./fill";
import { placementOf, placementOpen } from "./inclusion";
import type { TExemptLine, TExportItem, TPendingLine, TRequirementGroup } from "./types";

export interface TRequirementParts {
  groups: TRequirementGroup[];
  exempt: TExemptLine[];
  pending: TPendingLine[];
  /** Items whose optional/needs-decision choice is still open (a final document cannot have any). */
  undecided: string[];
}

/**
 * Sorts the checklist into 二、技術需求 (by service type, then category, in catalogue order),
 * 本案免辦 and the draft's 待決定事項.
 */
export function requirementParts(
  items: readonly TExportItem[],
  typeNames: ReadonlyMap<TServiceTypeKey, string>,
  grade: TGrade,
  riskLevel: string | null,
): TRequirementParts {
  const gradeLabel = GRADE_LABEL[grade];
  const groups = new Map<TServiceTypeKey, TRequirementGroup>();
  const exempt: TExemptLine[] = [];
  const pending: TPendingLine[] = [];
  const undecided: string[] = [];
  let riskBlankUsed = false;

  for (const item of items) {
    const placement = placementOf(item);
    const typeName = typeNames.get(item.serviceType) ?? item.serviceType;
    const text = cleanText(fillItemText(item.text, gradeLabel, riskLevel));
    if (placement === "included") {
      if (!riskLevel && hasRiskBlank(item.text)) riskBlankUsed = true;
      let group = groups.get(item.serviceType);
      if (!group) groups.set(item.serviceType, (group = { serviceType: item.serviceType, name: typeName, categories: [] }));
      let category = group.categories.find((c) => c.name === item.category);
      if (!category) group.categories.push((category = { name: item.category, items: [] }));
      category.items.push({ id: item.id, text, frequency: item.status === "standard" && item.frequency ? cleanText(item.frequency) : null });
      if (placementOpen(item))
        pending.push({ id: item.id, serviceTypeName: typeName, text, question: "依責任等級應辦；納入本案或於他案辦理尚待確認（目前列入本案技術需求）" });
    } else if (placement === "elsewhere") {
      exempt.push({
        id: item.id,
        serviceTypeName: typeName,
        category: item.category,
        text,
        reference: cleanLine(item.decision?.reference ?? ""),
        reason: cleanLine(item.decision?.reason ?? ""),
      });
    } else if (placement === "undecided") {
      undecided.push(item.id);
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
  return { groups: [...groups.values()], exempt, pending, undecided };
}
