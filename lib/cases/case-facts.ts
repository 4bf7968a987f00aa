import { GRADE_LABEL } from "../catalogue/schema";
import { RISK_LEVEL_LABEL } from "../resolve/input";
import type { TGrade } from "../catalogue/schema";
import { chosenGrade, parseContractValue, type TAnswers } from "./answers";

/**
 * The case facts the checklist was resolved with, as label/value lines for the CISO's fact panel: the
 * case, the grade (the effective one, which may be raised by a rule) and the yes/no facts.
 */
export function caseFactLines(answers: TAnswers, effectiveGrade: TGrade | null, typeNames: Record<string, string>): { label: string; value: string }[] {
  const yes = (v: string) => (v === "yes" ? "是" : v === "no" ? "否" : "（未填）");
  const value = parseContractValue(answers.case.contractValue);
  const chosen = chosenGrade(answers.grade);
  const grade = effectiveGrade ? GRADE_LABEL[effectiveGrade] : "（未定）";
  return [
    { label: "案件名稱", value: answers.case.caseName || "（未填）" },
    { label: "案號", value: answers.case.caseNumber || "（未填）" },
    { label: "契約金額", value: value === null ? "（未填）" : `新臺幣 ${value.toLocaleString("en-US")} 元` },
    { label: "服務類型", value: answers.case.serviceTypes.map((t) => typeNames[t] ?? t).join("、") || "（未填）" },
    {
      label: "系統防護需求等級",
      value: chosen && effectiveGrade && chosen !== effectiveGrade ? `${grade}（承辦人選 ${GRADE_LABEL[chosen]}，依規則提高）` : grade,
    },
    { label: "涉及個人資料", value: yes(answers.facts.personalData) },
    { label: "核心資通系統", value: yes(answers.facts.coreSystem) },
    { label: "涉及關鍵資訊基礎設施", value: yes(answers.facts.cii) },
    { label: "提供重要對外服務", value: yes(answers.facts.externalService) },
    { label: "包含行動應用程式", value: yes(answers.facts.mobileApp) },
    { label: RISK_LEVEL_LABEL, value: answers.facts.riskLevel || "（未填）" },
  ];
}
