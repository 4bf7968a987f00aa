import type { TCatalogueFile, TCatalogueItem, TServiceTypeKey } from "../catalogue/schema";
import { agencyObligations } from "./agency-obligations";
import { buildContext } from "./context";
import type { TEngineInput } from "./input";
import type { TObligationsFile } from "../catalogue/schema/obligations";
import { recommend } from "./recommend";
import { groupRequirements, sameAsOf } from "./requirements";
import { PIPELINE } from "./rules";
import type { TBasisSummary, TCaseContext, TDraft, TRequirementRow, TResolution, TResolvedItem } from "./types";
import { caseWarnings } from "./warnings";

/** The caller picked a catalogue that is not the one the input asked for: a programming error, not bad input. */
export class CatalogueMismatchError extends Error {
  constructor(requested: string, given: string) {
    super(`輸入指定一覽表版本 ${requested}，但提供的是 ${given}`);
    this.name = "CatalogueMismatchError";
  }
}

/**
 * Resolves the catalogue into one case's checklist. Only the selected service types, each with its
 * own items in catalogue order (types too in catalogue order, so the same case always reads the same).
 * `input` must already be parsed with ZResolveInput.
 */
export function resolve(catalogue: TCatalogueFile, obligations: TObligationsFile, input: TEngineInput): TResolution {
  if (input.catalogueVersion !== undefined && input.catalogueVersion !== catalogue.version)
    throw new CatalogueMismatchError(input.catalogueVersion, catalogue.version);
  const ctx = buildContext(catalogue, obligations, input);
  const selected = new Set<TServiceTypeKey>(input.serviceTypes);
  const items: TResolvedItem[] = [];
  for (const type of catalogue.serviceTypes) {
    if (!selected.has(type.key)) continue;
    for (const item of type.items) items.push(resolveItem(item, type.key, ctx));
  }
  const groups = groupRequirements(items);
  const sameAs = sameAsOf(groups);
  for (const item of items) item.sameAs = sameAs.get(item.id) ?? [];
  const requirements: TRequirementRow[] = groups.map((g) => ({
    key: g.key,
    text: g.text,
    itemIds: g.itemIds,
    status: g.status,
    mark: g.mark,
    category: g.category,
    serviceTypes: g.serviceTypes,
    recommendation: rowRecommendation(g.copies, g.top),
  }));
  return {
    catalogueVersion: catalogue.version,
    effectiveGrade: input.grade,
    warnings: caseWarnings(catalogue, input, ctx, items),
    agencyObligations: agencyObligations(ctx, items),
    basisSummary: basisSummary(items),
    items,
    requirements,
  };
}

/** The strongest copy's recommendation, else that of the first copy of equal strength that has one. */
function rowRecommendation(copies: readonly TResolvedItem[], top: TResolvedItem): TResolvedItem["recommendation"] {
  if (top.recommendation) return top.recommendation;
  return copies.find((c) => c.status === top.status && c.mark === top.mark && c.recommendation)?.recommendation ?? null;
}

/** Runs the pipeline over one catalogue row. Exported for the rules' unit tests. */
export function resolveItem(item: TCatalogueItem, serviceType: TServiceTypeKey, ctx: TCaseContext): TResolvedItem {
  let draft: TDraft = {
    item,
    serviceType,
    mark: item.marks[ctx.grade],
    status: null,
    reasons: [],
    thirdPartyTesting: false,
    cisoConfirm: false,
    frequency: null,
    basis: null,
  };
  for (const rule of PIPELINE) draft = rule.apply(draft, ctx);
  const status = draft.status ?? "needs-decision";
  return {
    id: item.id,
    serviceType,
    category: item.category,
    text: item.text,
    mark: draft.mark,
    // finalizeRule guarantees a status; the fallback only satisfies the type checker.
    status,
    reasons: [...draft.reasons],
    thirdPartyTesting: draft.thirdPartyTesting,
    cisoConfirm: draft.cisoConfirm,
    frequency: draft.frequency,
    basis: draft.mark === "▲" ? (draft.basis ?? { reliability: "U", citation: null, verified: null }) : null,
    // resolve() fills in the other copies once every item is known.
    sameAs: [],
    recommendation: recommend({ ...draft, status }, ctx),
  };
}

/** ▲ lines by what they rest on: [P]/[O], [S], [U] (a line with no table cell counts as [U]). */
export function basisSummary(items: readonly TResolvedItem[]): TBasisSummary {
  const summary: TBasisSummary = { primaryOrOfficial: 0, thirdParty: 0, unverified: 0 };
  for (const item of items) {
    if (!item.basis) continue;
    const r = item.basis.reliability;
    if (r === "P" || r === "O") summary.primaryOrOfficial++;
    else if (r === "S") summary.thirdParty++;
    else summary.unverified++;
  }
  return summary;
}
