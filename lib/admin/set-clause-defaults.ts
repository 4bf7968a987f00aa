import type { TDb } from "../db/client";
import { recordAudit } from "../audit";
import { parseParameterLayer } from "../export";
import { newestCatalogue } from "../cases/load";
import { issuesOf, parameterJson, storedParameterLayer } from "../cases/set-clause-parameters";
import { assertAdmin, type TAdminActor } from "./actor";
import { AdminError } from "./errors";

/**
 * The agency's clause-parameter defaults (issue 5: "an admin may set agency defaults"): a partial map
 * `{ key: number }` over the library's defaults; a blank field inherits the library's value. Each case
 * may override them (lib/cases/set-clause-parameters.ts).
 */
export async function setClauseDefaults(db: TDb, actor: TAdminActor, raw: unknown): Promise<{ changed: boolean; clauseDefaults: Record<string, number> }> {
  return db.$transaction(async (tx) => {
    await assertAdmin(tx, actor);
    // Agency defaults are set against the newest published library; cases pinned to older versions read them leniently.
    const parsed = parseParameterLayer((await newestCatalogue(tx)).clauses, "agency", raw);
    if (parsed.issues.length) throw new AdminError("invalid", "條款參數有誤，未能儲存", issuesOf(parsed.issues));
    const agency = await tx.agency.findUniqueOrThrow({ where: { id: actor.agencyId }, select: { clauseDefaults: true } });
    const before = storedParameterLayer(agency.clauseDefaults);
    const next = parameterJson(parsed.values);
    if (next === parameterJson(before as Record<string, number>)) return { changed: false, clauseDefaults: parsed.values };
    await tx.agency.update({ where: { id: actor.agencyId }, data: { clauseDefaults: next } });
    await recordAudit(tx, {
      agencyId: actor.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "agency.clause-defaults",
      targetType: "agency",
      targetId: actor.agencyId,
      before: { clauseDefaults: before },
      after: { clauseDefaults: parsed.values },
    });
    return { changed: true, clauseDefaults: parsed.values };
  });
}
