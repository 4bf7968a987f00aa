import { z } from "zod";
import { GRADES, SERVICE_TYPE_KEYS } from "../catalogue/schema";
import { ZLevel } from "../catalogue/schema/obligations";
import type { TCoveredMeasure } from "./types";

/**
 * What `riskLevel` means, said the same way in the wizard, the review step and every document: it
 * fills the source's 「掃描報告未含____等級風險」, so it names the levels a report must not contain.
 */
export const RISK_LEVEL_LABEL = "弱點掃描報告不得含有之風險等級";
export const RISK_LEVEL_HINT = "填入掃描報告中不得出現的風險等級（不是可接受的等級）；例如「中、高」表示報告不得含有中、高風險之弱點。";

/**
 * The case as the wizard, `POST /api/v1/resolve` and the CLI send it. Every condition is required:
 * a missing answer must not silently become "no" and hide a requirement from the officer.
 */

const yesNo = (question: string) => z.boolean({ error: (issue) => (issue.input === undefined ? `請回答${question}` : `「${question}」須為 true 或 false`) });

export const ZConditions = z.strictObject(
  {
    personalData: yesNo("是否涉及個人資料"),
    coreSystem: yesNo("是否為核心資通系統"),
    cii: yesNo("是否涉及關鍵資訊基礎設施（CII）"),
    externalService: yesNo("是否涉及重要對外服務"),
    mobileApp: yesNo("是否包含行動應用程式（App）"),
    mailServer: yesNo("機關是否自行維運郵件伺服器"),
  },
  {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `個案條件含不接受的欄位：${issue.keys.join("、")}`
        : issue.input === undefined
          ? "請填寫個案條件"
          : "個案條件須為物件",
  },
);
export type TConditions = z.infer<typeof ZConditions>;

const ZServiceTypeChoice = z.enum(SERVICE_TYPE_KEYS, {
  error: (issue) => `未知的服務類型「${String(issue.input)}」`,
});

export const ZResolveInput = z.strictObject(
  {
    /** Omitted: the newest published catalogue. */
    catalogueVersion: z
      .string({ error: "一覽表版本須為文字" })
      .regex(/^\d{4}-\d{2}-\d{2}(?:-[a-z0-9]+)?$/, "一覽表版本格式須為 YYYY-MM-DD 或 YYYY-MM-DD-後綴")
      .optional(),
    serviceTypes: z
      .array(ZServiceTypeChoice, {
        error: (issue) => (issue.input === undefined ? "請選擇服務類型" : "服務類型須為清單"),
      })
      .min(1, "請至少選擇一種服務類型")
      .superRefine((types, ctx) => {
        const seen = new Set<string>();
        types.forEach((type, i) => {
          if (seen.has(type)) ctx.addIssue({ code: "custom", path: [i], message: `服務類型「${type}」重複` });
          seen.add(type);
        });
      }),
    grade: z.enum(GRADES, {
      error: (issue) => (issue.input === undefined ? "請選擇系統防護需求等級" : "系統防護需求等級須為 high（高）、medium（中）或 normal（普）"),
    }),
    responsibilityLevel: ZLevel,
    /** 公務機關 / 特定非公務機關; omitted: public, so existing clients keep working. */
    agencyKind: z.enum(["public", "non-public"]).default("public"),
    /** 關鍵基礎設施提供者 */
    ciProvider: z.boolean().default(false),
    contractValue: z
      .int({
        error: (issue) =>
          issue.input === undefined
            ? "請填寫契約金額"
            : issue.code === "too_big" || issue.code === "too_small"
              ? "契約金額超出可處理的範圍"
              : "契約金額須為整數（新臺幣元）",
      })
      .nonnegative("契約金額不可為負數"),
    conditions: ZConditions,
    /** Fills 「未含____等級風險」: the levels a scan report must NOT contain (not an accepted level). */
    riskLevel: z
      .string({ error: `${RISK_LEVEL_LABEL}須為文字` })
      .trim()
      .min(1, `${RISK_LEVEL_LABEL}不可為空白`)
      .max(20, `${RISK_LEVEL_LABEL}最多 20 字`)
      .optional(),
  },
  {
    error: (issue) => (issue.code === "unrecognized_keys" ? `不接受的欄位：${issue.keys.join("、")}` : "輸入須為 JSON 物件"),
  },
);
export type TResolveInput = z.infer<typeof ZResolveInput>;
/** What the engine takes: a parsed input, where the agency's kind may be left out (公務機關, not a CI provider). */
export type TEngineInput = Omit<TResolveInput, "agencyKind" | "ciProvider"> &
  Partial<Pick<TResolveInput, "agencyKind" | "ciProvider">> & {
    /** From the agency profile: ▲ measures covered by an agency-wide contract (not part of the public API's input). */
    coveredMeasures?: readonly TCoveredMeasure[];
  };

export interface TInputIssue {
  /** Dotted path, e.g. "conditions.personalData" or "serviceTypes.1"; "" for the whole body. */
  path: string;
  message: string;
}

/** The shape the API (400) and the CLI (exit 2) report. */
export function inputIssues(error: z.ZodError): TInputIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

export type TParsedInput = { ok: true; input: TResolveInput } | { ok: false; error: { message: string; issues: TInputIssue[] } };

export function parseResolveInput(value: unknown): TParsedInput {
  const parsed = ZResolveInput.safeParse(value);
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, error: { message: "輸入資料有誤，請依欄位訊息修正", issues: inputIssues(parsed.error) } };
}
