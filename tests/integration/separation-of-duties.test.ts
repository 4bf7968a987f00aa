import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDb } from "@/lib/db/client";
import type { TActor } from "@/lib/auth/roles";
import { decideCase, reviewItem, reviseCase, submitCase } from "@/lib/cases/workflow-ops";
import { setClauseParameters } from "@/lib/cases/set-clause-parameters";
import { approvalProblems } from "@/lib/workflow/review-groups";
import { freshDb } from "../helpers/db";
import { createAgencyWithUsers } from "../helpers/people";
import { addUser, checklistOf, filledCase } from "../helpers/filled-case";

// Issue 19 #3: whoever wrote any part of a case, in any of its revisions, may not review or approve it.

describe("separation of duties across every case-writing action and every revision", () => {
  let db: TDb;
  let cleanup: () => Promise<void>;
  let people: Awaited<ReturnType<typeof createAgencyWithUsers>>;
  let both: TActor; // officer + CISO

  beforeAll(async () => {
    ({ db, cleanup } = await freshDb());
    people = await createAgencyWithUsers(db, "職務分離市政府");
    both = await addUser(db, people.agencyId, ["officer", "ciso"], "兼任者");
  }, 60_000);
  afterAll(() => cleanup());

  async function reviewAll(caseId: string, ciso: TActor) {
    for (const p of approvalProblems(await checklistOf(db, caseId), []))
      if (p.kind === "item") await reviewItem(db, caseId, { itemId: p.itemId, verdict: "accept-risk", comment: "測試：接受風險" }, ciso);
  }

  it("one who changed only the clause parameters may neither review nor approve", async () => {
    const caseId = await filledCase(db, people.officer);
    await setClauseParameters(db, caseId, { incidentNoticeHours: 24 }, both);
    await submitCase(db, caseId, people.officer);
    const item = approvalProblems(await checklistOf(db, caseId), []).find((p) => p.kind === "item");
    if (item?.kind === "item")
      await expect(reviewItem(db, caseId, { itemId: item.itemId, verdict: "approve" }, both)).rejects.toMatchObject({
        message: expect.stringMatching(/職務分離/),
      });
    await reviewAll(caseId, people.ciso);
    await expect(decideCase(db, caseId, "approve", "", both)).rejects.toMatchObject({ message: expect.stringMatching(/職務分離/) });
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("submitted");
    // Another CISO, who wrote nothing, may.
    await decideCase(db, caseId, "approve", "", people.ciso);
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("approved");
  });

  it("one who wrote revision 1 may not approve an unchanged revision 2", async () => {
    const first = await filledCase(db, both);
    await submitCase(db, first, both);
    await reviewAll(first, people.ciso);
    await decideCase(db, first, "approve", "", people.ciso);
    const second = await reviseCase(db, first, people.officer);
    await submitCase(db, second, people.officer);
    await reviewAll(second, people.ciso);
    await expect(decideCase(db, second, "approve", "", both)).rejects.toMatchObject({ message: expect.stringMatching(/職務分離/) });
    await decideCase(db, second, "approve", "", people.ciso);
    expect((await db.case.findUniqueOrThrow({ where: { id: second } })).status).toBe("approved");
  });

  it("a CISO's own reviews and approvals do not make them an editor of the next revision", async () => {
    const first = await filledCase(db, people.officer);
    await submitCase(db, first, people.officer);
    await reviewAll(first, both);
    await decideCase(db, first, "approve", "", both);
    const second = await reviseCase(db, first, people.officer);
    await submitCase(db, second, people.officer);
    await reviewAll(second, both);
    await decideCase(db, second, "approve", "", both);
    expect((await db.case.findUniqueOrThrow({ where: { id: second } })).status).toBe("approved");
  });
});

// Issue 19 #6 (unknown items): a review names an item of the case's checklist, or it is refused.
describe("reviews of items that are not on the checklist", () => {
  let db: TDb;
  let cleanup: () => Promise<void>;
  let people: Awaited<ReturnType<typeof createAgencyWithUsers>>;
  beforeAll(async () => {
    ({ db, cleanup } = await freshDb());
    people = await createAgencyWithUsers(db, "未知項目市政府");
  }, 60_000);
  afterAll(() => cleanup());

  it("are refused at itemId and recorded nowhere; a listed item is accepted", async () => {
    const caseId = await filledCase(db, people.officer);
    await submitCase(db, caseId, people.officer);
    for (const itemId of ["no-such.item", "development.source-code-review-x", "../../etc"]) {
      const refused = await reviewItem(db, caseId, { itemId, verdict: "approve" }, people.ciso).catch((e: unknown) => e);
      expect(refused).toMatchObject({ code: "invalid", issues: [{ path: "itemId", message: "這一項不在本案的檢核表中" }] });
    }
    expect(await db.review.count({ where: { caseId } })).toBe(0);
    expect(await db.auditEntry.count({ where: { targetId: caseId, action: { startsWith: "review." } } })).toBe(0);
    const listed = (await checklistOf(db, caseId)).items[0]!;
    await reviewItem(db, caseId, { itemId: listed.id, verdict: "approve" }, people.ciso);
    expect(await db.review.count({ where: { caseId } })).toBe(1);
  });
});
