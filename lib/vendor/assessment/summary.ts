import type { TDb } from "../../db/client";
import type { TTx } from "../../audit/tx";
import { hasRole, type TActor } from "../../auth/roles";
import { DomainError } from "../../errors";
import { getCase } from "../../cases/store";
import { taipeiToday } from "../../time";
import { windowEnd } from "../../contracts/store/status";
import { assessmentRows } from "./rows";
import type { TAssessmentStatus } from "./rules";

/**
 * What the CISO (and the officer) reads of the vendors' self-assessments: counts of 是 / 否 / 不適用 /
 * returned / open nonconformities, and the overdue nonconformities (row, vendor, due date, days overdue).
 * A nonconformity's status is computed at read time (Asia/Taipei), like an obligation's.
 */

export type TNonconformityStatus = "not-due" | "due" | "overdue" | "closed";
export const NONCONFORMITY_STATUS_LABEL: Record<TNonconformityStatus, string> = { "not-due": "未到期", due: "即將到期", overdue: "逾期", closed: "已結案" };

export function nonconformityStatus(n: { closedAt: Date | null; dueOn: string }, today: string): TNonconformityStatus {
  if (n.closedAt) return "closed";
  if (n.dueOn < today) return "overdue";
  return n.dueOn <= windowEnd(today) ? "due" : "not-due";
}

export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export type TNonconformityView = {
  id: string;
  assessmentId: string;
  rowId: string;
  rowName: string;
  vendorName: string;
  reason: string;
  comment: string;
  dueOn: string;
  dueBasis: string;
  status: TNonconformityStatus;
  daysOverdue: number;
  openedAt: Date;
  openedByName: string;
  closedAt: Date | null;
  closedByName: string | null;
  closeNote: string;
};

export type TAssessmentSummary = {
  yes: number;
  no: number;
  na: number;
  returned: number;
  open: number;
  overdue: TNonconformityView[];
};

/** Row names of the cases' revisions, for the nonconformity lists (one read per case). */
async function rowNames(db: TDb | TTx, caseIds: readonly string[]): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  for (const id of new Set(caseIds)) {
    const record = await getCase(db as TDb, id);
    out.set(id, new Map(record ? (await assessmentRows(db, record)).map((r) => [r.id, r.name]) : []));
  }
  return out;
}

type TNcRow = Awaited<ReturnType<TDb["nonconformity"]["findMany"]>>[number];

export async function nonconformityViews(db: TDb | TTx, list: readonly TNcRow[], now: Date = new Date()): Promise<TNonconformityView[]> {
  if (!list.length) return [];
  const today = taipeiToday(now);
  const assessments = await db.vendorAssessment.findMany({
    where: { id: { in: [...new Set(list.map((n) => n.assessmentId))] } },
    select: { id: true, caseId: true, vendorName: true },
  });
  const byId = new Map(assessments.map((a) => [a.id, a]));
  const names = await rowNames(
    db,
    assessments.map((a) => a.caseId),
  );
  return list.map((n) => {
    const a = byId.get(n.assessmentId);
    const status = nonconformityStatus(n, today);
    return {
      id: n.id,
      assessmentId: n.assessmentId,
      rowId: n.rowId,
      rowName: names.get(a?.caseId ?? "")?.get(n.rowId) ?? n.rowId,
      vendorName: a?.vendorName ?? "",
      reason: n.reason,
      comment: n.comment,
      dueOn: n.dueOn,
      dueBasis: n.dueBasis,
      status,
      daysOverdue: status === "overdue" ? daysBetween(n.dueOn, today) : 0,
      openedAt: n.openedAt,
      openedByName: n.openedByName,
      closedAt: n.closedAt,
      closedByName: n.closedByName,
      closeNote: n.closeNote,
    };
  });
}

export async function summarize(db: TDb | TTx, assessmentIds: readonly string[], now: Date): Promise<TAssessmentSummary> {
  const [answers, open] = await Promise.all([
    db.vendorAnswer.groupBy({ by: ["answer", "review"], where: { assessmentId: { in: [...assessmentIds] } }, _count: { _all: true } }),
    db.nonconformity.findMany({ where: { assessmentId: { in: [...assessmentIds] }, closedAt: null }, orderBy: [{ dueOn: "asc" }, { id: "asc" }] }),
  ]);
  const count = (f: (g: (typeof answers)[number]) => boolean) => answers.filter(f).reduce((s, g) => s + g._count._all, 0);
  const views = await nonconformityViews(db, open, now);
  return {
    yes: count((g) => g.answer === "yes"),
    no: count((g) => g.answer === "no"),
    na: count((g) => g.answer === "na"),
    returned: count((g) => g.review === "returned"),
    open: open.length,
    overdue: views.filter((v) => v.status === "overdue"),
  };
}

/** The summary of one assessment of the actor's agency (officer or CISO). */
export async function assessmentSummary(db: TDb, actor: TActor, assessmentId: string, now: Date = new Date()): Promise<TAssessmentSummary> {
  const a = await db.vendorAssessment.findUnique({ where: { id: assessmentId }, select: { agencyId: true } });
  if (!a || a.agencyId !== actor.agencyId) throw new DomainError("not-found", "找不到這份廠商自評");
  return summarize(db, [assessmentId], now);
}

/** The summary over a contract's assessments, and its nonconformities (open first), for /contracts/[id]. */
export async function contractAssessments(db: TDb | TTx, contract: { id: string; agencyId: string }, now: Date = new Date()) {
  const assessments = await db.vendorAssessment.findMany({
    where: { contractId: contract.id, agencyId: contract.agencyId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, caseId: true, vendorName: true, status: true, round: true },
  });
  const list = await db.nonconformity.findMany({
    where: { contractId: contract.id, agencyId: contract.agencyId },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
  });
  const nonconformities = await nonconformityViews(db, list, now);
  nonconformities.sort((x, y) => Number(x.status === "closed") - Number(y.status === "closed"));
  return {
    assessments: assessments.map((a) => ({ ...a, status: a.status as TAssessmentStatus })),
    summary: assessments.length
      ? await summarize(
          db,
          assessments.map((a) => a.id),
          now,
        )
      : null,
    nonconformities,
  };
}

/** A case's assessments (one per invited vendor) with status, round and counts, for /cases/[id]/vendors. */
export async function caseAssessments(db: TDb, actor: TActor, caseId: string) {
  if (!hasRole(actor, "officer") && !hasRole(actor, "ciso")) throw new DomainError("forbidden", "只有承辦人或資安長可以檢視廠商自評");
  const rows = await db.vendorAssessment.findMany({
    where: { caseId, agencyId: actor.agencyId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { answers: { select: { answer: true, review: true } } },
  });
  const open = await db.nonconformity.groupBy({
    by: ["assessmentId"],
    where: { assessmentId: { in: rows.map((r) => r.id) }, closedAt: null },
    _count: { _all: true },
  });
  const openOf = new Map(open.map((o) => [o.assessmentId, o._count._all]));
  return rows.map((r) => ({
    id: r.id,
    vendorName: r.vendorName,
    invitationId: r.invitationId,
    status: r.status as TAssessmentStatus,
    round: r.round,
    submittedAt: r.submittedAt,
    answered: r.answers.filter((x) => x.answer).length,
    no: r.answers.filter((x) => x.answer === "no").length,
    pending: r.status === "submitted" ? r.answers.filter((x) => x.answer && !x.review).length : 0,
    returned: r.answers.filter((x) => x.review === "returned").length,
    open: openOf.get(r.id) ?? 0,
  }));
}

/** The CISO's 「廠商自評」 worklist: the agency's assessments with open or overdue nonconformities. */
export async function agencyAssessmentWorklist(db: TDb, actor: TActor, now: Date = new Date()) {
  if (!hasRole(actor, "ciso") && !hasRole(actor, "officer")) return [];
  const open = await db.nonconformity.findMany({ where: { agencyId: actor.agencyId, closedAt: null }, orderBy: [{ dueOn: "asc" }, { id: "asc" }] });
  if (!open.length) return [];
  const ids = [...new Set(open.map((n) => n.assessmentId))];
  const assessments = await db.vendorAssessment.findMany({
    where: { id: { in: ids }, agencyId: actor.agencyId },
    select: { id: true, caseId: true, vendorName: true, status: true, round: true },
  });
  const cases = await db.case.findMany({ where: { id: { in: assessments.map((a) => a.caseId) } }, select: { id: true, title: true } });
  const titles = new Map(cases.map((c) => [c.id, c.title]));
  const views = await nonconformityViews(db, open, now);
  return assessments
    .map((a) => {
      const mine = views.filter((v) => v.assessmentId === a.id);
      return {
        ...a,
        status: a.status as TAssessmentStatus,
        caseTitle: titles.get(a.caseId) ?? "",
        open: mine.length,
        overdue: mine.filter((v) => v.status === "overdue"),
      };
    })
    .sort((x, y) => y.overdue.length - x.overdue.length || y.open - x.open || (x.id < y.id ? -1 : 1));
}
