import { z } from "zod";

/**
 * Roles per agency: 承辦人, 資安長, 管理者; 廠商代表 (vendor), an outside representative who sees only the
 * cases it was invited to (lib/vendor), never granted by an admin, only by accepting an invitation; and two app-wide roles: 目錄管理者, who maintains the catalogue
 * versions every agency uses, and 平台管理者, who creates and deactivates agencies (never sees their cases).
 * A user may hold several.
 */
/** What an admin (or the CLI's `user grant`) may hand out: every role but 廠商代表, which only an invitation gives. */
export const STAFF_ROLES = ["officer", "ciso", "admin", "catalogue-admin", "platform-admin"] as const;
export const ROLES = [...STAFF_ROLES, "vendor"] as const;
export type TRole = (typeof ROLES)[number];
export const ROLE_LABEL: Record<TRole, string> = {
  officer: "承辦人",
  ciso: "資安長",
  admin: "管理者",
  "catalogue-admin": "目錄管理者",
  "platform-admin": "平台管理者",
  vendor: "廠商代表",
};
/** A vendor account holds the vendor role alone; it is never also staff. */
export const isVendor = (actor: { roles: readonly TRole[] }) => actor.roles.includes("vendor");
/** Roles whose holders act for every agency: only a holder may grant or remove them, and one active holder is always kept. */
export const APP_WIDE_ROLES: readonly TRole[] = ["catalogue-admin", "platform-admin"];
const ZRoleList = z.array(z.enum(ROLES));

/** `User.roles` is a JSON array; anything unreadable or unknown grants nothing. */
export function parseRoles(json: string): TRole[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return [...new Set(raw.filter((r): r is TRole => ZRoleList.element.safeParse(r).success))];
}

export type TActor = { id: string; name: string; agencyId: string; roles: TRole[] };
export const hasRole = (actor: Pick<TActor, "roles">, role: TRole) => actor.roles.includes(role);
