import obligationsJson from "../../../data/obligations/2026-01-07.json" with { type: "json" };
import type { TServiceTypeKey } from "../../../lib/catalogue/schema";
import { bundled } from "../../helpers/catalogue";
import { parseObligations } from "../../../lib/catalogue/schema/obligations";
import { ZResolveInput, type TResolveInput } from "../../../lib/resolve/input";
import { resolve } from "../../../lib/resolve/resolve";
import type { TResolution, TResolvedItem } from "../../../lib/resolve/types";

export const catalogue = bundled();
export const obligations = parseObligations(obligationsJson);

type TCase = Omit<Partial<TResolveInput>, "conditions"> & { conditions?: Partial<TResolveInput["conditions"]> };

/** A plain case: nothing special; override what the golden case is about. Parsed, so it is valid input. */
export function caseInput(overrides: TCase = {}): TResolveInput {
  return ZResolveInput.parse({
    serviceTypes: ["development"],
    grade: "medium",
    responsibilityLevel: "B",
    contractValue: 5_000_000,
    ...overrides,
    conditions: {
      personalData: false,
      coreSystem: false,
      cii: false,
      externalService: false,
      mobileApp: false,
      mailServer: false,
      ...overrides.conditions,
    },
  });
}

export function run(overrides: TCase = {}): TResolution {
  return resolve(catalogue, obligations, caseInput(overrides));
}

export function item(resolution: TResolution, id: string): TResolvedItem {
  const found = resolution.items.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`item ${id} not in resolution`);
  return found;
}

export function itemsOf(resolution: TResolution, type: TServiceTypeKey): TResolvedItem[] {
  return resolution.items.filter((candidate) => candidate.serviceType === type);
}

export const allReasons = (resolved: TResolvedItem): string => resolved.reasons.join("\n");
