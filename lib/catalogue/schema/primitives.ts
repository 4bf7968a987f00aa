import { z } from "zod";

// Leaf definitions shared by the catalogue, the obligations table and the clause library (no imports of theirs).

/** Service type keys are a public interface (API, CLI, data files). */
export const SERVICE_TYPE_KEYS = [
  "saas-package",
  "saas-office",
  "saas-customization",
  "paas-iaas",
  "planning-is",
  "planning-security",
  "development",
  "extension",
  "maintenance",
] as const;
export const ZServiceTypeKey = z.enum(SERVICE_TYPE_KEYS, {
  error: (issue) => `未知的服務類型「${String(issue.input)}」`,
});
export type TServiceTypeKey = z.infer<typeof ZServiceTypeKey>;

/** ● 標配, ◎ 選配, ▲ 依責任等級, - 不適用 (ASCII hyphen stands for the source's －). */
export const MARKS = ["●", "◎", "▲", "-"] as const;
export const ZMark = z.enum(MARKS, {
  error: (issue) => (issue.input === undefined ? "缺少標記" : `未知的標記「${String(issue.input)}」（只接受 ● ◎ ▲ -）`),
});
export type TMark = z.infer<typeof ZMark>;

export const GRADES = ["high", "medium", "normal"] as const;
export const ZGrade = z.enum(GRADES, { error: () => "系統防護需求等級須為 high、medium 或 normal" });
export type TGrade = z.infer<typeof ZGrade>;
export const GRADE_LABEL: Record<TGrade, string> = { high: "高", medium: "中", normal: "普" };

/** Reliability labels of shared/reference/regulations.md. */
export const ZReliability = z.enum(["P", "O", "S", "U"]);
export type TReliability = z.infer<typeof ZReliability>;
