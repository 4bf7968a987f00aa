import type { TDb } from "../db/client";
import { lockCaseRow } from "../db/lock";
import { recordAudit, type TTx } from "../audit";
import type { TActor } from "../auth/roles";
import { parseParameterLayer, resolveParameters, type TClauseLibrary, type TParameterIssue, type TParameterResult } from "../export";
import { pinnedCatalogue } from "./load";
import { checkTransition, type TCaseStatus } from "../workflow/state";
import { CaseError } from "./errors";
import { ConflictError, lastChange } from "./store";

/**
 * Clause parameters per case (issue 5: "the officer may change a parameter per case"): a partial map
 * `{ key: number }` over the agency's defaults; a blank field inherits. Stored as JSON on the case row.
 */

/** A stored layer, re-read leniently: text that is not a JSON object counts as empty (validated when used). */
export function storedParameterLayer(json: string | null | undefined): Record<string, unknown> {
  try {
    const v = JSON.parse(json ?? "{}") as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Sorted keys, so equal layers store equal text (and audit entries compare). */
export const parameterJson = (values: Record<string, number>) =>
  JSON.stringify(Object.fromEntries(Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));

export const issuesOf = (issues: readonly TParameterIssue[]) => issues.map((i) => ({ path: i.path, message: i.message }));

/** The case's layers (agency defaults, case overrides) and the parameters they resolve to. */
export async function loadClauseParameters(
  db: TDb | TTx,
  caseId: string,
): Promise<{ agency: Record<string, unknown>; case: Record<string, unknown>; library: TClauseLibrary; resolved: TParameterResult }> {
  const row = await db.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { clauseParameters: true, catalogueVersionId: true, agency: { select: { clauseDefaults: true } } },
  });
  // The clause library is versioned with the catalogue: a case uses its pinned version's.
  const library = (await pinnedCatalogue(db, row.catalogueVersionId)).clauses;
  const layers = { agency: storedParameterLayer(row.agency.clauseDefaults), case: storedParameterLayer(row.clauseParameters) };
  return { ...layers, library, resolved: resolveParameters(library, layers) };
}

/**
 * Officer of the case's agency, while the case may be edited (草稿 or 退回; an approved case is locked and
 * a submitted one is under review). Every value is checked at its parameter; the audit entry records the
 * case layer before → after in the same transaction. `base` is the case layer as the officer's page had
 * it: if the stored layer differs, someone else saved in between and the save is refused with their values.
 */
export async function setClauseParameters(
  db: TDb,
  caseId: string,
  raw: unknown,
  actor: TActor,
  base?: Record<string, number>,
): Promise<{ changed: boolean; clauseParameters: Record<string, number>; resolved: TParameterResult }> {
  return db.$transaction(async (tx) => {
    await lockCaseRow(db, tx, caseId);
    const row = await tx.case.findUnique({
      where: { id: caseId },
      select: { agencyId: true, status: true, createdById: true, clauseParameters: true, catalogueVersionId: true },
    });
    if (!row || row.agencyId !== actor.agencyId) throw new CaseError("not-found", "找不到這個案件");
    const edit = checkTransition({ ...row, status: row.status as TCaseStatus }, "edit", actor);
    if (!edit.ok) throw new CaseError("invalid", edit.error.message);
    const library = (await pinnedCatalogue(tx, row.catalogueVersionId)).clauses;
    const parsed = parseParameterLayer(library, "case", raw);
    if (parsed.issues.length) throw new CaseError("invalid", "條款參數有誤，未能儲存", issuesOf(parsed.issues));
    const before = storedParameterLayer(row.clauseParameters);
    const next = parameterJson(parsed.values);
    const stored = parameterJson(before as Record<string, number>);
    const changed = next !== stored;
    // Compared as the page shows the layer (its valid values), so a stale unknown key cannot conflict forever.
    const shown = parseParameterLayer(library, "case", before).values;
    if (base !== undefined && parameterJson(base) !== parameterJson(shown) && changed) {
      const last = await lastChange(tx, caseId, "case.clause-parameters");
      throw new ConflictError(shown, last.by, last.at, "本案的條款參數");
    }
    if (changed) {
      await tx.case.update({ where: { id: caseId }, data: { clauseParameters: next, lockVersion: { increment: 1 } } });
      await recordAudit(tx, {
        agencyId: actor.agencyId,
        actorId: actor.id,
        actorName: actor.name,
        action: "case.clause-parameters",
        targetType: "case",
        targetId: caseId,
        before: { clauseParameters: before },
        after: { clauseParameters: parsed.values },
      });
    }
    const { resolved } = await loadClauseParameters(tx, caseId);
    return { changed, clauseParameters: parsed.values, resolved };
  });
}

/**
 * What a clause-parameter form shows: each parameter with its bounds and library default, the layer's own
 * valid values, and what a blank field inherits (the agency's value for a case, else the library's).
 */
export function clauseParameterView(lib: TClauseLibrary, layers: { agency: unknown; case?: unknown }, layer: "agency" | "case") {
  const agency = parseParameterLayer(lib, "agency", layers.agency).values;
  const own = layer === "agency" ? agency : parseParameterLayer(lib, "case", layers.case).values;
  return {
    parameters: lib.parameters.map((p) => ({ key: p.key, label: p.label, unit: p.unit, min: p.min, max: p.max, default: p.default, note: p.note })),
    initial: own,
    inherited: Object.fromEntries(
      lib.parameters.map((p) => [
        p.key,
        layer === "case" && agency[p.key] !== undefined ? { value: agency[p.key]!, from: "agency" as const } : { value: p.default, from: "default" as const },
      ]),
    ),
  };
}
