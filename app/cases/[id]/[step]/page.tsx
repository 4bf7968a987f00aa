import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { caseStartProblem, getCaseFor, markStatusesSeen } from "@/lib/cases/store";
import { requireUser } from "../../../_server/auth";
import { STEPS, STEP_LABEL, STEP_SCHEMAS, type TStep } from "@/lib/cases/answers";
import { caseProfile, loadChecklist, pinnedCatalogue } from "@/lib/cases/load";
import { statusesOf } from "@/lib/cases/checklist";
import { newestPublished } from "@/lib/catalogue/store";
import { StepIndicator } from "@/components/wizard/StepIndicator";
import { AgencyProfileView } from "@/components/wizard/AgencyProfileView";
import { ProfileChangesNote } from "@/components/wizard/ProfileChangesNote";
import { caseProfileLines } from "@/lib/agency/snapshot";
import { CaseForm } from "@/components/wizard/CaseForm";
import { GradeForm } from "@/components/wizard/GradeForm";
import { FactsForm } from "@/components/wizard/FactsForm";
import { Review } from "@/components/review/Review";
import { acknowledgeChangesAction, raiseGradeToMediumAction, reviseCaseAction, saveAnswersAction, saveDecisionAction, setClauseParametersAction, submitCaseAction } from "../../actions";
import { clauseParameterView, loadClauseParameters } from "@/lib/cases/set-clause-parameters";
import { ClauseParametersForm } from "@/components/clauses/ClauseParametersForm";
import { caseReviews } from "@/lib/cases/workflow-ops";
import { submissionProblems } from "@/lib/workflow/submission";
import { latestReviews } from "@/lib/workflow/reviews";
import { CaseStatusBanner } from "@/components/workflow/CaseStatusBanner";
import { ReviseButton, SubmitPanel } from "@/components/workflow/CaseActions";
import { ExportLinks } from "@/components/workflow/ExportLinks";
import Link from "next/link";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string; step: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { step } = await params;
  return { title: STEP_LABEL[step as TStep] ?? "案件" };
}

export default async function CaseStepPage({ params }: { params: Params }) {
  const { id, step: rawStep } = await params;
  const step = z.enum(STEPS).safeParse(rawStep);
  if (!step.success || !z.uuid().safeParse(id).success) notFound();
  const user = await requireUser();
  const record = await getCaseFor(db(), id, user);
  if (!record) notFound();

  const { profile, profileChanges } = await caseProfile(db(), record);
  const complete = {
    agency: profile !== null,
    ...Object.fromEntries((Object.keys(STEP_SCHEMAS) as (keyof typeof STEP_SCHEMAS)[]).map((s) => [s, STEP_SCHEMAS[s].safeParse(record.answers[s]).success])),
  };
  const save = saveAnswersAction.bind(null, record.id);
  const editable = user.roles.includes("officer") && (record.status === "draft" || record.status === "returned");
  const reviews = await caseReviews(db(), record.id);
  const caseVerdicts = reviews.filter((r) => r.itemId === "");
  const lastVerdict = caseVerdicts[caseVerdicts.length - 1];
  const latestRevision = await db().case.aggregate({ where: { caseGroupId: record.caseGroupId }, _max: { revision: true } });
  const newest = await newestPublished(db());
  const next = (s: TStep) => `/cases/${record.id}/${STEPS[STEPS.indexOf(s) + 1]}`;

  let body: React.ReactNode;
  switch (step.data) {
    case "agency":
      body = (
        <AgencyProfileView
          lines={profile ? caseProfileLines(profile) : []}
          officerName={profile?.officerName || record.creatorName}
          fixed={record.status === "submitted" || record.status === "approved"}
          incomplete={profile ? null : await caseStartProblem(db(), record.agencyId)}
          isAdmin={user.roles.includes("admin")}
          nextHref={next("agency")}
        />
      );
      break;
    case "case": {
      const catalogue = await pinnedCatalogue(db(), record.catalogueVersionId);
      const types = catalogue.serviceTypes.map((t) => ({ key: t.key, name: t.name, description: t.description }));
      body = <CaseForm caseId={record.id} initial={record.answers.case} types={types} save={save} readOnly={!editable} nextHref={next("case")} />;
      break;
    }
    case "grade":
      body = <GradeForm caseId={record.id} initial={record.answers.grade} save={save} readOnly={!editable} nextHref={next("grade")} />;
      break;
    case "facts":
      body = <FactsForm caseId={record.id} initial={record.answers.facts} grade={record.answers.grade} save={save} readOnly={!editable} nextHref={next("facts")} />;
      break;
    case "review": {
      const { catalogue, checklist } = await loadChecklist(db(), record);
      if (checklist.ok && !record.lastSeenStatuses) await markStatusesSeen(db(), record.id, statusesOf(checklist.items), editable ? profile : null);
      const latest = latestReviews(reviews.map((r) => ({ ...r, verdict: r.verdict as "approve" | "return" | "accept-risk" })));
      const problems = submissionProblems(checklist).map((p) => ({
        href: p.kind === "item" ? `#item-${p.itemId}` : `/cases/${record.id}/${p.step ?? "agency"}`,
        message: p.kind === "item" ? `${p.text.slice(0, 30)}${p.text.length > 30 ? "…" : ""}：${p.message}` : p.message,
      }));
      body = (
        <>
        {editable && <ProfileChangesNote changes={profileChanges} acknowledge={acknowledgeChangesAction.bind(null, record.id)} />}
        {editable && <SubmitPanel problems={problems} submit={submitCaseAction.bind(null, record.id)} />}
        {checklist.ok && <ExportLinks caseId={record.id} final={record.status === "approved"} />}
        {editable && (
          <details className="rounded-lg border border-slate-200 bg-white p-4">
            <summary className="cursor-pointer font-semibold">條款參數（本案）</summary>
            <div className="mt-3">
              <ClauseParametersForm layer="case" {...(await loadClauseParameters(db(), record.id).then((p) => clauseParameterView(p.library, p, "case")))} save={setClauseParametersAction.bind(null, record.id)} />
            </div>
          </details>
        )}
        <Review
          caseId={record.id}
          editable={editable}
          itemReviews={Object.fromEntries([...latest].map(([k, r]) => [k, { verdict: r.verdict, comment: r.comment, reviewerName: reviews.find((x) => x.itemId === k && x.at === r.at)?.reviewerName ?? "" }]))}
          checklist={checklist}
          ciiBelowMedium={checklist.ok && record.answers.facts.cii === "yes" && checklist.resolution.effectiveGrade === "normal"}
          typeNames={Object.fromEntries(catalogue.serviceTypes.map((t) => [t.key, t.name]))}
          issues={checklist.ok ? [] : checklist.issues}
          saveDecision={saveDecisionAction.bind(null, record.id)}
          acknowledge={acknowledgeChangesAction.bind(null, record.id)}
          raiseGrade={raiseGradeToMediumAction.bind(null, record.id)}
        />
        </>
      );
      break;
    }
  }

  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <p className="text-sm text-slate-600">
          案件：{record.title || "（未命名案件）"}．目錄版本 {record.catalogueVersionId}
        </p>
        {newest && newest > record.catalogueVersionId && record.revision === latestRevision._max.revision && (
          <p role="note" className="rounded border border-sky-300 bg-sky-50 p-3">
            已發布較新的目錄版本 {newest}。
            <Link href={`/cases/${record.id}/version`} className="ml-1 font-semibold text-brand-700 underline">
              比較對本案的影響
            </Link>
          </p>
        )}
        <CaseStatusBanner
          caseId={record.id}
          status={record.status}
          revision={record.revision}
          approvedBy={record.status === "approved" ? lastVerdict?.reviewerName : null}
          approvedAt={record.approvedAt}
          returnComment={record.status === "returned" ? lastVerdict?.comment : null}
        >
          {record.status === "submitted" && user.roles.includes("ciso") && (
            <Link href={`/cases/${record.id}/approval`} className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white">前往審查</Link>
          )}
          {record.status === "approved" && user.roles.includes("officer") && record.revision === latestRevision._max.revision && (
            <ReviseButton revise={reviseCaseAction.bind(null, record.id)} />
          )}
        </CaseStatusBanner>
        <StepIndicator caseId={record.id} current={step.data} complete={complete} />
        <h1 className="text-2xl font-bold">
          步驟 {STEPS.indexOf(step.data) + 1}／{STEPS.length}：{STEP_LABEL[step.data]}
        </h1>
      </header>
      {body}
    </div>
  );
}
