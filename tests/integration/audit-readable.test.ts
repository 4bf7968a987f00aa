import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDb } from "@/lib/db/client";
import { submitCase } from "@/lib/cases/workflow-ops";
import { auditTargetNames, exportAuditCsv, listAgencyAudit } from "@/lib/admin";
import { freshDb } from "../helpers/db";
import { createAgencyWithUsers } from "../helpers/people";
import { filledCase } from "../helpers/filled-case";

// Issue 14: the audit log names cases, labels actions in zh-TW (the code kept beside) and shows field changes.

describe("a readable audit log", () => {
  let db: TDb;
  let cleanup: () => Promise<void>;
  let a: Awaited<ReturnType<typeof createAgencyWithUsers>>;
  let b: Awaited<ReturnType<typeof createAgencyWithUsers>>;
  let caseId: string;
  let otherCase: string;

  beforeAll(async () => {
    ({ db, cleanup } = await freshDb());
    a = await createAgencyWithUsers(db, "可讀稽核市政府");
    b = await createAgencyWithUsers(db, "另一機關");
    caseId = await filledCase(db, a.officer);
    await submitCase(db, caseId, a.officer);
    otherCase = await filledCase(db, b.officer);
  }, 60_000);
  afterAll(() => cleanup());

  it("names the agency's cases and users by id, and nothing of another agency", async () => {
    const names = await auditTargetNames(db, a.agencyId, [
      { targetType: "case", targetId: caseId },
      { targetType: "case", targetId: otherCase },
      { targetType: "user", targetId: a.ciso.id },
      { targetType: "user", targetId: b.ciso.id },
    ]);
    expect(names.get(caseId)).toBe("測試案");
    expect(names.get(a.ciso.id)).toMatch(/^林資安長（/);
    expect(names.has(otherCase)).toBe(false);
    expect(names.has(b.ciso.id)).toBe(false);
  });

  it("the CSV carries the label, the code, the case's name and the field changes", async () => {
    const { csv } = await exportAuditCsv(db, a.admin, { action: "case.submit" });
    expect(csv).toContain(`,送審,case.submit,案件,${caseId},測試案,"狀態：草稿 → 送審中`);
    const page = await listAgencyAudit(db, a.admin, {});
    expect(page.entries.some((e) => e.action === "case.submit" && e.targetId === caseId)).toBe(true);
  });
});
