import { zLine } from "../validation/text";
import { z } from "zod";
import { LEVELS } from "../catalogue/schema/obligations";
import type { TCoveredMeasure } from "../resolve/types";

export type { TCoveredMeasure };

/**
 * The agency profile (機關資料): facts that belong to the agency, not to a case. Agency admins keep it on
 * /admin/agency; every case of the agency resolves with it (lib/agency/snapshot.ts).
 */

export const AGENCY_KINDS = ["public", "non-public"] as const;
export type TAgencyKind = (typeof AGENCY_KINDS)[number];
export const AGENCY_KIND_LABEL: Record<TAgencyKind, string> = { public: "公務機關", "non-public": "特定非公務機關" };

export const AGENCY_SECTORS = ["government", "financial", "education", "medical", "other"] as const;
export type TAgencySector = (typeof AGENCY_SECTORS)[number];
export const AGENCY_SECTOR_LABEL: Record<TAgencySector, string> = {
  government: "政府機關",
  financial: "金融機構",
  education: "教育單位",
  medical: "醫療院所",
  other: "其他",
};

export const PROFILE_LEVELS = LEVELS;
export const LEVEL_BASES = ["approved", "submitted"] as const;
export const LEVEL_BASIS_LABEL: Record<(typeof LEVEL_BASES)[number], string> = { approved: "核定", submitted: "提交" };

/** The profile as stored: "" and null mean "not filled in yet" (a new or migrated agency). */
export type TAgencyProfile = {
  name: string;
  agencyKind: TAgencyKind | "";
  ciProvider: boolean | null;
  sector: TAgencySector | "";
  responsibilityLevel: (typeof PROFILE_LEVELS)[number] | "";
  levelBasis: (typeof LEVEL_BASES)[number] | "";
  levelDate: string;
  levelDocument: string;
  mailServer: boolean | null;
  cisoName: string;
  cisoTitle: string;
  /** ▲ measures the agency procures agency-wide (e.g. an agency-wide SOC or EDR contract); cases recommend 另案辦理. */
  coveredMeasures: TCoveredMeasure[];
};
/** The form's one-value fields (coveredMeasures is a list of its own). */
export const PROFILE_FIELDS = [
  "name",
  "agencyKind",
  "ciProvider",
  "sector",
  "responsibilityLevel",
  "levelBasis",
  "levelDate",
  "levelDocument",
  "mailServer",
  "cisoName",
  "cisoTitle",
] as const satisfies readonly (keyof TAgencyProfile)[];

export const PROFILE_FIELD_LABEL: Record<keyof TAgencyProfile, string> = {
  name: "機關名稱",
  agencyKind: "機關性質",
  ciProvider: "關鍵基礎設施提供者",
  sector: "機關類別",
  responsibilityLevel: "資通安全責任等級",
  levelBasis: "等級核定或提交",
  levelDate: "核定或提交日期",
  levelDocument: "核定或提交文號",
  mailServer: "自行維運郵件伺服器",
  cisoName: "資安長姓名",
  cisoTitle: "資安長職稱",
  coveredMeasures: "全機關辦理之 ▲ 事項",
};

const pick = <T extends readonly string[]>(values: T, raw: string): T[number] | "" => (values.includes(raw) ? (raw as T[number]) : "");

/** A database row → the profile; an unknown stored value reads as not filled in. */
export function profileFromRow(row: {
  name: string;
  agencyKind: string;
  ciProvider: boolean | null;
  sector: string;
  responsibilityLevel: string;
  levelBasis: string;
  levelDate: string;
  levelDocument: string;
  mailServer: boolean | null;
  cisoName: string;
  cisoTitle: string;
  coveredMeasures?: string;
}): TAgencyProfile {
  return {
    name: row.name,
    agencyKind: pick(AGENCY_KINDS, row.agencyKind),
    ciProvider: row.ciProvider,
    sector: pick(AGENCY_SECTORS, row.sector),
    responsibilityLevel: pick(PROFILE_LEVELS, row.responsibilityLevel),
    levelBasis: pick(LEVEL_BASES, row.levelBasis),
    levelDate: row.levelDate,
    levelDocument: row.levelDocument,
    mailServer: row.mailServer,
    cisoName: row.cisoName,
    cisoTitle: row.cisoTitle,
    coveredMeasures: parseCovered(row.coveredMeasures),
  };
}

const ZCoveredMeasure = z.strictObject({
  measure: z.string({ error: "請選擇 ▲ 事項" }).regex(/^[a-z0-9-]+$/, "未知的 ▲ 事項"),
  reference: zLine({ error: "請填寫全機關契約之名稱或案號" }).trim().min(1, "請填寫全機關契約之名稱或案號").max(200, "契約名稱或案號最多 200 字"),
});

export const ZCoveredMeasures = z
  .array(ZCoveredMeasure, { error: "全機關辦理之 ▲ 事項須為清單" })
  .max(50, "全機關辦理之 ▲ 事項最多 50 項")
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((c, i) => {
      if (seen.has(c.measure)) ctx.addIssue({ code: "custom", path: [i, "measure"], message: "同一 ▲ 事項重複列出" });
      seen.add(c.measure);
    });
  });

/** The stored JSON; anything unreadable reads as none covered (the admin sees and re-saves it). */
function parseCovered(json: string | undefined): TCoveredMeasure[] {
  if (!json) return [];
  try {
    const r = ZCoveredMeasures.safeParse(JSON.parse(json));
    return r.success ? r.data : [];
  } catch {
    return [];
  }
}

export const PROFILE_SELECT = {
  name: true,
  agencyKind: true,
  ciProvider: true,
  sector: true,
  responsibilityLevel: true,
  levelBasis: true,
  levelDate: true,
  levelDocument: true,
  mailServer: true,
  cisoName: true,
  cisoTitle: true,
  coveredMeasures: true,
} as const;

const required = (label: string, max: number) =>
  zLine({ error: `請填寫${label}` })
    .trim()
    .min(1, `請填寫${label}`)
    .max(max, `${label}最多 ${max} 字`);
/** A form's "yes"/"no" or a boolean. */
const yesNo = (question: string) => z.preprocess((v) => (v === "yes" ? true : v === "no" ? false : v), z.boolean({ error: `請回答：${question}` }));

function realDate(s: string) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) && Number(m[1]) >= 2000;
}

/** A complete profile: what the admin must save and what a case needs before it can start. */
export const ZAgencyProfile = z.object({
  name: required("機關名稱", 200),
  agencyKind: z.enum(AGENCY_KINDS, { error: "請選擇機關性質（公務機關或特定非公務機關）" }),
  ciProvider: yesNo("是否為關鍵基礎設施提供者"),
  sector: z.enum(AGENCY_SECTORS, { error: "請選擇機關類別" }),
  responsibilityLevel: z.enum(PROFILE_LEVELS, { error: "請選擇資通安全責任等級" }),
  levelBasis: z.enum(LEVEL_BASES, { error: "請選擇等級為核定或提交" }),
  levelDate: z
    .string({ error: "請填寫核定或提交日期" })
    .trim()
    .min(1, "請填寫核定或提交日期")
    .refine((s) => s === "" || realDate(s), "日期格式須為 YYYY-MM-DD，例如 2026-03-15"),
  levelDocument: required("核定或提交文號", 100),
  mailServer: yesNo("機關是否自行維運郵件伺服器"),
  cisoName: required("資安長姓名", 100),
  cisoTitle: required("資安長職稱", 100),
  coveredMeasures: ZCoveredMeasures.default([]),
});
export type TCompleteProfile = z.infer<typeof ZAgencyProfile>;

export type TProfileIssue = { path: keyof TAgencyProfile; message: string };

/** What is missing or wrong; empty when the agency may start cases. */
export function profileIssues(profile: TAgencyProfile): TProfileIssue[] {
  const r = ZAgencyProfile.safeParse(profile);
  return r.success ? [] : r.error.issues.map((i) => ({ path: String(i.path[0]) as keyof TAgencyProfile, message: i.message }));
}

export function completeProfile(profile: TAgencyProfile): TCompleteProfile | null {
  const r = ZAgencyProfile.safeParse(profile);
  return r.success ? r.data : null;
}
