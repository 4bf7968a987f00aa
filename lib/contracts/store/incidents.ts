import { randomUUID } from "node:crypto";
import type { TDb } from "../../db/client";
import type { TActor } from "../../auth/roles";
import { DomainError, type TIssue } from "../../errors";
import { recordAudit } from "../../audit/record";
import { bundledCalendarYears } from "../../catalogue/bundled";
import { pinnedCatalogue } from "../../cases/load";
import { incidentDeadlines } from "../incidents";
import { ContractError, type TDeadline } from "../types";
import { workCalendar } from "../working-days";
import { contractFor } from "./access";
import { ZIncident } from "./schemas";

const INCIDENT_KEYS = ["incidentNoticeHours", "onSiteHours", "initialResponseHours", "minorRecoveryHours", "majorRecoveryHours", "reportWorkingDays"];

export const DEADLINE_LABEL: Record<TDeadline["key"], string> = {
  notice: "廠商通報機關",
  "on-site": "到場處理",
  "initial-response": "初步應變處理",
  recovery: "損害控制或復原",
  report: "交付處理報告",
};

/** The contract's incident parameters (those of its pinned revision); others are not the engine's business. */
const incidentParameters = (json: string) => {
  const all = JSON.parse(json) as Record<string, number>;
  return Object.fromEntries(Object.entries(all).filter(([k]) => INCIDENT_KEYS.includes(k)));
};

async function deadlinesFor(db: TDb, contract: { caseId: string; parameters: string }, level: number, knownAt: string) {
  const record = await db.case.findUniqueOrThrow({ where: { id: contract.caseId }, select: { catalogueVersionId: true } });
  const library = (await pinnedCatalogue(db, record.catalogueVersionId)).clauses;
  return incidentDeadlines({ level, knownAt, parameters: incidentParameters(contract.parameters), library, calendar: workCalendar(bundledCalendarYears()) });
}

/** A datetime-local value is Taipei time. */
const withOffset = (v: string) => (/([+-]\d{2}:\d{2}|Z)$/.test(v) ? v : `${v.length === 16 ? `${v}:00` : v}+08:00`);

/** 資安事件: level 1–4, when the vendor learned of it, a description; the deadlines follow from these. */
export async function recordIncident(db: TDb, contractId: string, input: unknown, actor: TActor): Promise<string> {
  const contract = await contractFor(db, contractId, actor, true);
  const r = ZIncident.safeParse(input);
  if (!r.success) {
    const issues: TIssue[] = r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw new DomainError("invalid", issues[0]!.message, issues);
  }
  const knownAt = withOffset(r.data.knownAt);
  let deadlines: TDeadline[];
  try {
    deadlines = await deadlinesFor(db, contract, r.data.level, knownAt);
  } catch (e) {
    if (e instanceof ContractError) throw new DomainError("invalid", e.message, e.issues);
    throw e;
  }
  const known = new Date(knownAt);
  if (known.getTime() > Date.now() + 5 * 60_000)
    throw new DomainError("invalid", "知悉時間不可晚於現在", [{ path: "knownAt", message: "知悉時間不可晚於現在" }]);
  const id = randomUUID();
  await db.$transaction(async (tx) => {
    await tx.incident.create({
      data: {
        id,
        contractId,
        agencyId: contract.agencyId,
        level: r.data.level,
        knownAt: known,
        description: r.data.description,
        recordedById: actor.id,
        recordedByName: actor.name,
      },
    });
    await recordAudit(tx, {
      agencyId: contract.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "incident.record",
      targetType: "contract",
      targetId: contractId,
      after: { incidentId: id, level: r.data.level, knownAt, description: r.data.description, deadlines: deadlines.map((d) => ({ key: d.key, at: d.at })) },
    });
  });
  return id;
}

/** Marks one deadline of an incident met (now). Audited; marking it again is refused. */
export async function markDeadlineMet(db: TDb, incidentId: string, key: string, actor: TActor) {
  const incident = await db.incident.findUnique({ where: { id: incidentId } });
  if (!incident || incident.agencyId !== actor.agencyId) throw new DomainError("not-found", "找不到這個資安事件。");
  await contractFor(db, incident.contractId, actor, true);
  if (!(key in DEADLINE_LABEL)) throw new DomainError("invalid", "不認得的期限", [{ path: "key", message: "不認得的期限" }]);
  const at = new Date();
  await db.$transaction(async (tx) => {
    const fresh = await tx.incident.findUniqueOrThrow({ where: { id: incidentId }, select: { met: true } });
    const met = JSON.parse(fresh.met) as Record<string, string>;
    if (met[key]) throw new DomainError("conflict", "這個期限已標記完成。");
    met[key] = at.toISOString();
    const changed = await tx.incident.updateMany({ where: { id: incidentId, met: fresh.met }, data: { met: JSON.stringify(met) } });
    if (changed.count !== 1) throw new DomainError("conflict", "事件已被其他人更新，請重新整理。");
    await recordAudit(tx, {
      agencyId: incident.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "incident.deadline-met",
      targetType: "contract",
      targetId: incident.contractId,
      after: { incidentId, key, at: at.toISOString() },
      at,
    });
  });
}

export type TIncidentView = {
  id: string;
  level: number;
  knownAt: Date;
  description: string;
  recordedByName: string;
  deadlines: (TDeadline & { label: string; metAt: string | null; state: "met" | "open" | "overdue" })[];
};

export async function incidentViews(db: TDb, contract: { id: string; caseId: string; parameters: string }, now: Date = new Date()): Promise<TIncidentView[]> {
  const rows = await db.incident.findMany({ where: { contractId: contract.id }, orderBy: [{ knownAt: "desc" }, { id: "asc" }] });
  const out: TIncidentView[] = [];
  for (const r of rows) {
    const met = JSON.parse(r.met) as Record<string, string>;
    const deadlines = await deadlinesFor(db, contract, r.level, r.knownAt.toISOString());
    out.push({
      id: r.id,
      level: r.level,
      knownAt: r.knownAt,
      description: r.description,
      recordedByName: r.recordedByName,
      deadlines: deadlines.map((d) => ({
        ...d,
        label: DEADLINE_LABEL[d.key],
        metAt: met[d.key] ?? null,
        state: met[d.key] ? "met" : new Date(d.at).getTime() < now.getTime() ? "overdue" : "open",
      })),
    });
  }
  return out;
}
