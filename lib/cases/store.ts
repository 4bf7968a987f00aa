import { z } from "zod";
import { randomUUID } from "node:crypto";
import type { TDb } from "../db/client";
import type { TTx } from "../audit";
import { lockCaseRow } from "../db/lock";
import { newestPublished } from "../catalogue/store";
import { CaseError } from "./errors";
import { pageCount, pageWindow, zPageNumber, zSearchWords } from "../paging";
import { DRAFT_SCHEMAS, ZAgencyDraft, ZAnswers, emptyAnswers, type TAnswers, type TFormStep } from "./answers";
import { caseProfileFrom, completeProfile, getAgencyProfile, parseCaseProfile, PROFILE_FIELD_LABEL, profileIssues, type TCaseProfile } from "../agency";
import { recordAudit } from "../audit";
import type { TActor } from "../auth/roles";

export type TDecisionRecord = {
  itemId: string;
  choice: string;
  reason: string;
  reference: string;
  decidedBy: string;
  decidedAt: Date;
  /** Bumped by every save; a save carries the version it started from. */
  version: number;
  /** manual | recommendation (「依系統建議」) */
  origin: string;
};

import type { TCaseStatus } from "../workflow/state";
import { CASE_STATUSES, canTransition, checkTransition } from "../workflow/state";
import { taipeiTime } from "../time";

export type TCaseRecord = {
  id: string;
  agencyId: string;
  createdById: string;
  caseGroupId: string;
  revision: number;
  status: TCaseStatus;
  submittedAt: Date | null;
  approvedAt: Date | null;
  approvedById: string | null;
  catalogueVersionId: string;
  title: string;
  answers: TAnswers;
  /** The agency-profile values last resolved with (fixed from submission on); null: none recorded. */
  agencySnapshot: TCaseProfile | null;
  /** The officer who started the case, as the account names them now. */
  creatorName: string;
  lastSeenStatuses: Record<string, string> | null;
  lockVersion: number;
  createdAt: Date;
  updatedAt: Date;
  decisions: TDecisionRecord[];
  /** Requirement rows decided per service type (DecisionSplit), by row key. */
  splits: { key: string; reason: string; splitBy: string; splitAt: Date }[];
};

/** Stored answers are re-read leniently: a step that no longer parses starts empty rather than failing the page. */
function parseAnswers(json: string): TAnswers {
  let raw: Record<string, unknown> = {};
  try {
    raw = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return emptyAnswers();
  }
  const answers = emptyAnswers();
  for (const step of Object.keys(DRAFT_SCHEMAS) as TFormStep[]) {
    const r = DRAFT_SCHEMAS[step].safeParse(raw[step] ?? {});
    if (r.success) (answers as Record<TFormStep, unknown>)[step] = r.data;
  }
  // Kept as it was typed on the old agency step (cases from before the agency profile).
  const legacy = ZAgencyDraft.safeParse(raw.agency ?? {});
  if (legacy.success) answers.agency = legacy.data;
  return ZAnswers.parse(answers);
}

/** Why the agency cannot start a case yet, and whom to ask; null when it can. */
export async function caseStartProblem(db: TDb, agencyId: string): Promise<string | null> {
  const current = await getAgencyProfile(db, agencyId);
  const issues = current ? profileIssues(current.profile) : [];
  if (current && !issues.length) return null;
  const missing = [...new Set(issues.map((i) => PROFILE_FIELD_LABEL[i.path]))].join("、");
  return `機關資料尚未填寫完整（${missing || "機關資料"}），還不能建立案件。請洽機關的管理者至「管理 → 機關資料」補齊。`;
}

export async function createCase(db: TDb, actor: TActor): Promise<string> {
  const version = await newestPublished(db);
  if (!version) throw new CaseError("no-catalogue", "尚無已發布的需求目錄版本，無法建立案件。");
  const problem = await caseStartProblem(db, actor.agencyId);
  if (problem) throw new CaseError("profile-incomplete", problem);
  const current = await getAgencyProfile(db, actor.agencyId);
  const snapshot = caseProfileFrom(completeProfile(current!.profile)!, actor.name);
  const id = randomUUID();
  const answers = emptyAnswers();
  await db.$transaction(async (tx) => {
    await tx.case.create({
      data: {
        id,
        agencyId: actor.agencyId,
        createdById: actor.id,
        caseGroupId: id,
        catalogueVersionId: version,
        answers: JSON.stringify(answers),
        agencySnapshot: JSON.stringify(snapshot),
      },
    });
    await recordAudit(tx, {
      agencyId: actor.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "case.create",
      targetType: "case",
      targetId: id,
      after: { catalogueVersionId: version, agencySnapshot: snapshot },
    });
  });
  return id;
}

/** The case if it exists and belongs to the actor's agency; another agency's case is as good as absent. */
export async function getCaseFor(db: TDb, id: string, actor: Pick<TActor, "agencyId">): Promise<TCaseRecord | null> {
  const record = await getCase(db, id);
  return record && record.agencyId === actor.agencyId ? record : null;
}

export async function getCase(db: TDb | TTx, id: string): Promise<TCaseRecord | null> {
  const row = await db.case.findUnique({ where: { id }, include: { decisions: true, decisionSplits: true, createdBy: { select: { name: true } } } });
  if (!row) return null;
  return {
    id: row.id,
    agencyId: row.agencyId,
    createdById: row.createdById,
    caseGroupId: row.caseGroupId,
    revision: row.revision,
    status: row.status as TCaseStatus,
    submittedAt: row.submittedAt,
    approvedAt: row.approvedAt,
    approvedById: row.approvedById,
    catalogueVersionId: row.catalogueVersionId,
    title: row.title,
    answers: parseAnswers(row.answers),
    agencySnapshot: parseCaseProfile(row.agencySnapshot),
    creatorName: row.createdBy.name,
    lastSeenStatuses: row.lastSeenStatuses ? (JSON.parse(row.lastSeenStatuses) as Record<string, string>) : null,
    lockVersion: row.lockVersion,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    decisions: row.decisions.map(({ caseId: _c, ...d }) => d),
    splits: row.decisionSplits.map(({ caseId: _c, ...s }) => s),
  };
}

export const CASE_PAGE_SIZE = 20;

/** The case list's query: page, status and a title search; anything malformed falls back to the default. */
export const ZCaseListQuery = z.object({
  page: zPageNumber(),
  status: z.enum(CASE_STATUSES).optional().catch(undefined),
  q: zSearchWords(),
});
export type TCaseListQuery = z.infer<typeof ZCaseListQuery>;

/** One page of the agency's cases, newest change first, with the total the filters leave. */
export async function listCases(db: TDb, agencyId: string, query: TCaseListQuery = { page: 1, q: undefined }, pageSize = CASE_PAGE_SIZE) {
  const where = { agencyId, ...(query.status ? { status: query.status } : {}), ...(query.q ? { title: { contains: query.q } } : {}) };
  const [total, items] = await Promise.all([
    db.case.count({ where }),
    db.case.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      ...pageWindow(query.page, pageSize),
      select: { id: true, title: true, catalogueVersionId: true, updatedAt: true, status: true, revision: true },
    }),
  ]);
  return { items, total, page: query.page, pages: pageCount(total, pageSize) };
}

/** Someone else saved this step (decision, parameters) since the officer's copy was loaded: the server's values, to show and compare. */
export class ConflictError extends CaseError {
  constructor(
    readonly current: unknown,
    readonly by: string,
    readonly at: Date,
    what = "這個步驟",
  ) {
    super("conflict", `另一位使用者（${by}）已於 ${taipeiTime(at, "time")} 修改${what}`, [], { current });
  }
}

/** The newest audit entry of this kind on the case: who made the change a stale save would overwrite. */
export async function lastChange(tx: TTx, caseId: string, action: string): Promise<{ by: string; at: Date }> {
  const last = await tx.auditEntry.findFirst({ where: { targetType: "case", targetId: caseId, action }, orderBy: { at: "desc" } });
  return { by: last?.actorName ?? "其他使用者", at: last?.at ?? new Date() };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Saves one step's answers as typed; the step is validated strictly only when the officer moves on.
 * `base` is the step as the officer's page last had it: if the stored step differs, someone else saved
 * in between, and the save is refused with their values instead of silently overwriting them.
 */
export async function saveAnswers(
  db: TDb,
  id: string,
  step: TFormStep,
  values: unknown,
  actor: TActor,
  base?: unknown,
): Promise<{ savedAt: Date; lockVersion: number }> {
  if (!Object.hasOwn(DRAFT_SCHEMAS, step)) throw new CaseError("invalid", "這個步驟不能在案件中填寫");
  const parsed = DRAFT_SCHEMAS[step].safeParse(values);
  if (!parsed.success)
    throw new CaseError(
      "invalid",
      "資料格式有誤，未能儲存",
      parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  return db.$transaction(async (tx) => {
    await lockCaseRow(db, tx, id);
    const row = await tx.case.findUnique({ where: { id }, select: { answers: true, agencyId: true, status: true, createdById: true } });
    if (!row || row.agencyId !== actor.agencyId) throw new CaseError("not-found", "找不到這個案件");
    const edit = checkTransition({ ...row, status: row.status as TCaseStatus }, "edit", actor);
    if (!edit.ok) throw new CaseError("invalid", edit.error.message);
    const previous = parseAnswers(row.answers);
    if (base !== undefined && !same(DRAFT_SCHEMAS[step].safeParse(base).data, previous[step]) && !same(previous[step], parsed.data)) {
      const last = await lastChange(tx, id, "case.answers");
      throw new ConflictError(previous[step], last.by, last.at);
    }
    const answers = { ...previous, [step]: parsed.data };
    const title = step === "case" ? (parsed.data as TAnswers["case"]).caseName.trim().slice(0, 300) : undefined;
    const updated = await tx.case.update({
      where: { id },
      data: { answers: JSON.stringify(answers), ...(title !== undefined ? { title } : {}), lockVersion: { increment: 1 } },
      select: { updatedAt: true, lockVersion: true },
    });
    await recordAudit(tx, {
      agencyId: actor.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "case.answers",
      targetType: "case",
      targetId: id,
      before: { [step]: previous[step] },
      after: { [step]: parsed.data },
    });
    return { savedAt: updated.updatedAt, lockVersion: updated.lockVersion };
  });
}

/** Records the statuses (and the agency-profile values) the officer has now seen, so later changes can be pointed out. */
export async function markStatusesSeen(db: TDb, id: string, statuses: Record<string, string>, profile?: TCaseProfile | null): Promise<void> {
  await db.case.update({
    where: { id },
    data: { lastSeenStatuses: JSON.stringify(statuses), ...(profile ? { agencySnapshot: JSON.stringify(profile) } : {}) },
  });
}

/**
 * Where a case opens for this viewer: a case under review on the approval page for a CISO who may review
 * it; a returned case on the review step (the returned items are there); otherwise step 1. null when the
 * case is not the viewer's agency's.
 */
export async function caseLanding(db: TDb, id: string, viewer: TActor): Promise<"approval" | "review" | "agency" | null> {
  const row = await db.case.findUnique({ where: { id }, select: { agencyId: true, status: true, createdById: true } });
  if (!row || row.agencyId !== viewer.agencyId) return null;
  const state = { ...row, status: row.status as TCaseStatus };
  if (state.status === "submitted" && canTransition(state, "return", viewer)) return "approval";
  if (state.status === "returned") return "review";
  return "agency";
}
