import type { TRule } from "../types";
import { cisoConfirmRule } from "./ciso-confirm";
import { coreSystemRule } from "./core-system";
import { finalizeRule } from "./finalize";
import { levelRule } from "./level";
import { markRule } from "./mark";
import { mobileAppRule } from "./mobile-app";
import { personalDataRule } from "./personal-data";
import { placeholdersRule } from "./placeholders";
import { recommendedRule } from "./recommended";
import { thirdPartyTestingRule } from "./third-party-testing";

/**
 * Order matters: the mark sets the base status, the level settles ▲, then the notes' rules
 * (personal data, core system) may override it; the rest only add flags and reasons.
 */
export const PIPELINE: readonly TRule[] = [
  markRule,
  levelRule,
  mobileAppRule,
  personalDataRule,
  coreSystemRule,
  recommendedRule,
  thirdPartyTestingRule,
  cisoConfirmRule,
  placeholdersRule,
  finalizeRule,
];

export {
  cisoConfirmRule,
  coreSystemRule,
  finalizeRule,
  levelRule,
  markRule,
  mobileAppRule,
  personalDataRule,
  placeholdersRule,
  recommendedRule,
  thirdPartyTestingRule,
};
