import { DRAFT_SCHEMAS, STEPS, STEP_LABEL, type TFormStep, type TStep, type TStepIssue } from "../cases/answers";
import type { TServiceTypeKey } from "../catalogue/schema";
import type { TWorkflowItem } from "./checklist-view";

/** Something that stands in the way of submitting or approving; the page links each to its item or step. */
export type TItemProblem = { kind: "item"; itemId: string; serviceType: TServiceTypeKey; text: string; message: string };
/** `step` is null only when the answers are incomplete without a step to point at. */
export type TStepProblem = { kind: "step"; step: TFormStep | "agency" | null; message: string };
export type TProblem = TItemProblem | TStepProblem;

export const itemProblem = (item: TWorkflowItem, message: string): TItemProblem => ({
  kind: "item",
  itemId: item.id,
  serviceType: item.serviceType,
  text: item.filledText,
  message,
});

type TIssueStep = TFormStep | "agency";
const isFormStep = (step: TStep): step is TIssueStep => step === "agency" || step in DRAFT_SCHEMAS;

/** One problem per incomplete wizard step, in the wizard's order, naming the step and what it lacks. */
export function stepProblems(issues: readonly TStepIssue[]): TStepProblem[] {
  const byStep = new Map<TIssueStep, string[]>();
  for (const issue of issues) {
    const messages = byStep.get(issue.step) ?? [];
    if (!messages.includes(issue.message)) messages.push(issue.message);
    byStep.set(issue.step, messages);
  }
  const problems = STEPS.filter(isFormStep).flatMap((step): TStepProblem[] => {
    const messages = byStep.get(step);
    return messages ? [{ kind: "step", step, message: `「${STEP_LABEL[step]}」步驟尚未完成：${messages.join("；")}` }] : [];
  });
  return problems.length ? problems : [{ kind: "step", step: null, message: "案件資料尚未完成，請回到各步驟檢查" }];
}
