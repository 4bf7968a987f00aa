import { z } from "zod";
import { zText } from "../../validation/text";
import { ZMark, ZReliability, ZServiceTypeKey } from "./primitives";

export const nonEmpty = (what: string) =>
  zText({ error: `缺少${what}` })
    .trim()
    .min(1, `${what}不可為空白`);

export const ZLegalBasis = z.strictObject({
  /** The citation as the catalogue (or the rule) gives it. */
  citation: nonEmpty("法源"),
  /** The same provision after the 2025–2026 amendments, when it moved; null when unchanged or unknown. */
  current: z.string().min(1).nullable(),
  reliability: ZReliability,
  /** Where this was checked, e.g. "regulations.md §3.1–3.2". */
  source: nonEmpty("法源出處"),
});
export type TLegalBasis = z.infer<typeof ZLegalBasis>;

/** Machine-readable hints derived from the verbatim note; the resolver reads these, never the note. */
export const ZItemHints = z.strictObject({
  /** 「提供服務項目涉及個資時應納入要求」 */
  personalData: z.boolean().default(false),
  /** Core system or contract ≥ NT$10,000,000 → the agency tests itself or through a third party. */
  thirdPartyTesting: z.boolean().default(false),
  /** 「提請機關資安長確認風險」 (in the text or the note). */
  cisoConfirm: z.boolean().default(false),
  /** The requirement concerns a mobile app (行動應用 App 基本資安標章): moot when the case has none. */
  mobileAppOnly: z.boolean().default(false),
  /** 「委託機關認定為核心資通系統時必選」 */
  coreSystemRequired: z.boolean().default(false),
  /** 「涉及重要對外服務之系統建議評估辦理」 / 「涉及關鍵資訊基礎設施之系統建議評估辦理」 */
  recommendedWhen: z.array(z.enum(["externalService", "cii"])).default([]),
  /** `_____級` → grade; `未含____等級風險` → riskLevel. */
  placeholders: z.array(z.enum(["grade", "riskLevel"])).default([]),
  /** For ▲ items: key into the responsibility-level obligations table. */
  levelMeasure: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .nullable()
    .default(null),
});
export type TItemHints = z.infer<typeof ZItemHints>;

export const ITEM_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const ZCatalogueItem = z.strictObject({
  /** Stable across versions: `<serviceType>.<slug>`. */
  id: z.string({ error: "缺少項目代碼" }).regex(ITEM_ID_PATTERN, "項目代碼格式須為 <服務類型>.<代稱>"),
  category: nonEmpty("項目"),
  text: nonEmpty("子項內容"),
  marks: z.strictObject({ high: ZMark, medium: ZMark, normal: ZMark }, { error: "缺少高／中／普標記" }),
  /** 說明, verbatim; "" when the source has none. */
  note: zText().default(""),
  hints: ZItemHints.default(ZItemHints.parse({})),
  legalBasis: z.array(ZLegalBasis).default([]),
});
export type TCatalogueItem = z.infer<typeof ZCatalogueItem>;

export const ZServiceType = z.strictObject({
  key: ZServiceTypeKey,
  /** The table title, verbatim. */
  name: nonEmpty("服務類型名稱"),
  /** One plain line for officers choosing the type. */
  description: nonEmpty("服務類型說明"),
  /** Table-level notes (說明) verbatim, one entry per numbered note. */
  notes: z.array(z.string().min(1)).default([]),
  items: z.array(ZCatalogueItem).min(1, "服務類型至少須有一列要求"),
});
export type TServiceType = z.infer<typeof ZServiceType>;
