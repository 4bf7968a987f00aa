import type { TActor } from "./actor";
import { WorkflowError } from "./errors";
import { transition, type TCaseState, type TTransitionContext } from "./state";

export type TRevisionSource = TCaseState & { caseGroupId: string; revision: number };

/** The workflow fields of the new revision row; the caller copies answers and decisions and writes it. */
export type TNewRevision = {
  agencyId: string;
  caseGroupId: string;
  revision: number;
  status: "draft";
  createdById: string;
  submittedAt: null;
  approvedAt: null;
  approvedById: null;
};

/**
 * An approved case is locked; a change starts revision n+1 in 草稿 within the same case group, and the
 * approved row stays readable and exportable. Only the newest revision may be revised, so the chain
 * stays linear (the unique (caseGroupId, revision) index backs this up under races).
 */
export function nextRevision(source: TRevisionSource, latestRevision: number, actor: TActor, context: TTransitionContext = {}): TNewRevision {
  transition(source, "revise", actor, context);
  if (latestRevision !== source.revision) throw new WorkflowError("not-latest", `此案件已有較新的修訂版（第 ${latestRevision} 版），請從最新版本修改`);
  return {
    agencyId: source.agencyId,
    caseGroupId: source.caseGroupId,
    revision: source.revision + 1,
    status: "draft",
    createdById: actor.id,
    submittedAt: null,
    approvedAt: null,
    approvedById: null,
  };
}
