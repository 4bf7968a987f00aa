// Before/after snapshots as a reader wants them: one line per field that changed, old → new.

import { AGENCY_KIND_LABEL, AGENCY_SECTOR_LABEL, LEVEL_BASIS_LABEL, PROFILE_FIELD_LABEL } from "../agency/profile";
import { ROLE_LABEL } from "../auth/roles";

export type TFieldChange = { field: string; before: string | null; after: string | null };

const MAX_DEPTH = 3;
const MAX_VALUE = 200;

const FIELD_LABEL: Record<string, string> = {
  // The agency profile (機關資料), as the form names its fields; the general names below win (name: 名稱).
  ...PROFILE_FIELD_LABEL,
  status: "狀態",
  comment: "意見",
  roles: "角色",
  active: "啟用",
  name: "名稱",
  title: "名稱",
  email: "電子郵件",
  choice: "決定",
  reason: "理由",
  verdict: "審查結果",
  itemId: "項目",
  revision: "版次",
  from: "來源",
  rows: "筆數",
  idleTimeoutMinutes: "閒置逾時（分鐘）",
  mailOptOut: "不寄電子郵件通知",
  changeSummary: "變更摘要",
  mustChangePassword: "須變更密碼",
  address: "來源位址",
};

/** Codes whose words depend on the field (levelBasis "approved" is 核定, not a case's 已核准). */
const FIELD_VALUE_LABEL: Record<string, Record<string, string>> = {
  roles: ROLE_LABEL,
  agencyKind: AGENCY_KIND_LABEL,
  sector: AGENCY_SECTOR_LABEL,
  levelBasis: LEVEL_BASIS_LABEL,
};

const VALUE_LABEL: Record<string, string> = {
  draft: "草稿",
  submitted: "送審中",
  approved: "已核准",
  returned: "已退回",
  published: "已發布",
  include: "納入",
  exclude: "不納入",
  approve: "同意",
  return: "退回",
  "accept-risk": "接受風險",
};

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function show(v: unknown, field = ""): string | null {
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "boolean") return v ? "是" : "否";
  if (typeof v === "string") return FIELD_VALUE_LABEL[field]?.[v] ?? VALUE_LABEL[v] ?? v;
  if (typeof v === "number") return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === "string" || typeof x === "number")) return v.map((x) => show(x, field)).join("、") || "（無）";
  const text = JSON.stringify(v);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE)}…` : text;
}

function flatten(v: unknown, prefix: string, depth: number, out: Map<string, unknown>) {
  if (isPlainObject(v) && !prefix && !Object.keys(v).length) return; // {} recorded: no fields
  if (isPlainObject(v) && depth < MAX_DEPTH && Object.keys(v).length) {
    for (const [k, x] of Object.entries(v)) flatten(x, prefix ? `${prefix}.${k}` : k, depth + 1, out);
  } else if (prefix) out.set(prefix, v);
  else if (v !== undefined && v !== null) out.set("", v);
}

const label = (path: string) =>
  path
    .split(".")
    .map((p) => FIELD_LABEL[p] ?? p)
    .join("．") || "值";

/**
 * The fields that differ between two snapshots (nested objects flattened to dotted paths, a few levels
 * deep), each with its old and new value as text; null means absent. Fields equal on both sides are left out.
 */
export function fieldChanges(before: unknown, after: unknown): TFieldChange[] {
  const b = new Map<string, unknown>();
  const a = new Map<string, unknown>();
  flatten(before, "", 0, b);
  flatten(after, "", 0, a);
  const out: TFieldChange[] = [];
  for (const key of new Set([...b.keys(), ...a.keys()])) {
    const field = key.split(".").at(-1)!;
    const was = show(b.get(key), field);
    const now = show(a.get(key), field);
    if (was === now && (was === null || JSON.stringify(b.get(key)) === JSON.stringify(a.get(key)))) continue;
    out.push({ field: label(key), before: was, after: now });
  }
  return out;
}

/** The changes as one line of text per field, for the CSV. */
export const fieldChangesText = (changes: readonly TFieldChange[]) =>
  changes.map((c) => `${c.field}：${c.before ?? "（無）"} → ${c.after ?? "（無）"}`).join("\n");
