import type { Metadata } from "next";
import { z } from "zod";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { vendorCase } from "@/lib/vendor/access";
import { assessmentView } from "@/lib/vendor/assessment/view";
import { ASSESSMENT_STATUS_LABEL } from "@/lib/vendor/assessment/rules";
import { AssessmentForm } from "@/components/vendor/AssessmentForm";
import { requireUser } from "../../_server/auth";
import { bulkYesAction, detachEvidenceAction, saveAnswersAction, submitAssessmentAction } from "./actions";

export const metadata: Metadata = { title: "廠商資安自評表" };
export const dynamic = "force-dynamic";

/** The vendor's online 廠商資安自評表 of one case it was invited to. */
export default async function VendorAssessmentPage({ params }: { params: Promise<{ caseId: string }> }) {
  const user = await requireUser({ roles: ["vendor"] });
  const { caseId } = await params;
  if (!z.uuid().safeParse(caseId).success) notFound();
  const record = await vendorCase(db(), user, caseId).catch(() => null);
  if (!record) notFound();
  const view = await assessmentView(db(), user, caseId);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">廠商資安自評表：{record.title || "（未命名案件）"}</h1>
      <p className="text-slate-700">
        第 {record.revision} 版．狀態：{ASSESSMENT_STATUS_LABEL[view.status]}．
        <a href={`/vendor/${caseId}/checklist`} className="text-brand-700 underline">
          下載 Word 表單
        </a>
        ．
        <a href={`/vendor/${caseId}/import`} className="text-brand-700 underline">
          上傳填好的 Word 檔
        </a>
      </p>
      <p className="max-w-3xl text-sm text-slate-700">各列填寫即自動儲存。勾選「否」或「不適用」者，請於「說明」欄敘明理由及替代作法；全部填妥後按「送出」。</p>
      <AssessmentForm
        view={view}
        uploadUrl={`/api/vendor/${caseId}/files`}
        fileBase={`/vendor/${caseId}/files`}
        save={saveAnswersAction.bind(null, caseId)}
        bulkYes={bulkYesAction.bind(null, caseId)}
        detach={detachEvidenceAction.bind(null, caseId)}
        submit={submitAssessmentAction.bind(null, caseId)}
      />
    </div>
  );
}
