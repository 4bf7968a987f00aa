import type { TDb } from "../db/client";
import { assertPlatformAdmin, type TPlatformActor } from "./actor";

export type TAgencyRow = { id: string; name: string; active: boolean; users: number; cases: number; createdAt: Date };

/** Every agency with its counts: names and numbers only, never case content (tenancy stays strict). */
export async function listAgencies(db: TDb, actor: TPlatformActor): Promise<TAgencyRow[]> {
  await assertPlatformAdmin(db, actor);
  const rows = await db.agency.findMany({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, active: true, createdAt: true, _count: { select: { users: true, cases: true } } },
  });
  return rows.map((r) => ({ id: r.id, name: r.name, active: r.active, createdAt: r.createdAt, users: r._count.users, cases: r._count.cases }));
}
