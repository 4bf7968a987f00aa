import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDb } from "@/lib/db/client";
import { approveItems, decideCase, reviewItem, submitCase } from "@/lib/cases/workflow-ops";
import { saveDecision } from "@/lib/cases/decisions";
import { answerItem, returnedEntries, reviewLoop } from "@/lib/cases/review-loop";
import { approvalView } from "@/lib/cases/approval-view";
import { caseStepView, returnedBanner } from "@/lib/cases/case-step-view";
import { cisoWorklist } from "@/lib/cases/worklist";
import { caseLanding, getCase } from "@/lib/cases/store";
import { caseReviews } from "@/lib/cases/workflow-ops";
import { approvalProblems } from "@/lib/workflow/review-groups";
import { freshDb } from "../helpers/db";
import { createAgencyWithUsers } from "../helpers/people";
import { checklistOf, filledCase } from "../helpers/filled-case";

// Issue 14: the review loop — the CISO's worklist, a return the officer must answer, what changed, approval.

describe("the review loop", () => {
  let db: TDb;
  let cleanup: () => Promise<void>;
  let a: Awaited<ReturnType<typeof createAgencyWithUsers>>;
  let b: Awaited<ReturnType<typeof createAgencyWithUsers>>;

  beforeAll(async () => {
    ({ db, cleanup } = await freshDb());
    a = await createAgencyWithUsers(db, "審查迴圈市政府");
    b = await createAgencyWithUsers(db, "他機關縣政府");
  }, 60_000);
  afterAll(() => cleanup());

  const reviewsOf = async (caseId: string) =>
    (await caseReviews(db, caseId)).map((r) => ({ ...r, verdict: r.verdict as "approve" | "return" | "accept-risk" }));

  /** A submitted case of agency A, one ◎ item returned with a comment and the case returned. */
  async function returnedCase() {
    const caseId = await filledCase(db, a.officer);
    await submitCase(db, caseId, a.officer);
    const item = (await checklistOf(db, caseId)).items.find((i) => i.decisionKind === "choice")!;
    await reviewItem(db, caseId, { itemId: item.id, verdict: "return", comment: "請說明為何需要" }, a.ciso);
    await decideCase(db, caseId, "return", "請補充選配理由", a.ciso);
    return { caseId, item };
  }

  it("lists only the own agency's submitted cases, oldest first, and only for a CISO", async () => {
    const first = await filledCase(db, a.officer);
    await submitCase(db, first, a.officer);
    const second = await filledCase(db, a.officer);
    await submitCase(db, second, a.officer);
    const draft = await filledCase(db, a.officer);
    const other = await filledCase(db, b.officer);
    await submitCase(db, other, b.officer);

    const list = await cisoWorklist(db, a.ciso);
    const ids = list.map((e) => e.id);
    expect(ids.indexOf(first)).toBeLessThan(ids.indexOf(second));
    expect(ids).not.toContain(draft);
    expect(ids).not.toContain(other);
    const entry = list.find((e) => e.id === first)!;
    expect(entry.submittedBy).toBe("王小明");
    // Every included 「提請機關資安長確認」 item waits for the CISO's verdict.
    expect(entry.needVerdict).toBe(approvalProblems(await checklistOf(db, first), []).length);
    expect(entry.needVerdict).toBeGreaterThan(0);
    // Decisions that differ from the system's recommendation (the fixture decides without looking at them).
    const decided = (await checklistOf(db, first)).items.filter((i) => i.recommendation && i.decision);
    expect(entry.deviations).toBe(decided.filter((i) => i.decision!.choice !== i.recommendation!.decision).length);
    expect(entry.deviations).toBeLessThan(decided.length);
    expect((await cisoWorklist(db, b.ciso)).map((e) => e.id)).toEqual([other]);
    await expect(cisoWorklist(db, a.officer)).rejects.toMatchObject({ code: "forbidden" });
    await expect(cisoWorklist(db, a.admin)).rejects.toMatchObject({ code: "forbidden" });
    // A case under review opens on the approval page for the CISO, on step 1 for the officer.
    expect(await caseLanding(db, first, a.ciso)).toBe("approval");
    expect(await caseLanding(db, first, a.officer)).toBe("agency");
    expect(await caseLanding(db, first, b.ciso)).toBeNull();
  });

  it("a returned case's banner (steps, history, version pages) gives the CISO's comment and each returned item; no banner otherwise", async () => {
    const { caseId, item } = await returnedCase();
    const banner = await returnedBanner(db, (await getCase(db, caseId))!);
    expect(banner).toMatchObject({
      returnComment: "請補充選配理由",
      returnedItems: [expect.objectContaining({ itemId: item.id, text: item.filledText, comment: "請說明為何需要", dealtWith: false })],
    });
    // The same banner as the wizard steps show.
    const step = (await caseStepView(db, caseId, a.officer, "case"))!;
    expect({ returnComment: step.returnComment, returnedItems: step.returned }).toEqual(banner);
    await answerItem(db, caseId, { itemId: item.id, body: "依機關規範需要" }, a.officer);
    expect((await returnedBanner(db, (await getCase(db, caseId))!))!.returnedItems[0]!.dealtWith).toBe(true);
    await submitCase(db, caseId, a.officer);
    expect(await returnedBanner(db, (await getCase(db, caseId))!)).toBeNull();
  });

  it("blocks resubmission until every returned item has a new decision, a changed reason or an answer", async () => {
    const { caseId, item } = await returnedCase();
    expect(await caseLanding(db, caseId, a.officer)).toBe("review");
    await expect(submitCase(db, caseId, a.officer)).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: item.id, message: expect.stringMatching(/請說明為何需要/) })],
    });
    const entries = await returnedEntries(db, await checklistOf(db, caseId), caseId, await reviewsOf(caseId));
    expect(entries).toMatchObject([{ itemId: item.id, comment: "請說明為何需要", dealtWith: false }]);

    // Saving the same decision and reason again is not an answer.
    const current = (await checklistOf(db, caseId)).items.find((i) => i.id === item.id)!;
    await saveDecision(db, caseId, current, { choice: "include", reason: "測試：納入" }, a.officer);
    await expect(submitCase(db, caseId, a.officer)).rejects.toMatchObject({ issues: [expect.objectContaining({ path: item.id })] });

    // An answer to the comment is.
    await expect(answerItem(db, caseId, { itemId: item.id, body: "" }, a.officer)).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: "body" })],
    });
    await expect(answerItem(db, caseId, { itemId: item.id, body: "別人的回覆" }, b.officer)).rejects.toMatchObject({ code: "not-found" });
    await expect(answerItem(db, caseId, { itemId: item.id, body: "資安長不能回覆" }, a.ciso)).rejects.toMatchObject({ code: "invalid" });
    await answerItem(db, caseId, { itemId: item.id, body: "本系統對外服務，依機關規範納入" }, a.officer);
    expect((await returnedEntries(db, await checklistOf(db, caseId), caseId, await reviewsOf(caseId)))[0]!.dealtWith).toBe(true);
    await submitCase(db, caseId, a.officer);
    expect((await db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe("submitted");
    // Answering is only for a returned case.
    await expect(answerItem(db, caseId, { itemId: item.id, body: "再補充" }, a.officer)).rejects.toMatchObject({ code: "invalid" });
  });

  it("a changed reason lets the case go back; the CISO sees old → new and the thread, and unchanged approvals stand", async () => {
    const caseId = await filledCase(db, a.officer);
    await submitCase(db, caseId, a.officer);
    const choices = (await checklistOf(db, caseId)).items.filter((i) => i.decisionKind === "choice" && !i.cisoConfirm);
    const [returned, kept] = [choices[0]!, choices[1]!];
    await reviewItem(db, caseId, { itemId: kept.id, verdict: "approve" }, a.ciso);
    await reviewItem(db, caseId, { itemId: returned.id, verdict: "return", comment: "理由不足" }, a.ciso);
    await decideCase(db, caseId, "return", "請修正", a.ciso);
    const current = (await checklistOf(db, caseId)).items.find((i) => i.id === returned.id)!;
    await saveDecision(db, caseId, current, { choice: "exclude", reason: "預算不足，改由機關既有機制辦理" }, a.officer);
    await submitCase(db, caseId, a.officer);

    const loop = await reviewLoop(db, caseId, await reviewsOf(caseId));
    expect(loop.changes).toEqual([
      {
        itemId: returned.id,
        before: { choice: "include", reason: "測試：納入", reference: "" },
        after: { choice: "exclude", reason: "預算不足，改由機關既有機制辦理", reference: "" },
      },
    ]);
    const view = await approvalView(db, caseId, a.ciso);
    if (!view?.open) throw new Error("the case should be open for review");
    const changed = view.needsYou.find((i) => i.id === returned.id)!;
    expect(changed.why).toEqual(expect.arrayContaining(["曾退回", "承辦人已修改"]));
    expect(changed.change).toEqual({ before: "納入本案．理由：測試：納入", after: "不納入本案．理由：預算不足，改由機關既有機制辦理" });
    expect(changed.thread.map((t) => [t.who, t.text])).toEqual([["林資安長", "退回：理由不足"]]);
    // The unchanged, approved item stays approved and is not in 「須您確認」.
    const stays = view.reviewable.find((i) => i.id === kept.id)!;
    expect(stays.verdict).toMatchObject({ verdict: "approve", stale: false });
    expect(view.approvableAtOnce).not.toContain(kept.id);
    expect(view.facts).toEqual(
      expect.arrayContaining([
        { label: "契約金額", value: "新臺幣 9,999,999 元" },
        { label: "資通安全責任等級", value: expect.stringMatching(/級/) },
      ]),
    );
    // The returned item blocks approval until the CISO decides it again.
    expect(view.problems.some((p) => p.href === `#review-${returned.id}`)).toBe(true);
  });

  it("approves 「可檢視」 in one action but never a risk item or a returned one; a risk acceptance states the risk", async () => {
    const caseId = await filledCase(db, a.officer);
    await submitCase(db, caseId, a.officer);
    const view = await approvalView(db, caseId, a.ciso);
    if (!view?.open) throw new Error("the case should be open for review");
    const risk = view.needsYou.find((i) => i.riskAcceptance)!;
    await expect(approveItems(db, caseId, [risk.id], a.ciso)).rejects.toMatchObject({ issues: [expect.objectContaining({ path: risk.id })] });
    await expect(approveItems(db, caseId, view.approvableAtOnce, a.officer)).rejects.toMatchObject({ code: "invalid" });
    expect(await approveItems(db, caseId, view.approvableAtOnce, a.ciso)).toBe(view.approvableAtOnce.length);
    const after = await approvalView(db, caseId, a.ciso);
    if (!after?.open) throw new Error("still open");
    expect(after.approvableAtOnce).toEqual([]);

    await expect(
      reviewItem(db, caseId, { itemId: risk.id, verdict: "accept-risk", comment: "已要求第三方檢測", reviewBy: "2099-13-40" }, a.ciso),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: "reviewBy" })] });
    for (const item of after.needsYou.filter((i) => i.riskAcceptance))
      await reviewItem(db, caseId, { itemId: item.id, verdict: "accept-risk", comment: "已要求第三方檢測", reviewBy: "2099-06-30" }, a.ciso);
    const row = await db.review.findFirstOrThrow({ where: { caseId, itemId: risk.id, verdict: "accept-risk" } });
    expect(row.riskStatement).toContain(risk.text);
    expect(row.riskStatement).toContain("已要求第三方檢測");
    expect(row.riskStatement).toContain("接受者：林資安長");
    expect(row.riskReviewBy?.toISOString()).toBe("2099-06-29T16:00:00.000Z");
    await decideCase(db, caseId, "approve", "", a.ciso);
    const record = await getCase(db, caseId);
    expect(record?.status).toBe("approved");
    // After approving the page confirms it (not 「不在送審狀態」).
    const done = await approvalView(db, caseId, a.ciso);
    expect(done).toMatchObject({ open: false, lastCaseVerdict: { verdict: "approve", reviewerId: a.ciso.id } });
  });

  it("never carries an earlier comment into a new verdict", async () => {
    const { caseId, item } = await returnedCase();
    await answerItem(db, caseId, { itemId: item.id, body: "已補充" }, a.officer);
    await submitCase(db, caseId, a.officer);
    await reviewItem(db, caseId, { itemId: item.id, verdict: "approve", comment: "" }, a.ciso);
    const latest = await db.review.findFirstOrThrow({ where: { caseId, itemId: item.id }, orderBy: { at: "desc" } });
    expect(latest).toMatchObject({ verdict: "approve", comment: "" });
    const view = await approvalView(db, caseId, a.ciso);
    if (!view?.open) throw new Error("open");
    const entry = [...view.needsYou, ...view.reviewable].find((i) => i.id === item.id)!;
    expect(entry.thread.map((t) => t.text)).toEqual(["退回：請說明為何需要", "已補充", "同意"]);
  });
});
