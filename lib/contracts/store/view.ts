import type { TDb } from "../../db/client";
import type { TActor } from "../../auth/roles";
import { taipeiToday } from "../../time";
import { listFiles, type TStoredFileMeta } from "../../files/store";
import { contractFor } from "./access";
import { EVIDENCE_OWNER } from "./evidence";
import { incidentViews, type TIncidentView } from "./incidents";
import { obligationStatus, type TObligationStatus } from "./status";
import { contractAssessments } from "../../vendor/assessment/summary";

export type TObligationView = {
  id: string;
  title: string;
  owner: "vendor" | "agency";
  kind: string;
  basis: string;
  dueOn: string | null;
  itemId: string | null;
  pmItemId: number | null;
  status: TObligationStatus;
  active: boolean;
  reviewComment: string;
  reviewedByName: string;
  files: TStoredFileMeta[];
  events: { action: string; comment: string; fileId: string | null; byName: string; at: Date }[];
};

/** Everything /contracts/[id] shows: the contract, its revision, milestones, obligations (status at `now`, Taipei), incidents. */
export async function contractView(db: TDb, id: string, actor: TActor, now: Date = new Date()) {
  const contract = await contractFor(db, id, actor);
  const today = taipeiToday(now);
  const [record, milestones, obligations, revisions] = await Promise.all([
    db.case.findUniqueOrThrow({ where: { id: contract.caseId }, select: { id: true, title: true, revision: true } }),
    db.contractMilestone.findMany({ where: { contractId: id }, orderBy: { position: "asc" } }),
    db.obligation.findMany({
      where: { contractId: id },
      orderBy: [{ dueOn: "asc" }, { key: "asc" }],
      include: { events: { orderBy: [{ at: "asc" }, { id: "asc" }] } },
    }),
    db.case.findMany({
      where: { caseGroupId: contract.caseGroupId, status: "approved" },
      select: { id: true, revision: true, approvedAt: true },
      orderBy: { revision: "asc" },
    }),
  ]);
  const files = await listFiles(db, { agencyId: contract.agencyId, ownerType: EVIDENCE_OWNER, ownerIds: obligations.map((o) => o.id) });
  const filesOf = new Map<string, TStoredFileMeta[]>();
  for (const f of files) filesOf.set(f.ownerId, [...(filesOf.get(f.ownerId) ?? []), f]);
  const views: TObligationView[] = obligations.map((o) => ({
    id: o.id,
    title: o.title,
    owner: o.owner as "vendor" | "agency",
    kind: o.kind,
    basis: o.basis,
    dueOn: o.dueOn,
    itemId: o.itemId,
    pmItemId: o.pmItemId,
    status: obligationStatus(o, today),
    active: o.active,
    reviewComment: o.reviewComment,
    reviewedByName: o.reviewedByName,
    files: filesOf.get(o.id) ?? [],
    events: o.events.map((e) => ({ action: e.action, comment: e.comment, fileId: e.fileId, byName: e.byName, at: e.at })),
  }));
  const incidents: TIncidentView[] = await incidentViews(db, contract, now);
  // The vendors' self-assessments: their summary and 不符合事項 beside the obligations (open ones count as due / overdue).
  const vendorAssessments = await contractAssessments(db, contract, now);
  return {
    contract,
    record,
    today,
    milestones,
    obligations: views,
    incidents,
    vendorAssessments,
    laterRevisions: revisions.filter((r) => r.revision > record.revision),
  };
}
export type TContractView = Awaited<ReturnType<typeof contractView>>;
