import type { TDb } from "../db/client";
import { recordAudit } from "../audit";
import { AdminError } from "../admin/errors";
import { parseOrRefuse } from "../admin/schemas";
import { assertPlatformAdmin, auditActor, type TPlatformActor } from "./actor";
import { ZAgencyId, ZAgencyName } from "./schemas";

const nameTaken = () => new AdminError("conflict", "已有同名的機關。", [{ path: "name", message: "已有同名的機關" }]);

/** Renames an agency (its profile's official name); cases already submitted keep the name in their snapshot. */
export async function renameAgency(db: TDb, actor: TPlatformActor, agencyId: string, name: string): Promise<{ changed: boolean }> {
  const id = parseOrRefuse(ZAgencyId, agencyId);
  const next = parseOrRefuse(ZAgencyName, name);
  try {
    return await db.$transaction(async (tx) => {
      await assertPlatformAdmin(tx, actor);
      const row = await tx.agency.findUnique({ where: { id }, select: { name: true } });
      if (!row) throw new AdminError("not-found", "找不到這個機關。");
      if (row.name === next) return { changed: false };
      if (await tx.agency.findUnique({ where: { name: next }, select: { id: true } })) throw nameTaken();
      await tx.agency.update({ where: { id }, data: { name: next, profileVersion: { increment: 1 } } });
      await recordAudit(tx, {
        agencyId: id,
        ...auditActor(actor),
        action: "agency.rename",
        targetType: "agency",
        targetId: id,
        before: { name: row.name },
        after: { name: next },
      });
      return { changed: true };
    });
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code === "P2002") throw nameTaken();
    throw e;
  }
}
