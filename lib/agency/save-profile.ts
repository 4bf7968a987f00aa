import type { TDb } from "../db/client";
import { recordAudit } from "../audit";
import { assertAdmin, type TAdminActor } from "../admin/actor";
import { AdminError } from "../admin/errors";
import { parseOrRefuse } from "../admin/schemas";
import { PROFILE_SELECT, profileFromRow, ZAgencyProfile, type TAgencyProfile } from "./profile";

/** Another admin saved the profile since this form was loaded: refused with what is stored now. */
export class ProfileConflictError extends AdminError {
  constructor(
    readonly current: TAgencyProfile,
    readonly currentVersion: number,
    by: string,
  ) {
    super("conflict", `另一位管理者（${by}）已先儲存機關資料；您輸入的內容仍保留在表單中，請比對後再儲存。`);
  }
}

const nameTaken = () => new AdminError("conflict", "已有同名的機關。", [{ path: "name", message: "已有同名的機關" }]);

/**
 * Saves the agency profile (admins of the agency). `baseVersion` is the profile version the form was
 * loaded with; a save over a newer one is refused. Audited with before and after in the same transaction.
 */
export async function saveAgencyProfile(
  db: TDb,
  actor: TAdminActor,
  input: unknown,
  baseVersion: number,
): Promise<{ profile: TAgencyProfile; profileVersion: number; changed: boolean }> {
  const data = parseOrRefuse(ZAgencyProfile, input);
  try {
    return await db.$transaction(async (tx) => {
      await assertAdmin(tx, actor);
      const row = await tx.agency.findUniqueOrThrow({ where: { id: actor.agencyId }, select: { ...PROFILE_SELECT, profileVersion: true } });
      const before = profileFromRow(row);
      if (row.profileVersion !== baseVersion) {
        const last = await tx.auditEntry.findFirst({
          where: { agencyId: actor.agencyId, action: "agency.profile" },
          orderBy: { at: "desc" },
          select: { actorName: true },
        });
        throw new ProfileConflictError(before, row.profileVersion, last?.actorName ?? "其他管理者");
      }
      const after: TAgencyProfile = { ...data };
      if (JSON.stringify(before) === JSON.stringify(after)) return { profile: before, profileVersion: row.profileVersion, changed: false };
      if (after.name !== before.name && (await tx.agency.findUnique({ where: { name: after.name }, select: { id: true } }))) throw nameTaken();
      // Conditional on the version: two saves that both read it cannot both write.
      const r = await tx.agency.updateMany({
        where: { id: actor.agencyId, profileVersion: baseVersion },
        data: { ...after, coveredMeasures: JSON.stringify(after.coveredMeasures), profileVersion: { increment: 1 } },
      });
      if (r.count !== 1) throw new ProfileConflictError(before, row.profileVersion + 1, "其他管理者");
      await recordAudit(tx, {
        agencyId: actor.agencyId,
        actorId: actor.id,
        actorName: actor.name,
        action: "agency.profile",
        targetType: "agency",
        targetId: actor.agencyId,
        before,
        after,
      });
      return { profile: after, profileVersion: baseVersion + 1, changed: true };
    });
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code === "P2002") throw nameTaken();
    throw e;
  }
}
