import type { TWorkflowChecklist, TWorkflowItem } from "./checklist-view";
import { itemProblem, stepProblems, type TProblem } from "./problems";
import { decisionChanges, returnedItems, type TItemAnswer, type TItemReview, type TSubmittedDecision } from "./reviews";

/** What an item still lacks before the case may be submitted, or null. */
function itemMessage(item: TWorkflowItem): string | null {
  const d = item.decision;
  if (item.decisionKind === "choice") {
    if (!d) return item.status === "needs-decision" ? "本項須依案件情形判斷：請決定是否納入本案並說明理由" : "◎ 選擇項目：請決定是否納入本案並說明理由";
    if (!d.reason.trim()) return "請說明納入或不納入本案的理由";
  }
  if (item.decisionKind === "placement") {
    if (!d) return "▲ 項目依責任等級應辦理：請決定於本案辦理，或已納入他案辦理";
    if (d.choice === "other-procurement" && !d.reference.trim()) return "已選擇納入他案辦理，請填寫他案名稱或案號";
  }
  return null;
}

/**
 * Submission needs every wizard step complete, a decision with a reason for every ◎ / needs-decision item,
 * and a placement for every required ▲ item (with the other procurement named when it goes there).
 * Empty: the case may be submitted.
 */
export function submissionProblems(checklist: TWorkflowChecklist): TProblem[] {
  if (!checklist.ok) return stepProblems(checklist.issues);
  return checklist.items.flatMap((item) => {
    const message = itemMessage(item);
    return message ? [itemProblem(item, message)] : [];
  });
}

/**
 * Resubmitting a returned case: every item the CISO returned needs something new from the officer — a
 * different decision or reason than was submitted, or an answer to the comment written after the return.
 * `previous` is the last submission's decisions (null for a case submitted before they were kept: then a
 * decision saved after the return counts as new). Empty: nothing returned is left unanswered.
 */
export function resubmissionProblems(
  checklist: TWorkflowChecklist,
  reviews: readonly TItemReview[],
  previous: Record<string, TSubmittedDecision> | null,
  answers: readonly TItemAnswer[],
): TProblem[] {
  if (!checklist.ok) return [];
  const byId = new Map(checklist.items.map((i) => [i.id, i]));
  return returnedItems(reviews).flatMap((r) => {
    const item = byId.get(r.itemId);
    if (!item) return [];
    if (answers.some((a) => a.itemId === r.itemId && a.at.getTime() > r.at.getTime())) return [];
    const d = item.decision;
    const changed = previous
      ? decisionChanges({ [r.itemId]: previous[r.itemId] ?? { choice: "", reason: "", reference: "" } }, d ? { [r.itemId]: d } : {}).length > 0
      : !!d?.decidedAt && d.decidedAt.getTime() > r.at.getTime();
    if (changed) return [];
    return [itemProblem(item, `資安長已退回本項${r.comment ? `（${r.comment}）` : ""}：請修改決定或理由，或回覆資安長的意見後再送審`)];
  });
}
