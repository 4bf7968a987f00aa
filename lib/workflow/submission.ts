import type { TWorkflowChecklist, TWorkflowItem } from "./checklist-view";
import { itemProblem, stepProblems, type TProblem } from "./problems";

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
