import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { STEPS, STEP_LABEL, type TStep } from "@/lib/cases/answers";
import { caseStepView } from "@/lib/cases/case-step-view";
import { StepIndicator } from "@/components/wizard/StepIndicator";
import { AgencyProfileView } from "@/components/wizard/AgencyProfileView";
import { ProfileChangesNote } from "@/components/wizard/ProfileChangesNote";
import { caseProfileLines } from "@/lib/agency/snapshot";
import { CaseForm } from "@/components/wizard/CaseForm";
import { GradeForm } from "@/components/wizard/GradeForm";
import { FactsForm } from "@/components/wizard/FactsForm";
import { Review } from "@/components/review/Review";
import { ClauseParametersForm } from "@/components/clauses/ClauseParametersForm";
import { CaseHeader } from "@/components/workflow/CaseHeader";
import { ReviseButton, SubmitPanel } from "@/components/workflow/CaseActions";
import { ExportLinks } from "@/components/workflow/ExportLinks";
import { ReturnedItems } from "@/components/workflow/ReturnedItems";
import { PmExclusionsPanel } from "@/components/project/PmExclusionsPanel";
import { requireUser } from "../../../_server/auth";
import {
  acknowledgeChangesAction,
  answerItemAction,
  raiseGradeToMediumAction,
  reviseCaseAction,
  saveAnswersAction,
  adoptRecommendationsAction,
  decideRowsAction,
  mergeRowAction,
  rowDetailsAction,
  splitRowAction,
  setClauseParametersAction,
  setPmExclusionAction,
  submitCaseAction,
} from "../../actions";

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
  const view = await caseStepView(db(), id, user, step.data);
  if (!view) notFound();
  const { record, editable, profile } = view;
  const save = saveAnswersAction.bind(null, record.id);
  const next = (s: TStep) => `/cases/${record.id}/${STEPS[STEPS.indexOf(s) + 1]}`;

  let body: React.ReactNode;
  switch (view.step) {
    case "agency":
      body = (
        <AgencyProfileView
          lines={profile ? caseProfileLines(profile) : []}
          officerName={profile?.officerName || record.creatorName}
          fixed={record.status === "submitted" || record.status === "approved"}
          incomplete={view.incomplete}
          isAdmin={user.roles.includes("admin")}
          nextHref={next("agency")}
        />
      );
      break;
    case "case":
      body = <CaseForm caseId={record.id} initial={record.answers.case} types={view.types} save={save} readOnly={!editable} nextHref={next("case")} />;
      break;
    case "grade":
      body = <GradeForm caseId={record.id} initial={record.answers.grade} save={save} readOnly={!editable} nextHref={next("grade")} />;
      break;
    case "facts":
      body = (
        <FactsForm caseId={record.id} initial={record.answers.facts} grade={record.answers.grade} save={save} readOnly={!editable} nextHref={next("facts")} />
      );
      break;
    case "review": {
      const { checklist } = view;
      body = (
        <>
          {editable && <ProfileChangesNote changes={view.profileChanges} acknowledge={acknowledgeChangesAction.bind(null, record.id)} />}
          <ReturnedItems items={view.returned} answer={editable ? answerItemAction.bind(null, record.id) : undefined} />
          {editable && <SubmitPanel problems={view.problems} submit={submitCaseAction.bind(null, record.id)} />}
          {checklist.ok && <ExportLinks caseId={record.id} final={record.status === "approved"} docs={view.documents} />}
          <PmExclusionsPanel items={view.pmItems} editable={editable} save={setPmExclusionAction.bind(null, record.id)} />
          {record.status === "approved" && user.roles.includes("officer") && (
            <p>
              <Link href={`/cases/${record.id}/award`} className="font-semibold text-brand-700 underline">
                決標建立契約
              </Link>
            </p>
          )}
          {view.clauseParameters && (
            <details className="rounded-lg border border-slate-200 bg-white p-4">
              <summary className="cursor-pointer font-semibold">條款參數（本案）</summary>
              <div className="mt-3">
                <ClauseParametersForm layer="case" {...view.clauseParameters} save={setClauseParametersAction.bind(null, record.id)} />
              </div>
            </details>
          )}
          <Review
            caseId={record.id}
            editable={editable}
            itemReviews={view.itemReviews}
            checklist={view.summary}
            ciiBelowMedium={view.ciiBelowMedium}
            typeNames={view.typeNames}
            issues={view.issues}
            rows={view.rows}
            glossary={view.glossary}
            presets={view.presets}
            actions={{
              decide: decideRowsAction.bind(null, record.id),
              adopt: adoptRecommendationsAction.bind(null, record.id),
              split: splitRowAction.bind(null, record.id),
              merge: mergeRowAction.bind(null, record.id),
              details: rowDetailsAction.bind(null, record.id),
            }}
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
      <CaseHeader
        caption={`案件：${record.title || "（未命名案件）"}．目錄版本 ${record.catalogueVersionId}`}
        title={`步驟 ${STEPS.indexOf(step.data) + 1}／${STEPS.length}：${STEP_LABEL[step.data]}`}
        note={
          view.newerCatalogue && (
            <p role="note" className="rounded border border-sky-300 bg-sky-50 p-3">
              已發布較新的目錄版本 {view.newerCatalogue}。
              <Link href={`/cases/${record.id}/version`} className="ml-1 font-semibold text-brand-700 underline">
                比較對本案的影響
              </Link>
            </p>
          )
        }
        banner={{
          caseId: record.id,
          status: record.status,
          revision: record.revision,
          approvedBy: view.approvedBy,
          approvedAt: record.approvedAt,
          returnComment: view.returnComment,
          returnedItems: view.returned,
        }}
        below={<StepIndicator caseId={record.id} current={step.data} complete={view.complete} />}
      >
        {view.canOpenApproval && (
          <Link href={`/cases/${record.id}/approval`} className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white">
            前往審查
          </Link>
        )}
        {view.canRevise && <ReviseButton revise={reviseCaseAction.bind(null, record.id)} />}
      </CaseHeader>
      {body}
    </div>
  );
}
