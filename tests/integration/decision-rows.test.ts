import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDb } from "@/lib/db/client";
import type { TActor } from "@/lib/auth/roles";
import { createCase, getCase, saveAnswers, ConflictError } from "@/lib/cases/store";
import { saveDecision } from "@/lib/cases/decisions";
import { adoptRecommendations, decideRows, mergeRow, splitRow } from "@/lib/cases/decide";
import { decisionRows, INCONSISTENT_FLAG, rowDetails } from "@/lib/cases/decision-rows";
import { listReasonPresets, saveReasonPresets } from "@/lib/agency/reason-presets";
import { freshDb } from "../helpers/db";
import { createAgencyWithUsers } from "../helpers/people";
import { addUser, checklistOf, FILLED_ANSWERS } from "../helpers/filled-case";

// Issue 13: one decision per requirement row, bulk decide, presets, split/merge, stale saves, old decisions.

describe("decisions per requirement row", () => {
  let db: TDb;
  let cleanup: () => Promise<void>;
  let officer: TActor;
  let other: TActor;
  let admin: TActor;

  beforeAll(async () => {
    ({ db, cleanup } = await freshDb());
    ({ officer, admin } = await createAgencyWithUsers(db, "列決定市政府"));
    other = await addUser(db, officer.agencyId, ["officer"], "李承辦");
  }, 60_000);
  afterAll(() => cleanup());

  /** 開發 + 維運: several requirements come from both types. */
  async function twoTypeCase() {
    const caseId = await createCase(db, officer);
    await saveAnswers(db, caseId, "case", { ...FILLED_ANSWERS.case, serviceTypes: ["development", "maintenance"] }, officer);
    await saveAnswers(db, caseId, "grade", FILLED_ANSWERS.grade, officer);
    await saveAnswers(db, caseId, "facts", { ...FILLED_ANSWERS.facts, personalData: "yes" }, officer);
    return caseId;
  }
  async function rowsOf(caseId: string) {
    const checklist = await checklistOf(db, caseId);
    const record = (await getCase(db, caseId))!;
    return { checklist, rows: decisionRows(checklist, record.splits, new Map(record.decisions.map((d) => [d.itemId, d.version]))) };
  }
  const audits = (caseId: string, action: string) => db.auditEntry.findMany({ where: { targetId: caseId, action } });

  it("a row decision writes every copy of the row in one audit entry; its status reads as decided", async () => {
    const caseId = await twoTypeCase();
    const { checklist, rows } = await rowsOf(caseId);
    const row = rows.find((r) => r.kind === "choice" && r.decidable.length > 1)!;
    expect(row).toBeDefined();
    await decideRows(db, caseId, checklist, { keys: [row.key] }, { choice: "exclude", reason: "本案不涉及" }, row.bases, officer);
    const stored = await db.decision.findMany({ where: { caseId, itemId: { in: row.decidable } } });
    expect(stored.map((d) => [d.choice, d.version, d.origin])).toEqual(row.decidable.map(() => ["exclude", 1, "manual"]));
    const after = (await rowsOf(caseId)).rows.find((r) => r.key === row.key)!;
    expect(after.state).toBe("decided");
    expect(await audits(caseId, "decision.save")).toHaveLength(1);
  });

  it("a ▲ row the level does not require offers 另案辦理 with its contract; 不辦理 needs a reason; ◎ rows cannot be placed elsewhere", async () => {
    const caseId = await twoTypeCase();
    const { checklist, rows } = await rowsOf(caseId);
    const triangle = rows.find((r) => r.kind === "choice" && r.mark === "▲")!;
    const plain = rows.find((r) => r.kind === "choice" && r.mark !== "▲")!;
    expect(triangle).toBeDefined();
    expect(plain).toBeDefined();
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: { issues?: { path: string; message: string }[] }) => e.issues ?? [],
      );
    expect(
      await refusal(decideRows(db, caseId, checklist, { keys: [triangle.key] }, { choice: "other-procurement", reason: "" }, triangle.bases, officer)),
    ).toEqual([{ path: "reference", message: "請填寫納入辦理之他案名稱或案號" }]);
    expect(await refusal(decideRows(db, caseId, checklist, { keys: [triangle.key] }, { choice: "exclude", reason: " " }, triangle.bases, officer))).toEqual([
      { path: "reason", message: "請說明理由" },
    ]);
    expect(
      await refusal(decideRows(db, caseId, checklist, { keys: [plain.key] }, { choice: "other-procurement", reference: "機關SOC案" }, plain.bases, officer)),
    ).not.toBeNull();

    await decideRows(
      db,
      caseId,
      checklist,
      { keys: [triangle.key] },
      { choice: "other-procurement", reason: "", reference: "113年度全機關SOC監控服務案" },
      triangle.bases,
      officer,
    );
    const after = await rowsOf(caseId);
    const row = after.rows.find((r) => r.key === triangle.key)!;
    expect(row.state).toBe("decided");
    expect([row.decision?.choice, row.decision?.reference]).toEqual(["other-procurement", "113年度全機關SOC監控服務案"]);
    const { placementOf } = await import("@/lib/export/model/inclusion");
    const item = after.checklist.items.find((i) => i.id === triangle.decidable[0])!;
    expect(placementOf(item)).toBe("elsewhere");
  });

  it("a row's details (loaded when opened) give each copy's status and reasons; an unknown row gives none", async () => {
    const caseId = await twoTypeCase();
    const { checklist, rows } = await rowsOf(caseId);
    const row = rows.find((r) => r.items.length > 1)!;
    const details = rowDetails(checklist, row.key)!;
    expect(details.copies.map((c) => [c.id, c.serviceType, c.status])).toEqual(row.items.map((i) => [i.id, i.serviceType, i.status]));
    expect(details.copies.every((c) => c.reasons.length > 0)).toBe(true);
    expect(rowDetails(checklist, "r-0000000000000000")).toBeNull();
  });

  it("a ◎ copy of a ● row asks nothing (one contract, one answer)", async () => {
    const caseId = await twoTypeCase();
    const { rows } = await rowsOf(caseId);
    const mixed = rows.find((r) => r.status === "standard" && r.mark !== "▲" && r.items.some((i) => i.status === "optional"));
    expect(mixed).toBeDefined(); // 不得為大陸地區廠商…: ● under 開發, ◎ under 維運
    expect(mixed!.kind).toBeNull();
    expect(mixed!.items.every((i) => i.decisionKind === null)).toBe(true);
  });

  it("a stale save, single or bulk, is refused with the other person's decision and writes nothing", async () => {
    const caseId = await twoTypeCase();
    const { checklist, rows } = await rowsOf(caseId);
    const [a, b] = rows.filter((r) => r.kind === "choice");
    await decideRows(db, caseId, checklist, { keys: [a!.key] }, { choice: "include", reason: "先到" }, a!.bases, other);
    const refused = await decideRows(
      db,
      caseId,
      checklist,
      { keys: [a!.key, b!.key] },
      { choice: "exclude", reason: "後到" },
      { ...a!.bases, ...b!.bases },
      officer,
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    const current = (refused as ConflictError).current as Record<string, { choice: string; decidedBy: string }>;
    expect(Object.values(current)[0]).toMatchObject({ choice: "include", decidedBy: "李承辦" });
    expect(await db.decision.count({ where: { caseId, itemId: { in: b!.decidable } } })).toBe(0);
    // With the fresh versions the same save goes through.
    const fresh = (await rowsOf(caseId)).rows;
    const bases = { ...fresh.find((r) => r.key === a!.key)!.bases, ...fresh.find((r) => r.key === b!.key)!.bases };
    await decideRows(db, caseId, checklist, { keys: [a!.key, b!.key] }, { choice: "exclude", reason: "後到" }, bases, officer);
    expect((await db.decision.findMany({ where: { caseId } })).every((d) => d.choice === "exclude")).toBe(true);
  });

  it("bulk: selected rows with one reason are one transaction and ONE audit entry listing every item", async () => {
    const caseId = await twoTypeCase();
    const { checklist, rows } = await rowsOf(caseId);
    const picked = rows.filter((r) => r.kind === "choice").slice(0, 4);
    const bases = Object.assign({}, ...picked.map((r) => r.bases));
    await decideRows(db, caseId, checklist, { keys: picked.map((r) => r.key) }, { choice: "exclude", reason: "預算已另案編列" }, bases, officer);
    const [entry] = await audits(caseId, "decision.bulk");
    const listed = (JSON.parse(entry!.after!) as { itemId: string }[]).map((x) => x.itemId).sort();
    expect(listed).toEqual(picked.flatMap((r) => r.decidable).sort());
    // Mixed kinds in one click are refused at once.
    const placement = rows.find((r) => r.kind === "placement");
    if (placement)
      await expect(
        decideRows(db, caseId, checklist, { keys: [picked[0]!.key, placement.key] }, { choice: "include", reason: "x" }, {}, officer),
      ).rejects.toThrow(/同為/);
  });

  it("全部採用建議 decides every open row that has a recommendation, its reason recorded, origin recommendation", async () => {
    const caseId = await twoTypeCase();
    const { checklist, rows } = await rowsOf(caseId);
    const withRec = rows.filter((r) => r.kind && r.recommendation);
    const without = rows.filter((r) => r.kind && !r.recommendation);
    expect(withRec.length).toBeGreaterThan(0);
    await adoptRecommendations(db, caseId, checklist, Object.assign({}, ...rows.map((r) => r.bases)), officer);
    const stored = await db.decision.findMany({ where: { caseId } });
    expect(stored).toHaveLength(withRec.reduce((n, r) => n + r.decidable.length, 0));
    expect(stored.every((d) => d.origin === "recommendation")).toBe(true);
    for (const r of withRec)
      for (const id of r.decidable)
        expect(stored.find((d) => d.itemId === id)).toMatchObject({ choice: r.recommendation!.decision, reason: r.recommendation!.reason });
    const after = (await rowsOf(caseId)).rows;
    for (const r of without) expect(after.find((x) => x.key === r.key)!.state).toBe("open");
    // A second click finds nothing open with a recommendation: no write, no entry.
    expect(await adoptRecommendations(db, caseId, (await rowsOf(caseId)).checklist, {}, officer)).toEqual({});
    expect(await audits(caseId, "decision.bulk")).toHaveLength(1);
  });

  it("split asks for a reason, lets each type decide, and merges back; both audited", async () => {
    const caseId = await twoTypeCase();
    const { checklist, rows } = await rowsOf(caseId);
    const row = rows.find((r) => r.kind === "choice" && r.decidable.length > 1)!;
    await expect(splitRow(db, caseId, checklist, row.key, " ", officer)).rejects.toMatchObject({ issues: [{ path: "reason" }] });
    await splitRow(db, caseId, checklist, row.key, "維運另有合約", officer);
    const [first, second] = row.decidable;
    await decideRows(db, caseId, checklist, { keys: [row.key], itemIds: [first!] }, { choice: "include", reason: "開發需要" }, { [first!]: null }, officer);
    await decideRows(db, caseId, checklist, { keys: [row.key], itemIds: [second!] }, { choice: "exclude", reason: "維運不需要" }, { [second!]: null }, officer);
    let now = (await rowsOf(caseId)).rows.find((r) => r.key === row.key)!;
    expect(now.state).toBe("split");
    expect(now.split?.reason).toBe("維運另有合約");
    await mergeRow(db, caseId, row.key, officer);
    now = (await rowsOf(caseId)).rows.find((r) => r.key === row.key)!;
    expect(now.state).toBe("inconsistent"); // the copies still disagree until one decision is saved
    expect(await audits(caseId, "decision.split")).toHaveLength(1);
    expect(await audits(caseId, "decision.merge")).toHaveLength(1);
  });

  it("old per-type decisions: agreeing ones read as one row decision, disagreeing ones as flagged for review", async () => {
    const caseId = await twoTypeCase();
    const { checklist, rows } = await rowsOf(caseId);
    const [agree, disagree] = rows.filter((r) => r.kind === "choice" && r.decidable.length > 1);
    const byId = new Map(checklist.items.map((i) => [i.id, i]));
    for (const id of agree!.decidable) await saveDecision(db, caseId, byId.get(id)!, { choice: "include", reason: "舊決定" }, officer);
    await saveDecision(db, caseId, byId.get(disagree!.decidable[0]!)!, { choice: "include", reason: "開發" }, officer);
    await saveDecision(db, caseId, byId.get(disagree!.decidable[1]!)!, { choice: "exclude", reason: "維運" }, officer);
    const now = (await rowsOf(caseId)).rows;
    expect(now.find((r) => r.key === agree!.key)).toMatchObject({ state: "decided", decision: { choice: "include", reason: "舊決定" } });
    expect(now.find((r) => r.key === disagree!.key)!.state).toBe("inconsistent");
    expect(INCONSISTENT_FLAG).toBe("需確認：各服務類型決定不一致");
  });

  it("reason presets: the admin keeps the list; a stale list is refused; bad input is named at the field", async () => {
    expect(await listReasonPresets(db, admin.agencyId)).toEqual([]);
    await saveReasonPresets(db, admin, ["本案不涉及個人資料", "預算已另案編列"], []);
    expect(await listReasonPresets(db, admin.agencyId)).toEqual(["本案不涉及個人資料", "預算已另案編列"]);
    await expect(saveReasonPresets(db, admin, ["x"], [])).rejects.toMatchObject({ code: "conflict" });
    await expect(saveReasonPresets(db, admin, ["a", "a"], ["本案不涉及個人資料", "預算已另案編列"])).rejects.toMatchObject({ code: "invalid" });
    await expect(saveReasonPresets(db, admin, [""], ["本案不涉及個人資料", "預算已另案編列"])).rejects.toMatchObject({ issues: [{ path: "presets.0" }] });
    expect(await db.auditEntry.count({ where: { action: "agency.reason-presets", agencyId: admin.agencyId } })).toBe(1);
  });
});
