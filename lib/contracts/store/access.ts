import type { TDb } from "../../db/client";
import type { TTx } from "../../audit/tx";
import type { TActor } from "../../auth/roles";
import { DomainError } from "../../errors";

/** Officers manage, CISOs and admins see: all within their own agency (another agency's reads as absent). */
export const canSeeContracts = (a: Pick<TActor, "roles">) => a.roles.some((r) => r === "officer" || r === "ciso" || r === "admin");
export const canManageContracts = (a: Pick<TActor, "roles">) => a.roles.includes("officer");

export async function contractFor(db: TDb | TTx, id: string, actor: Pick<TActor, "agencyId" | "roles">, manage = false) {
  const row = await db.contract.findUnique({ where: { id } });
  if (!row || row.agencyId !== actor.agencyId || !canSeeContracts(actor)) throw new DomainError("not-found", "找不到這份契約。");
  if (manage && !canManageContracts(actor)) throw new DomainError("forbidden", "只有承辦人可以管理契約。");
  return row;
}
