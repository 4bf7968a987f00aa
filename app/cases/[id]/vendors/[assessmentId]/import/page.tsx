import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { getCaseFor } from "@/lib/cases/store";
import { agencyAssessment } from "@/lib/vendor/assessment/store";
import { importPreview, type TImportPreview } from "@/lib/vendor/assessment/import";
import { ASSESSMENT_STATUS_LABEL } from "@/lib/vendor/assessment/rules";
import { ImportUpload } from "@/components/vendor/ImportUpload";
import { ImportPreview } from "@/components/vendor/ImportPreview";
import { requireUser } from "../../../../../_server/auth";
import { applyImportAction } from "./actions";

export const metadata: Metadata = { title: "代廠商匯入 Word 自評表" };
export const dynamic = "force-dynamic";

/** A domain refusal (not invited, another agency) reads as absent; anything else is a real failure. */
const orNull = (e: unknown) => {
  if (e instanceof DomainError) return null;
  throw e;
};

/** /cases/:id/vendors/:assessmentId/import — the case's officer uploads a vendor's filled Word 自評表 on its behalf. */
export default async function OfficerImportPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; assessmentId: string }>;
  searchParams: Promise<{ file?: string }>;
}) {
  const { id, assessmentId } = await params;
  const { file } = await searchParams;
  if (!z.uuid().safeParse(id).success || !z.uuid().safeParse(assessmentId).success) notFound();
  const user = await requireUser({ roles: ["officer"] });
  const record = await getCaseFor(db(), id, user);
  if (!record) notFound();
  const assessment = await agencyAssessment(db(), user, assessmentId).catch(orNull);
  if (!assessment || assessment.caseId !== id) notFound();
  let preview: TImportPreview | null = null;
  let problems: string[] = [];
  if (file && z.uuid().safeParse(file).success)
    preview = await importPreview(db(), user, assessment, file).catch((e: unknown) => {
      if (!(e instanceof DomainError)) throw e;
      problems = e.issues.length ? e.issues.map((i) => i.message) : [e.message];
      return null;
    });
  const editable = assessment.status === "draft" || assessment.status === "returned";
  const back = `/cases/${id}/vendors/${assessmentId}`;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        案件：{record.title || "（未命名案件）"}．第 {assessment.revision} 版．廠商：{assessment.vendorName}．
        <a href={back} className="text-brand-700 underline">
          回到廠商自評審查
        </a>
      </p>
      <h1 className="text-2xl font-bold">代廠商匯入 Word 自評表</h1>
      <p className="max-w-3xl text-slate-700">
        廠商以紙本或電子郵件交付填妥之 Word 自評表時，由承辦人代為上傳。匯入之填答記錄為「{user.name}（代廠商上傳）」，並列入稽核紀錄。
      </p>
      {!editable && (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3">
          自評表目前為「{ASSESSMENT_STATUS_LABEL[assessment.status]}」；只有填寫中或退回修正之自評表可以匯入。
        </p>
      )}
      <ImportUpload url={`/api/vendor-assessments/${assessmentId}/import`} initialErrors={problems} />
      {preview && <ImportPreview preview={preview} apply={applyImportAction.bind(null, id, assessmentId)} backHref={back} backLabel="回到廠商自評審查" />}
    </div>
  );
}
