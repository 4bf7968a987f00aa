import { z } from "zod";
import { AGENCY_KIND_LABEL, AGENCY_KINDS, AGENCY_SECTOR_LABEL, AGENCY_SECTORS, PROFILE_LEVELS, type TCompleteProfile } from "./profile";

/**
 * The agency-profile values a case is resolved with, kept on the case (Case.agencySnapshot). Fixed when
 * the case is submitted, so a later profile change never changes a submitted or approved revision; a
 * draft re-resolves with the current profile and the snapshot is what the officer last saw.
 */
export const ZCaseProfile = z.object({
  agencyName: z.string().trim().min(1).max(200),
  officerName: z.string().max(100).default(""),
  agencyKind: z.enum(AGENCY_KINDS).default("public"),
  ciProvider: z.boolean().default(false),
  // Cases from before the profile stored "cii-provider" as a sector; they keep it.
  sector: z.enum([...AGENCY_SECTORS, "cii-provider"]),
  responsibilityLevel: z.enum(PROFILE_LEVELS),
  mailServer: z.boolean(),
  // Snapshots from before it cover nothing.
  coveredMeasures: z.array(z.object({ measure: z.string(), reference: z.string() })).default([]),
});
export type TCaseProfile = z.infer<typeof ZCaseProfile>;

export function caseProfileFrom(profile: TCompleteProfile, officerName: string): TCaseProfile {
  return {
    agencyName: profile.name,
    officerName,
    agencyKind: profile.agencyKind,
    ciProvider: profile.ciProvider,
    sector: profile.sector,
    responsibilityLevel: profile.responsibilityLevel,
    mailServer: profile.mailServer,
    coveredMeasures: profile.coveredMeasures,
  };
}

/** A stored snapshot, or null when there is none or it is incomplete (migrated cases wrote "yes"/"no"). */
export function parseCaseProfile(json: string | null): TCaseProfile | null {
  if (!json) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  if (raw && typeof raw === "object" && "mailServer" in raw) {
    const m = (raw as { mailServer: unknown }).mailServer;
    if (m === "yes" || m === "no") raw = { ...raw, mailServer: m === "yes" };
  }
  const r = ZCaseProfile.safeParse(raw);
  return r.success ? r.data : null;
}

/** What the documents tailor by: the agency's sector, and its CI regime besides when it is a CI provider. */
export function exportSector(p: Pick<TCaseProfile, "ciProvider" | "sector">): { agencySector: TCaseProfile["sector"]; ciProvider: boolean } {
  return { agencySector: p.sector, ciProvider: p.ciProvider || p.sector === "cii-provider" };
}

const SECTOR_LABEL: Record<TCaseProfile["sector"], string> = { ...AGENCY_SECTOR_LABEL, "cii-provider": "關鍵基礎設施提供者" };
const yes = (b: boolean) => (b ? "是" : "否");

/** The snapshot as the wizard shows it, field by field. */
export function caseProfileLines(p: TCaseProfile): { key: keyof TCaseProfile; label: string; value: string }[] {
  return [
    { key: "agencyName", label: "機關名稱", value: p.agencyName },
    { key: "agencyKind", label: "機關性質", value: AGENCY_KIND_LABEL[p.agencyKind] },
    { key: "ciProvider", label: "關鍵基礎設施提供者", value: yes(p.ciProvider) },
    { key: "sector", label: "機關類別", value: SECTOR_LABEL[p.sector] },
    { key: "responsibilityLevel", label: "資通安全責任等級", value: `${p.responsibilityLevel} 級` },
    { key: "mailServer", label: "自行維運郵件伺服器", value: yes(p.mailServer) },
    {
      key: "coveredMeasures",
      label: "全機關辦理之 ▲ 事項",
      value: p.coveredMeasures.length ? p.coveredMeasures.map((c) => `${c.measure}（${c.reference}）`).join("、") : "（無）",
    },
  ];
}

export type TProfileChange = { key: keyof TCaseProfile; label: string; from: string; to: string };

/** What differs between the values a case was resolved with and the profile now (officer's name aside). */
export function caseProfileChanges(before: TCaseProfile | null, after: TCaseProfile | null): TProfileChange[] {
  if (!before || !after) return [];
  const a = caseProfileLines(before);
  const b = new Map(caseProfileLines(after).map((l) => [l.key, l.value]));
  return a.filter((l) => b.get(l.key) !== l.value).map((l) => ({ key: l.key, label: l.label, from: l.value, to: b.get(l.key) ?? "" }));
}
