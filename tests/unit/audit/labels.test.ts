import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION, AUDIT_ACTION_LABEL, actionLabel } from "@/lib/audit";
import { REVIEW_VERDICTS } from "@/lib/workflow/reviews";
import { ZDraftEdit } from "@/lib/catalogue/edit";

// Every action code the app records has a zh-TW label (the admin page and the CSV show it).

const ROOT = path.resolve(import.meta.dirname, "../../..");
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (f === "generated" || f === "generated-pg") return [];
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });

/** The codes written by lib/: string literals in the files that write audit entries, and the two templated families. */
function recordedCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of files(path.join(ROOT, "lib"))) {
    const text = readFileSync(file, "utf8");
    if (!/recordAudit\(|auditCatalogue\(|\baudit\(/.test(text) || file.endsWith(path.join("audit", "labels.ts"))) continue;
    for (const m of text.matchAll(/["']([a-z][a-z-]*(?:\.[a-z][a-z-]*)+)["']/g))
      if (AUDIT_ACTION.test(m[1]!) && /^(auth|user|agency|audit|backup|case|decision|review|catalogue)\./.test(m[1]!)) codes.add(m[1]!);
  }
  for (const v of REVIEW_VERDICTS) codes.add(`review.${v}`); // workflow-ops: `review.${verdict}`
  for (const o of ZDraftEdit.options) codes.add(`catalogue.${o.shape.op.value}`); // edit-draft: `catalogue.${edit.op}`
  return codes;
}

describe("audit action labels", () => {
  it("every action code the app records has a label", () => {
    const codes = recordedCodes();
    expect(codes.size).toBeGreaterThan(30); // the scan finds what it should
    expect([...codes]).toEqual(expect.arrayContaining(["backup.replace", "catalogue.publish", "case.move-version", "auth.login", "user.mail-opt-out"]));
    expect([...codes].filter((c) => !AUDIT_ACTION_LABEL[c]).sort()).toEqual([]);
  });

  it("labels are zh-TW; an unknown code shows as it is", () => {
    for (const label of Object.values(AUDIT_ACTION_LABEL)) expect(label).toMatch(/[\u4e00-\u9fff]/);
    expect(actionLabel("case.submit")).toBe("送審");
    expect(actionLabel("future.thing")).toBe("future.thing");
  });
});
