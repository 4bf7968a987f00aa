import { z } from "zod";
import { ROLE_LABEL, type TActor, type TRole } from "./actor";
import { WorkflowError, type TWorkflowErrorCode } from "./errors";

/**
 * The case state machine (issue 4): 草稿 → 送審 → 核准 or 退回; 退回 → 送審 again; 核准 is locked and
 * only a new revision (in 草稿) moves on. Pure: the caller loads the case, asks here, then writes.
 */

export const CASE_STATUSES = ["draft", "submitted", "returned", "approved"] as const;
export const ZCaseStatus = z.enum(CASE_STATUSES);
export type TCaseStatus = z.infer<typeof ZCaseStatus>;
export const CASE_STATUS_LABEL: Record<TCaseStatus, string> = {
  draft: "草稿",
  submitted: "送審",
  returned: "退回",
  approved: "核准",
};

/** `review` records the CISO's verdict on one item (approve / return / accept-risk) while the case is under review. */
export const WORKFLOW_ACTIONS = ["edit", "submit", "return", "approve", "review", "revise"] as const;
export const ZWorkflowAction = z.enum(WORKFLOW_ACTIONS);
export type TWorkflowAction = z.infer<typeof ZWorkflowAction>;
export const ACTION_LABEL: Record<TWorkflowAction, string> = {
  edit: "修改案件",
  submit: "送審",
  return: "退回案件",
  approve: "核准案件",
  review: "審查項目",
  revise: "建立新修訂版",
};

/** What the state machine needs of a case row. */
export type TCaseState = { agencyId: string; status: TCaseStatus; createdById: string };

export type TTransitionContext = {
  /** The comment typed with the action; `return` needs one. */
  comment?: string;
  /** Users who appear as editors in the case's audit/decision history; needed for `approve` and `review`. */
  editorIds?: ReadonlySet<string>;
};

type TAllowed = {
  role: TRole;
  to: TCaseStatus;
  needsComment?: true;
  /** Separation of duties: refused to anyone who edited the case. */
  notByEditor?: true;
  /** `to` is the status of a new revision row; the approved row itself stays as it is. */
  newRevision?: true;
};
type TRefused = { refuse: Extract<TWorkflowErrorCode, "locked" | "status">; message: string };
type TCell = TAllowed | TRefused;

const LOCKED = "已核准的案件已鎖定，請建立新修訂版再修改";
const notYetSubmitted = (what: string): TRefused => ({ refuse: "status", message: `案件尚未送審，無法${what}` });
const onlyWhenSubmitted = (what: string): TRefused => ({
  refuse: "status",
  message: `案件已退回承辦人，須待重新送審後才能${what}`,
});

/**
 * Every status × action has a decision; the type makes a new status or action without one a compile error,
 * and the table-driven test enumerates them all.
 */
export const TRANSITIONS: Readonly<Record<TCaseStatus, Readonly<Record<TWorkflowAction, TCell>>>> = {
  draft: {
    edit: { role: "officer", to: "draft" },
    submit: { role: "officer", to: "submitted" },
    return: notYetSubmitted("退回"),
    approve: notYetSubmitted("核准"),
    review: notYetSubmitted("審查"),
    revise: { refuse: "status", message: "案件尚未核准，可直接修改，不需建立新修訂版" },
  },
  submitted: {
    edit: { refuse: "status", message: "案件已送審，審查期間不能修改；如需修改請由資安長退回" },
    submit: { refuse: "status", message: "案件已送審，請等候資安長審查" },
    return: { role: "ciso", to: "returned", needsComment: true },
    approve: { role: "ciso", to: "approved", notByEditor: true },
    review: { role: "ciso", to: "submitted", notByEditor: true },
    revise: { refuse: "status", message: "案件尚未核准，不能建立新修訂版" },
  },
  returned: {
    // Fixing a returned case keeps it 退回 (the CISO's comments stay in view) until it is submitted again.
    edit: { role: "officer", to: "returned" },
    submit: { role: "officer", to: "submitted" },
    return: onlyWhenSubmitted("退回"),
    approve: onlyWhenSubmitted("核准"),
    review: onlyWhenSubmitted("審查"),
    revise: { refuse: "status", message: "案件尚未核准，可直接修改後重新送審，不需建立新修訂版" },
  },
  approved: {
    edit: { refuse: "locked", message: LOCKED },
    submit: { refuse: "locked", message: LOCKED },
    return: { refuse: "locked", message: "已核准的案件已鎖定，不能退回；如需修改請建立新修訂版" },
    approve: { refuse: "locked", message: "案件已核准" },
    review: { refuse: "locked", message: "已核准的案件已鎖定，不能再審查" },
    revise: { role: "officer", to: "draft", newRevision: true },
  },
};

export type TTransitionResult = { ok: true; to: TCaseStatus; newRevision: boolean } | { ok: false; error: WorkflowError };

const refuse = (code: TWorkflowErrorCode, message: string): TTransitionResult => ({
  ok: false,
  error: new WorkflowError(code, message),
});

function check(kase: TCaseState, action: TWorkflowAction, actor: TActor, context: TTransitionContext, requireInput: boolean): TTransitionResult {
  // The tenant boundary comes first: another agency learns nothing about the case.
  if (actor.agencyId !== kase.agencyId) return refuse("other-agency", "此案件不屬於您的機關，您不能存取或處理");
  const cell = TRANSITIONS[kase.status][action];
  if ("refuse" in cell) return refuse(cell.refuse, cell.message);
  if (!actor.roles.includes(cell.role)) return refuse("role", `只有本機關的${ROLE_LABEL[cell.role]}可以${ACTION_LABEL[action]}`);
  if (cell.notByEditor) {
    // Fail closed: without the editor history the rule cannot be checked.
    if (!context.editorIds) return refuse("editors-unknown", `無法確認此案件的編輯紀錄，暫不能${ACTION_LABEL[action]}`);
    // Creating the case is editing it, whether or not the caller's history says so.
    if (context.editorIds.has(actor.id) || kase.createdById === actor.id)
      return refuse("own-edit", `您曾編輯此案件，依職務分離原則不能${ACTION_LABEL[action]}，請由其他資安長處理`);
  }
  if (cell.needsComment && requireInput && !context.comment?.trim()) return refuse("comment-required", "退回時請填寫意見，說明需要修正之處");
  return { ok: true, to: cell.to, newRevision: cell.newRevision === true };
}

/** The full check, including the input the action carries (a return's comment). */
export function checkTransition(kase: TCaseState, action: TWorkflowAction, actor: TActor, context: TTransitionContext = {}): TTransitionResult {
  return check(kase, action, actor, context, true);
}

/** Whether to offer the action (e.g. show the button): every rule except the comment typed when taking it. */
export function canTransition(kase: TCaseState, action: TWorkflowAction, actor: TActor, context: TTransitionContext = {}): boolean {
  return check(kase, action, actor, context, false).ok;
}

/** The status after the action (for `revise`: the new revision's), or throws a WorkflowError. */
export function transition(kase: TCaseState, action: TWorkflowAction, actor: TActor, context: TTransitionContext = {}): TCaseStatus {
  const result = checkTransition(kase, action, actor, context);
  if (!result.ok) throw result.error;
  return result.to;
}

/** The actions to offer this actor on this case. */
export function allowedActions(kase: TCaseState, actor: TActor, context: TTransitionContext = {}): TWorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => canTransition(kase, action, actor, context));
}

/**
 * What a page asks before it offers something: may `actor` take `action` on `kase` now? Every rule of
 * the table except the comment typed when taking it; a page never restates the table.
 */
export function can(kase: TCaseState, action: TWorkflowAction, actor: TActor, context: TTransitionContext = {}): boolean {
  return canTransition(kase, action, actor, context);
}
