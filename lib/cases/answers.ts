import { z } from "zod";
import { zLine } from "../validation/text";
import { GRADES, SERVICE_TYPE_KEYS, type TServiceTypeKey } from "../catalogue/schema";
import { ASPECTS, gradeFromAspects } from "../resolve/grade";
import { RISK_LEVEL_LABEL, type TEngineInput } from "../resolve/input";
import type { TCaseProfile } from "../agency/snapshot";

/**
 * The wizard's answers. Saved as typed (strings, "yes"/"no") on every change so nothing is lost,
 * and validated per step only when the officer moves on or the checklist is resolved.
 */

export const STEPS = ["agency", "case", "grade", "facts", "review"] as const;
export type TStep = (typeof STEPS)[number];
export const STEP_LABEL: Record<TStep, string> = {
  agency: "機關",
  case: "案件",
  grade: "系統等級",
  facts: "案件性質",
  review: "檢視與決定",
};

// The old agency step's values (legacy answers only; the agency profile holds these now).
const LEVELS = ["A", "B", "C", "D", "E"] as const;
const SECTORS = ["government", "cii-provider", "financial", "education", "medical"] as const;

// ---- Draft: whatever the officer has typed so far, bounded so a request cannot store megabytes.
// Control and bidi characters are removed as the answers come in (lib/validation/text.ts).
const text = (max: number) => zLine().max(max).default("");
const yesNo = z.enum(["yes", "no", ""]).default("");
const gradeOrBlank = z.enum([...GRADES, ""]).default("");

/** Legacy: cases from before the agency profile kept these on their first step; read, never written. */
export const ZAgencyDraft = z.object({
  agencyName: text(200),
  officerName: text(100),
  responsibilityLevel: z.enum([...LEVELS, ""]).default(""),
  sector: z.enum([...SECTORS, ""]).default(""),
  mailServer: yesNo,
});
export const ZCaseDraft = z.object({
  caseName: text(300),
  caseNumber: text(100),
  contractValue: text(40),
  serviceTypes: z.array(z.enum(SERVICE_TYPE_KEYS)).max(SERVICE_TYPE_KEYS.length).default([]),
});
export const ZGradeDraft = z.object({
  mode: z.enum(["direct", "helper"]).default("direct"),
  grade: gradeOrBlank,
  aspects: z
    .object({ confidentiality: gradeOrBlank, integrity: gradeOrBlank, availability: gradeOrBlank, legalCompliance: gradeOrBlank })
    .default({ confidentiality: "", integrity: "", availability: "", legalCompliance: "" }),
});
export const ZFactsDraft = z.object({
  personalData: yesNo,
  coreSystem: yesNo,
  cii: yesNo,
  externalService: yesNo,
  mobileApp: yesNo,
  riskLevel: text(20),
});
export const ZAnswers = z.object({
  agency: ZAgencyDraft.default(ZAgencyDraft.parse({})),
  case: ZCaseDraft.default(ZCaseDraft.parse({})),
  grade: ZGradeDraft.default(ZGradeDraft.parse({})),
  facts: ZFactsDraft.default(ZFactsDraft.parse({})),
});
export type TAnswers = z.infer<typeof ZAnswers>;
// The agency step shows the agency profile (lib/agency) read-only: only these three are typed per case.
export const DRAFT_SCHEMAS = { case: ZCaseDraft, grade: ZGradeDraft, facts: ZFactsDraft } as const;
export type TFormStep = keyof typeof DRAFT_SCHEMAS;
export const emptyAnswers = (): TAnswers => ZAnswers.parse({});

// ---- Strict: what a step must hold before the officer moves on. Messages name the field in zh-TW.
const required = (label: string, max: number) => zLine().trim().min(1, `請填寫${label}`).max(max, `${label}最多 ${max} 字`);
const answered = (question: string) => z.enum(["yes", "no"], { error: () => `請回答：${question}` });

/** "12,000,000" or "12000000" → 12000000; anything else is refused with a message. */
export function parseContractValue(raw: string): number | null {
  const s = raw.normalize("NFKC").replace(/[,\s]/g, "");
  if (!/^\d{1,13}$/.test(s)) return null;
  return Number(s);
}

export const ZCaseStep = z.object({
  caseName: required("案件名稱", 300),
  caseNumber: required("案號", 100),
  contractValue: z
    .string()
    .refine((v) => v.trim() !== "", "請填寫契約金額（新臺幣元）")
    .refine((v) => v.trim() === "" || parseContractValue(v) !== null, "契約金額須為不含小數的新臺幣金額，例如 12,000,000"),
  serviceTypes: z.array(z.enum(SERVICE_TYPE_KEYS)).min(1, "請至少選擇一種服務類型"),
});
export const ZGradeStep = z.object({ mode: z.enum(["direct", "helper"]), grade: gradeOrBlank, aspects: ZGradeDraft.shape.aspects }).superRefine((v, ctx) => {
  if (v.mode === "direct" && !v.grade) ctx.addIssue({ code: "custom", path: ["grade"], message: "請選擇系統防護需求等級" });
  if (v.mode === "helper")
    for (const aspect of ASPECTS) if (!v.aspects[aspect]) ctx.addIssue({ code: "custom", path: ["aspects", aspect], message: "請選擇這個構面的防護需求等級" });
});
export const ZFactsStep = z.object({
  personalData: answered("是否涉及個人資料"),
  coreSystem: answered("是否為核心資通系統"),
  cii: answered("是否涉及關鍵資訊基礎設施（CII）"),
  externalService: answered("是否提供重要對外服務"),
  mobileApp: answered("是否包含行動應用程式（App）"),
  riskLevel: z.string().trim().max(20, `${RISK_LEVEL_LABEL}最多 20 字`),
});
export const STEP_SCHEMAS = { case: ZCaseStep, grade: ZGradeStep, facts: ZFactsStep } as const;

/** The grade the answers give: chosen directly, or the highest of the 附表九 aspects. */
export function chosenGrade(grade: TAnswers["grade"]) {
  if (grade.mode === "direct") return grade.grade || null;
  const a = grade.aspects;
  if (!a.confidentiality || !a.integrity || !a.availability || !a.legalCompliance) return null;
  return gradeFromAspects({ confidentiality: a.confidentiality, integrity: a.integrity, availability: a.availability, legalCompliance: a.legalCompliance })
    .grade;
}

export type TStepIssue = { step: TFormStep | "agency"; path: string; message: string };

/** The agency step's one issue: the profile is the admins' to complete, not the officer's. */
export const PROFILE_INCOMPLETE = "機關資料尚未填寫完整，無法產出檢核表。請洽機關的管理者至「管理 → 機關資料」補齊。";

/** Which steps are complete; the first incomplete one is where the officer should go. */
export function stepIssues(answers: TAnswers): TStepIssue[] {
  return (Object.keys(STEP_SCHEMAS) as TFormStep[]).flatMap((step) => {
    const r = STEP_SCHEMAS[step].safeParse(answers[step]);
    return r.success ? [] : r.error.issues.map((i) => ({ step, path: i.path.join("."), message: i.message }));
  });
}

/** The resolver's input, or the issues that stand in the way. */
export function toResolveInput(
  answers: TAnswers,
  catalogueVersion: string,
  profile: TCaseProfile | null,
): { ok: true; input: TEngineInput } | { ok: false; issues: TStepIssue[] } {
  const issues: TStepIssue[] = [...(profile ? [] : [{ step: "agency" as const, path: "profile", message: PROFILE_INCOMPLETE }]), ...stepIssues(answers)];
  const grade = chosenGrade(answers.grade);
  const value = parseContractValue(answers.case.contractValue);
  if (issues.length || !profile || !grade || value === null) return { ok: false, issues };
  const f = answers.facts;
  return {
    ok: true,
    input: {
      catalogueVersion,
      serviceTypes: answers.case.serviceTypes as TServiceTypeKey[],
      grade,
      responsibilityLevel: profile.responsibilityLevel,
      agencyKind: profile.agencyKind,
      ciProvider: profile.ciProvider,
      contractValue: value,
      conditions: {
        personalData: f.personalData === "yes",
        // 施行細則 (2026) §10 II: a system graded 高 is a core system.
        coreSystem: f.coreSystem === "yes" || grade === "high",
        cii: f.cii === "yes",
        externalService: f.externalService === "yes",
        mobileApp: f.mobileApp === "yes",
        mailServer: profile.mailServer,
      },
      ...(f.riskLevel.trim() ? { riskLevel: f.riskLevel.trim() } : {}),
      coveredMeasures: profile.coveredMeasures,
    },
  };
}
