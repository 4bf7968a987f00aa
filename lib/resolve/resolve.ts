import type { TCatalogueFile, TCatalogueItem, TServiceTypeKey } from "../catalogue/schema";
import { agencyObligations } from "./agency-obligations";
import { buildContext } from "./context";
import type { TResolveInput } from "./input";
import type { TObligationsFile } from "../catalogue/schema/obligations";
import { PIPELINE } from "./rules";
import type { TCaseContext, TDraft, TResolution, TResolvedItem } from "./types";
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
export function resolve(catalogue: TCatalogueFile, obligations: TObligationsFile, input: TResolveInput): TResolution {
  if (input.catalogueVersion !== undefined && input.catalogueVersion !== catalogue.version)
    throw new CatalogueMismatchError(input.catalogueVersion, catalogue.version);
  const ctx = buildContext(catalogue, obligations, input);
  const selected = new Set<TServiceTypeKey>(input.serviceTypes);
  const items: TResolvedItem[] = [];
  for (const type of catalogue.serviceTypes) {
    if (!selected.has(type.key)) continue;
    for (const item of type.items) items.push(resolveItem(item, type.key, ctx));
  }
  return {
    catalogueVersion: catalogue.version,
    effectiveGrade: input.grade,
    warnings: caseWarnings(catalogue, input, ctx, items),
    agencyObligations: agencyObligations(ctx, items),
    items,
  };
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
  };
  for (const rule of PIPELINE) draft = rule.apply(draft, ctx);
  return {
    id: item.id,
    serviceType,
    category: item.category,
    text: item.text,
    mark: draft.mark,
    // finalizeRule guarantees a status; the fallback only satisfies the type checker.
    status: draft.status ?? "needs-decision",
    reasons: [...draft.reasons],
    thirdPartyTesting: draft.thirdPartyTesting,
    cisoConfirm: draft.cisoConfirm,
    frequency: draft.frequency,
  };
}
