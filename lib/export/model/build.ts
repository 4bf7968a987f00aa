import { GRADE_LABEL, type TServiceTypeKey } from "../../catalogue/schema";
import { THIRD_PARTY_TESTING_THRESHOLD } from "../../resolve/context";
import { defaultParameters } from "../clauses/parameters";
import { compactDate, formatNtd, rocLongDate, rocShortDate } from "../text/format";
import { cleanLine } from "../text/sanitize";
import { clauseBlocks, type TClauseContext } from "./clauses";
import { coverFacts } from "./cover";
import { FALLBACK, givenName } from "./names";
import { requirementParts } from "./requirements";
import { fillItemText } from "./fill";
import { riskLines } from "./risks";
import { guideTypesOf, pricedLines, projectExclusionLines, projectLines } from "./supplement";
import { sectorOf, tailorBySector } from "./sector";
import { ExportError, type TExportInput, type TExportModel } from "./types";

/**
 * Case + checklist (+ parameters, approval) → the document model the three renderers share. Pure:
 * the same input gives the same model; every string in it is clean for XML.
 * Throws ExportError when an approved (final) export still has undecided items.
 */
export function buildExportModel(input: TExportInput): TExportModel {
  const library = input.library ?? input.catalogue.clauses;
  const parameters = input.parameters ?? defaultParameters(library);
  const c = input.case;
  const status = input.approval ? "final" : "draft";

  const agency = givenName(c.agencyName);
  const caseName = givenName(c.caseName);
  const names = {
    agencyName: agency ?? FALLBACK.agencyName,
    caseName: caseName ?? FALLBACK.caseName,
    caseNumber: givenName(c.caseNumber),
    riskLevel: givenName(c.riskLevel),
  };

  // 施行細則 (2026) §10 II: a system graded 高 is a core system (as the resolver reads it).
  const coreByGrade = !c.conditions.coreSystem && c.grade === "high";
  const facts = { ...c.conditions, coreSystem: c.conditions.coreSystem || c.grade === "high" };

  const typeNames = new Map<TServiceTypeKey, string>(input.catalogue.serviceTypes.map((t) => [t.key, t.name]));
  const supplement = input.supplement ?? null;
  const who = sectorOf(c);
  const sectorHints = supplement?.sectors.items ?? {};
  const parts = requirementParts(input.items, c.serviceTypes, typeNames, c.grade, names.riskLevel, (item, text) =>
    tailorBySector(text, sectorHints[item.id], who),
  );
  if (parts.conflicts.length)
    throw new ExportError(
      "conflicting-decisions",
      `下列項目在不同服務類型之決定互相矛盾，契約只能列一次，請於「檢視與決定」改為一致後再匯出：${parts.conflicts.map((x) => `「${x.text}」（${x.detail}）`).join("；")}`,
      parts.conflicts.flatMap((x) => x.ids),
    );
  if (status === "final" && parts.undecided.length)
    throw new ExportError("undecided-final", `尚有 ${parts.undecided.length} 個項目未決定，無法產出定稿`, parts.undecided);

  const thirdPartyTesting = input.items.some((i) => i.thirdPartyTesting && i.status !== "not-applicable");
  const ctx: TClauseContext = {
    facts,
    serviceTypes: c.serviceTypes,
    flags: { thirdPartyTesting, otherProcurement: parts.exempt.length > 0 },
    values: parameters.values,
    notes: thirdPartyTesting ? { "agency-third-party-testing": `本案適用原因：${triggers(c.contractValue, c.conditions.coreSystem, coreByGrade)}。` } : {},
  };

  const approval = input.approval
    ? { approvedBy: cleanLine(input.approval.approvedBy) || "（未具名）", approvedOn: rocLongDate(input.approval.approvedAt) }
    : null;
  const generatedOn = rocLongDate(input.generatedAt);

  const general = clauseBlocks(library, "general", ctx);
  const legal = clauseBlocks(library, "legal", ctx);
  const agencyBlocks = clauseBlocks(library, "agency", ctx);
  const guide = supplement ? guideTypesOf(supplement, c.serviceTypes) : [];
  const guideNames = supplement ? guide.map((k) => supplement.projectManagement.guideTypes.find((g) => g.key === k)!.name) : [];

  return {
    status,
    meta: {
      agencyName: names.agencyName,
      caseName: names.caseName,
      caseNumber: names.caseNumber,
      caseNamed: caseName !== null,
      catalogueVersion: input.catalogue.version,
      generatedOn,
      generatedOnShort: rocShortDate(input.generatedAt),
      fileDate: compactDate(input.generatedAt),
    },
    cover: coverFacts(input, names, facts, coreByGrade, status, generatedOn, approval),
    approval,
    general,
    technical: {
      intro: `本案資通系統依「資通系統防護需求分級原則」鑑別屬「${GRADE_LABEL[c.grade]}」級，廠商應依下列要求辦理（本案各服務類型之要求合併列示，每項列一次），確保資通系統達到應具備之安全防護水準。`,
      groups: parts.groups,
    },
    legal,
    projectManagement: supplement
      ? {
          intro: `本案屬「${guideNames.join("、")}」類委外，廠商應於專案工作計畫書及履約期間辦理下列專案管理事項（依「政府資訊作業委外安全管理」專案管理需求參考內容）：`,
          items: projectLines(supplement, c.serviceTypes, [...general, ...legal], new Set((input.projectExclusions ?? []).map((e) => e.itemId))),
          excluded: projectExclusionLines(supplement, c.serviceTypes, input.projectExclusions ?? []),
        }
      : null,
    risks: riskLines(input, typeNames, (text) => fillItemText(text, GRADE_LABEL[c.grade], names.riskLevel)),
    exempt: parts.exempt,
    priced: supplement ? pricedLines(supplement, parts.rows, agencyBlocks) : [],
    agency: agencyBlocks,
    pending: status === "draft" ? parts.pending : [],
    parameters: library.parameters.map((p) => ({
      key: p.key,
      label: p.label,
      value: parameters.values[p.key] ?? p.default,
      unit: p.unit,
      from: parameters.from[p.key] ?? "default",
    })),
  };
}

/** Why 施行細則 §7 I ④'s third-party testing applies, in the resolver's words. */
function triggers(contractValue: number, coreGiven: boolean, coreByGrade: boolean): string {
  const reasons: string[] = [];
  if (coreGiven) reasons.push("屬委託機關之核心資通系統");
  else if (coreByGrade) reasons.push("系統防護需求等級為高，屬核心資通系統");
  if (contractValue >= THIRD_PARTY_TESTING_THRESHOLD) reasons.push(`委託金額${formatNtd(contractValue)}，達新臺幣一千萬元以上`);
  return reasons.join("；");
}
