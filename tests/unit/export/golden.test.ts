import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderDocx, type TDocKind } from "../../../lib/export/docx/render";
import { readDocx, readingText } from "./helpers/docx";
import { allDecided, model } from "./helpers/cases";

/**
 * Golden text of the documents, in reading order (numbers as Word shows them): a change to what an
 * agency signs shows up as a readable diff. Update with `npx vitest run tests/unit/export/golden.test.ts -u`
 * after checking the rendered pages (npm run render:docx).
 */
const SAAS = {
  serviceTypes: ["maintenance", "paas-iaas"],
  grade: "high",
  responsibilityLevel: "A",
  contractValue: 3_000_000,
  conditions: { personalData: true, externalService: true },
} as const;
const CASES = {
  // The reference case: 開發 + 維運, 中, B, NT$12,000,000, a draft.
  "dev-maint-draft": () => model(),
  // An approved 維運 + PaaS case of a university: final, every choice made, education regime only.
  "maint-paas-education-final": () =>
    model({
      case: { ...SAAS, serviceTypes: [...SAAS.serviceTypes], conditions: { ...SAAS.conditions } },
      decisions: allDecided({ ...SAAS, serviceTypes: [...SAAS.serviceTypes], conditions: { ...SAAS.conditions } }),
      names: { agencyName: "國立臺灣示範大學", caseName: "校務系統維運暨雲端平台租用案", caseNumber: "NTU-115-008" },
      riskLevel: "中、高",
      agencySector: "education",
      approval: { approvedBy: "資安長 林小華", approvedAt: new Date("2026-11-20T03:00:00Z") },
    }),
};

describe.each(Object.entries(CASES))("golden text: %s", (name, build) => {
  it.each(["annex", "clauses", "checklist"] as TDocKind[])("%s", async (kind) => {
    const text = readingText(readDocx(await renderDocx(build(), kind)));
    await expect(text).toMatchFileSnapshot(path.join(import.meta.dirname, "golden", `${name}.${kind}.txt`));
  });
});
