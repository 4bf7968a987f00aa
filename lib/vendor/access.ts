import type { TDb } from "../db/client";
import { hasRole, type TActor } from "../auth/roles";
import { getCase } from "../cases/store";
import { VendorError } from "./invitations";

/**
 * Vendor tenancy: a 廠商代表 reaches a case only through an invitation it accepted, and only an approved
 * revision (the one it was invited to). Every vendor read goes through here; a case it was not invited
 * to is as good as absent (not-found), whichever agency owns it.
 */
export async function vendorCases(db: TDb, actor: Pick<TActor, "id" | "roles">) {
  if (!hasRole(actor, "vendor")) throw new VendorError("forbidden", "只有廠商代表可以使用此頁");
  const grants = await db.vendorInvitation.findMany({
    where: { acceptedUserId: actor.id, revokedAt: null },
    orderBy: [{ acceptedAt: "desc" }, { id: "asc" }],
    select: { caseId: true, revision: true, agencyId: true, acceptedAt: true },
  });
  const ids = [...new Set(grants.map((g) => g.caseId))];
  const [cases, agencies] = await Promise.all([
    db.case.findMany({ where: { id: { in: ids }, status: "approved" }, select: { id: true, title: true, revision: true } }),
    db.agency.findMany({ where: { id: { in: [...new Set(grants.map((g) => g.agencyId))] } }, select: { id: true, name: true } }),
  ]);
  const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
  const byId = new Map(cases.map((c) => [c.id, c]));
  return ids
    .filter((id) => byId.has(id))
    .map((id) => {
      const grant = grants.find((g) => g.caseId === id)!;
      const c = byId.get(id)!;
      return { caseId: id, title: c.title, revision: c.revision, agencyName: agencyName.get(grant.agencyId) ?? "" };
    });
}

/** The case record for a vendor invited to it (for the export of its requirement list), or not-found. */
export async function vendorCase(db: TDb, actor: Pick<TActor, "id" | "roles">, caseId: string) {
  if (!hasRole(actor, "vendor")) throw new VendorError("forbidden", "只有廠商代表可以使用此頁");
  const grant = await db.vendorInvitation.findFirst({ where: { acceptedUserId: actor.id, caseId, revokedAt: null }, select: { id: true } });
  const record = grant ? await getCase(db, caseId) : null;
  if (!record || record.status !== "approved") throw new VendorError("not-found", "找不到此案件，或您未受邀填寫");
  return record;
}
