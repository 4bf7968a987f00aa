import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDb } from "@/lib/db/client";
import type { TActor } from "@/lib/auth/roles";
import { saveDecision } from "@/lib/cases/decisions";
import { ConflictError } from "@/lib/cases/store";
import { setClauseParameters } from "@/lib/cases/set-clause-parameters";
import { freshDb } from "../helpers/db";
import { createAgencyWithUsers } from "../helpers/people";
import { addUser, checklistOf, filledCase } from "../helpers/filled-case";

// Issue 19 #6 (lost updates): a decision or the clause parameters saved from a stale page are refused
// with the other person's value, as the wizard steps are; nothing stored is overwritten.

describe("stale saves of decisions and clause parameters", () => {
  let db: TDb;
  let cleanup: () => Promise<void>;
  let first: TActor;
  let second: TActor;
  let caseId: string;

  beforeAll(async () => {
    ({ db, cleanup } = await freshDb());
    ({ officer: first } = await createAgencyWithUsers(db, "並行編輯市政府"));
    second = await addUser(db, first.agencyId, ["officer"], "李承辦");
    caseId = await filledCase(db, first);
  }, 60_000);
  afterAll(() => cleanup());

  const stored = async (itemId: string) => db.decision.findUniqueOrThrow({ where: { caseId_itemId: { caseId, itemId } } });

  it("a decision: the second of two tabs that loaded the same decision is refused with the first one's", async () => {
    const item = (await checklistOf(db, caseId)).items.find((i) => i.decisionKind === "choice")!;
    const loaded = { choice: "include", reason: "測試：納入" };
    await saveDecision(db, caseId, item, { choice: "exclude", reason: "預算不足" }, first, new Date(), loaded);
    const refused = await saveDecision(db, caseId, item, { choice: "include", reason: "仍需納入" }, second, new Date(), loaded).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as ConflictError).current).toEqual({ choice: "exclude", reason: "預算不足", reference: "" });
    expect((refused as ConflictError).message).toMatch(/王小明.*這一項的決定/);
    expect(await stored(item.id)).toMatchObject({ choice: "exclude", reason: "預算不足", decidedBy: "王小明" });
    // Having seen it, the second officer may still overwrite it (base = what the conflict showed).
    await saveDecision(
      db,
      caseId,
      item,
      { choice: "include", reason: "仍需納入" },
      second,
      new Date(),
      (refused as ConflictError).current as { choice: string },
    );
    expect(await stored(item.id)).toMatchObject({ choice: "include", reason: "仍需納入", decidedBy: "李承辦" });
  });

  it("a decision where none was made yet (base null), and a stale save that agrees, are not conflicts", async () => {
    const item = (await checklistOf(db, caseId)).items.find((i) => i.decisionKind === "placement")!;
    await db.decision.delete({ where: { caseId_itemId: { caseId, itemId: item.id } } });
    await saveDecision(db, caseId, item, { choice: "this-case" }, first, new Date(), null);
    await expect(saveDecision(db, caseId, item, { choice: "other-procurement", reference: "A-1" }, second, new Date(), null)).rejects.toBeInstanceOf(
      ConflictError,
    );
    await saveDecision(db, caseId, item, { choice: "this-case" }, second, new Date(), null);
    expect(await stored(item.id)).toMatchObject({ choice: "this-case", decidedBy: "李承辦" });
  });

  it("clause parameters: a save from a page loaded before another officer's is refused with their values", async () => {
    await setClauseParameters(db, caseId, { incidentNoticeHours: "4" }, first, {});
    const refused = await setClauseParameters(db, caseId, { incidentNoticeHours: "24" }, second, {}).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as ConflictError).current).toEqual({ incidentNoticeHours: 4 });
    expect((refused as ConflictError).message).toMatch(/王小明.*條款參數/);
    expect(JSON.parse((await db.case.findUniqueOrThrow({ where: { id: caseId } })).clauseParameters)).toEqual({ incidentNoticeHours: 4 });
    await setClauseParameters(db, caseId, { incidentNoticeHours: "24" }, second, { incidentNoticeHours: 4 });
    expect(JSON.parse((await db.case.findUniqueOrThrow({ where: { id: caseId } })).clauseParameters)).toEqual({ incidentNoticeHours: 24 });
  });
});
