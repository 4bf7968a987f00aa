import type { TDb } from "../db/client";
import type { TActor } from "../auth/roles";
import { newestPublished } from "../catalogue/store";
import { can } from "../workflow/state";
import { latestReviews } from "../workflow/reviews";
import { submissionProblems } from "../workflow/submission";
import { STEP_SCHEMAS, type TStep } from "./answers";
import { statusesOf } from "./checklist";
import { caseProfile, loadChecklist, pinnedCatalogue } from "./load";
import { clauseParameterView, loadClauseParameters } from "./set-clause-parameters";
import { caseStartProblem, getCaseFor, markStatusesSeen, type TCaseRecord } from "./store";
import { caseReviews } from "./workflow-ops";
import { caseSubmissions, itemAnswers, returnedEntries } from "./review-loop";
import { resubmissionProblems } from "../workflow/submission";
import { documentLinks } from "./case-documents";
import { pmItemsView } from "./pm-exclusions";
import { decisionRows, type TDecisionRow, type TRowGlossary } from "./decision-rows";
import { glossarySegments } from "../catalogue/glossary";
import { listReasonPresets } from "../agency/reason-presets";

type TItemVerdict = "approve" | "return" | "accept-risk";

/**
 * A returned case's banner, on every page of the case (steps, history, version): the CISO's comment and the
 * returned items, each linking to its place on the review step. null unless the case is returned.
 */
export async function returnedBanner(db: TDb, record: TCaseRecord, reviews?: Awaited<ReturnType<typeof caseReviews>>) {
  if (record.status !== "returned") return null;
  const all = reviews ?? (await caseReviews(db, record.id));
  const typed = all.map((r) => ({ ...r, verdict: r.verdict as TItemVerdict }));
  return {
    returnComment: all.filter((r) => r.itemId === "").at(-1)?.comment ?? null,
    returnedItems: await returnedEntries(db, (await loadChecklist(db, record)).checklist, record.id, typed),
  };
}

/**
 * Everything the case step page shows, read in one place: the case, what the viewer may do with it
 * (asked of the state machine), the latest verdicts with reviewer names, and for the review step the
 * checklist with its problems as links; the agency-profile values the case resolves with and what changed
 * in them since the case last saw them. null when the case is not the viewer's agency's.
 */
export async function caseStepView(db: TDb, id: string, viewer: TActor, step: TStep) {
  const record = await getCaseFor(db, id, viewer);
  if (!record) return null;
  const { profile, profileChanges } = await caseProfile(db, record);
  const complete = {
    agency: profile !== null,
    ...Object.fromEntries((Object.keys(STEP_SCHEMAS) as (keyof typeof STEP_SCHEMAS)[]).map((s) => [s, STEP_SCHEMAS[s].safeParse(record.answers[s]).success])),
  } as Partial<Record<TStep, boolean>>;
  const reviews = await caseReviews(db, record.id);
  const caseVerdicts = reviews.filter((r) => r.itemId === "");
  const lastVerdict = caseVerdicts[caseVerdicts.length - 1];
  const latest = await db.case.aggregate({ where: { caseGroupId: record.caseGroupId }, _max: { revision: true } });
  const isLatest = record.revision === latest._max.revision;
  const newest = await newestPublished(db);
  const editable = can(record, "edit", viewer);
  const typedReviews = reviews.map((r) => ({ ...r, verdict: r.verdict as TItemVerdict }));
  const banner = await returnedBanner(db, record, reviews);
  const base = {
    returned: banner?.returnedItems ?? [],
    record,
    profile,
    profileChanges,
    complete,
    editable,
    /** A CISO may at least return a submitted case, so the approval page has something to offer. */
    canOpenApproval: can(record, "return", viewer),
    canRevise: isLatest && can(record, "revise", viewer),
    approvedBy: record.status === "approved" ? (lastVerdict?.reviewerName ?? null) : null,
    returnComment: banner?.returnComment ?? null,
    newerCatalogue: newest && newest > record.catalogueVersionId && isLatest ? newest : null,
  };
  if (step === "case") {
    const catalogue = await pinnedCatalogue(db, record.catalogueVersionId);
    return { ...base, step, types: catalogue.serviceTypes.map((t) => ({ key: t.key, name: t.name, description: t.description })) };
  }
  if (step === "agency") {
    // Why the step is empty and whom to ask, when the profile the case would resolve with is incomplete.
    return { ...base, step, incomplete: profile ? null : await caseStartProblem(db, record.agencyId) };
  }
  if (step !== "review") return { ...base, step };

  const { catalogue, checklist } = await loadChecklist(db, record);
  // The first look at a complete checklist is the baseline the officer's later changes are shown against.
  if (checklist.ok && !record.lastSeenStatuses) await markStatusesSeen(db, record.id, statusesOf(checklist.items), editable ? profile : null);
  const latestByItem = latestReviews(typedReviews);
  const resubmission =
    record.status === "returned"
      ? resubmissionProblems(checklist, typedReviews, (await caseSubmissions(db, record.id)).at(-1)?.decisions ?? null, await itemAnswers(db, record.id))
      : [];
  const problems = [...submissionProblems(checklist), ...resubmission].map((p) => ({
    href: p.kind === "item" ? `#item-${p.itemId}` : `/cases/${record.id}/${p.step ?? "agency"}`,
    message: p.kind === "item" ? `${p.text.slice(0, 30)}${p.text.length > 30 ? "…" : ""}：${p.message}` : p.message,
  }));
  const itemReviews = Object.fromEntries(
    [...latestByItem].map(([k, r]) => [
      k,
      { verdict: r.verdict, comment: r.comment, reviewerName: reviews.find((x) => x.itemId === k && x.at === r.at)?.reviewerName ?? "" },
    ]),
  );
  const documents = await documentLinks(db, record);
  const clauseParameters = editable ? await loadClauseParameters(db, record.id).then((p) => clauseParameterView(p.library, p, "case")) : null;
  // One row per requirement, with the versions each save starts from; the agency's reason presets.
  const rows = checklist.ok ? decisionRows(checklist, record.splits, new Map(record.decisions.map((d) => [d.itemId, d.version]))) : [];
  const presets = editable ? await listReasonPresets(db, record.agencyId) : [];
  return {
    ...base,
    step,
    checklist,
    // What the review page's client component gets: the rows carry the items; the page stays light.
    summary: checklist.ok
      ? { ...checklist, items: [], requirements: [], undecided: [], resolution: { ...checklist.resolution, items: [], requirements: [] } }
      : checklist,
    rows: rows.map(slimRow),
    glossary: rowGlossary(rows),
    presets,
    problems,
    itemReviews,
    clauseParameters,
    documents,
    pmItems: await pmItemsView(db, record),
    ciiBelowMedium: checklist.ok && record.answers.facts.cii === "yes" && checklist.resolution.effectiveGrade === "normal",
    typeNames: Object.fromEntries(catalogue.serviceTypes.map((t) => [t.key, t.name])),
    issues: checklist.ok ? [] : checklist.issues,
  };
}

function rowGlossary(rows: TDecisionRow[]): TRowGlossary {
  const out: TRowGlossary = { terms: [], segments: {} };
  const index = new Map<string, number>();
  for (const row of rows) {
    const segments = glossarySegments(row.text);
    if (!segments.some((s) => s.term)) continue;
    out.segments[row.key] = segments.map(({ text, term }) => {
      if (!term) return { text, term: null };
      if (!index.has(term.term)) {
        index.set(term.term, out.terms.length);
        out.terms.push({ term: term.term, explanation: term.explanation, source: term.source, reliability: term.reliability });
      }
      return { text, term: index.get(term.term)! };
    });
  }
  return out;
}

/**
 * Only what the table shows of each copy (the full items would double the page's HTML); the reasons are
 * fetched when a row's details are opened (rowDetailsAction, rowDetails).
 */
function slimRow(row: TDecisionRow): TDecisionRow {
  return {
    ...row,
    items: row.items.map((i) => ({ ...i, text: "", filledText: "", basis: null, recommendation: null, sameAs: [], frequency: null, reasons: [] })),
  };
}
