import { z } from "zod";
import { GRADE_LABEL, GRADES, type TGrade } from "../catalogue/schema";
import { CORE_SYSTEM_ARTICLE, RELIABILITY_NOTE } from "./text";

/**
 * 附表九 資通系統防護需求分級原則: four aspects, each 普/中/高; the system's grade is the highest.
 * The aggregation rule is known only from third-party transcriptions [S]; the criteria text of
 * 附表九 was not available, so every explanation here is guidance, not the regulation's wording.
 */

export const GUIDANCE_LABEL = "說明僅供參考，非法規原文";

export const ASPECTS = ["confidentiality", "integrity", "availability", "legalCompliance"] as const;
export type TAspect = (typeof ASPECTS)[number];

export const ASPECT_LABEL: Record<TAspect, string> = {
  confidentiality: "機密性",
  integrity: "完整性",
  availability: "可用性",
  legalCompliance: "法律遵循性",
};

/** Plain-language questions for the wizard; deliberately not a paraphrase of the unverified criteria. */
export const ASPECT_GUIDANCE: Record<TAspect, string> = {
  confidentiality: `系統資料若遭未經授權者取得或揭露，對機關業務、資產或信譽的影響有多大（${GUIDANCE_LABEL}）`,
  integrity: `系統資料若遭竄改或發生錯誤，對機關業務、資產或信譽的影響有多大（${GUIDANCE_LABEL}）`,
  availability: `系統若中斷而無法使用，對機關業務、資產或信譽的影響有多大（${GUIDANCE_LABEL}）`,
  legalCompliance: `系統若未能符合相關法令要求，對機關及人員可能產生的法律責任有多重（${GUIDANCE_LABEL}）`,
};

const aspectGrade = (label: string) =>
  z.enum(GRADES, {
    error: (issue) => (issue.input === undefined ? `請選擇${label}之防護需求等級` : `${label}之防護需求等級須為 high（高）、medium（中）或 normal（普）`),
  });

export const ZGradeAspects = z.strictObject(
  {
    confidentiality: aspectGrade(ASPECT_LABEL.confidentiality),
    integrity: aspectGrade(ASPECT_LABEL.integrity),
    availability: aspectGrade(ASPECT_LABEL.availability),
    legalCompliance: aspectGrade(ASPECT_LABEL.legalCompliance),
  },
  {
    error: (issue) => (issue.code === "unrecognized_keys" ? `不接受的欄位：${issue.keys.join("、")}` : "四個構面之防護需求等級須為物件"),
  },
);
export type TGradeAspects = z.infer<typeof ZGradeAspects>;

export interface TGradeResult {
  grade: TGrade;
  /** Every aspect at the resulting grade (ties: all of them), in 附表九 order. */
  decidedBy: TAspect[];
  /** 高 → 核心資通系統 (施行細則 2026 §10 II, [P]). */
  coreSystem: boolean;
  /** zh-TW lines for the wizard, each labelled with how far it can be trusted. */
  explanation: string[];
}

const RANK: Record<TGrade, number> = { normal: 0, medium: 1, high: 2 };

export function gradeFromAspects(aspects: TGradeAspects): TGradeResult {
  let grade: TGrade = "normal";
  for (const aspect of ASPECTS) if (RANK[aspects[aspect]] > RANK[grade]) grade = aspects[aspect];
  const decidedBy = ASPECTS.filter((aspect) => aspects[aspect] === grade);
  const names = decidedBy.map((aspect) => ASPECT_LABEL[aspect]).join("、");
  const explanation = [
    `「資通系統之防護需求等級，以與該系統相關之機密性、完整性、可用性及法律遵循性構面中，任一構面之防護需求等級之最高者定之。」（附表九）${RELIABILITY_NOTE.S}`,
    `本系統之防護需求等級為「${GRADE_LABEL[grade]}」，由${names}決定（${GUIDANCE_LABEL}）`,
  ];
  const coreSystem = grade === "high";
  if (coreSystem)
    explanation.push(
      `依${CORE_SYSTEM_ARTICLE}：「核心資通系統，指支持核心業務持續運作必要之系統，或依資通安全責任等級分級辦法附表九資通系統防護需求分級原則之規定，判定其防護需求等級為高者。」本系統屬核心資通系統${RELIABILITY_NOTE.P}`,
    );
  return { grade, decidedBy, coreSystem, explanation };
}
