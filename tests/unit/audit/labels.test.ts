import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION, AUDIT_ACTION_LABEL, AUDIT_TARGET_LABEL, actionLabel } from "@/lib/audit";
import { REVIEW_VERDICTS } from "@/lib/workflow/reviews";
import { ZDraftEdit } from "@/lib/catalogue/edit";
import { ZReview } from "@/lib/contracts/store";

// Every action code and target type the app records has a zh-TW label (the admin page and the CSV show them).

const ROOT = path.resolve(import.meta.dirname, "../../..");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (f === "generated" || f === "generated-pg") return [];
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });

/** The lib/ files that write audit entries (labels.ts itself aside). */
const auditWriters = () =>
  files(path.join(ROOT, "lib"))
    .filter((file) => !file.endsWith(path.join("audit", "labels.ts")))
    .map((file) => readFileSync(file, "utf8"))
    .filter((text) => /recordAudit\(|auditCatalogue\(|\baudit\(/.test(text));

/** The codes written by lib/: dotted string literals of any family in those files, and the templated families. */
function recordedCodes(): Set<string> {
  const codes = new Set<string>();
  for (const text of auditWriters())
    for (const m of text.matchAll(/["']([a-z][a-z-]*(?:\.[a-z][a-z-]*)+)["']/g)) if (AUDIT_ACTION.test(m[1]!)) codes.add(m[1]!);
  for (const v of REVIEW_VERDICTS) codes.add(`review.${v}`); // workflow-ops: `review.${verdict}`
  for (const o of ZDraftEdit.options) codes.add(`catalogue.${o.shape.op.value}`); // edit-draft: `catalogue.${edit.op}`
  for (const v of ZReview.shape.verdict.options) codes.add(`obligation.${v}`); // contracts evidence: `obligation.${verdict}`
  return codes;
}

/** The target types written by lib/ (`targetType: "…"`; the catalogue's comes from auditCatalogue). */
function recordedTargets(): Set<string> {
  const types = new Set<string>();
  for (const text of auditWriters()) for (const m of text.matchAll(/targetType: ["']([a-z-]+)["']/g)) types.add(m[1]!);
  return types;
}

describe("audit action labels", () => {
  it("every action code the app records has a label", () => {
    const codes = recordedCodes();
    expect(codes.size).toBeGreaterThan(60); // the scan finds what it should (67 when written)
    expect([...codes]).toEqual(
      expect.arrayContaining([
        "backup.replace",
        "catalogue.publish",
        "case.move-version",
        "auth.login",
        "user.mail-opt-out",
        "vendor.invite",
        "obligation.evidence",
        "obligation.return",
        "contract.award",
        "incident.record",
        "milestone.sign-off",
        "calendar.regenerate",
      ]),
    );
    expect([...codes].filter((c) => !AUDIT_ACTION_LABEL[c]).sort()).toEqual([]);
  });

  it("every target type the app records has a label", () => {
    const types = recordedTargets();
    expect([...types]).toEqual(expect.arrayContaining(["user", "agency", "case", "catalogue", "database", "contract", "obligation"]));
    expect([...types].filter((t) => !AUDIT_TARGET_LABEL[t]).sort()).toEqual([]);
    for (const label of Object.values(AUDIT_TARGET_LABEL)) expect(label).toMatch(/[\u4e00-\u9fff]/);
  });

  it("labels are zh-TW; an unknown code shows as it is", () => {
    for (const label of Object.values(AUDIT_ACTION_LABEL)) expect(label).toMatch(/[\u4e00-\u9fff]/);
    expect(actionLabel("case.submit")).toBe("送審");
    expect(actionLabel("future.thing")).toBe("future.thing");
  });
});
