import type { TDb } from "../../db/client";
import type { TActor } from "../../auth/roles";
import { DomainError } from "../../errors";
import { recordAudit } from "../../audit/record";
import { contractFor } from "./access";

/** The CISO signs an acceptance milestone off (its 驗收 document then loses the draft mark). Once only; audited. */
export async function signOffMilestone(db: TDb, milestoneId: string, actor: TActor) {
  if (!actor.roles.includes("ciso")) throw new DomainError("forbidden", "只有資安長可以簽核驗收階段。");
  const m = await db.contractMilestone.findUnique({ where: { id: milestoneId } });
  if (!m) throw new DomainError("not-found", "找不到這個驗收階段。");
  const contract = await contractFor(db, m.contractId, actor);
  const at = new Date();
  await db.$transaction(async (tx) => {
    const done = await tx.contractMilestone.updateMany({
      where: { id: milestoneId, signedOffAt: null },
      data: { signedOffAt: at, signedOffById: actor.id, signedOffByName: actor.name },
    });
    if (done.count !== 1) throw new DomainError("conflict", "這個驗收階段已簽核。");
    await recordAudit(tx, {
      agencyId: contract.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "milestone.sign-off",
      targetType: "contract",
      targetId: contract.id,
      after: { milestoneId, name: m.name, dueOn: m.dueOn },
      at,
    });
  });
}
