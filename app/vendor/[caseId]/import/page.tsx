import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { vendorCase } from "@/lib/vendor/access";
import { vendorAssessment } from "@/lib/vendor/assessment/store";
import { importPreview, type TImportPreview } from "@/lib/vendor/assessment/import";
import { ASSESSMENT_STATUS_LABEL } from "@/lib/vendor/assessment/rules";
import { ImportUpload } from "@/components/vendor/ImportUpload";
import { ImportPreview } from "@/components/vendor/ImportPreview";
import { requireUser } from "../../../_server/auth";
import { applyImportAction } from "./actions";

export const metadata: Metadata = { title: "匯入 Word 自評表" };
export const dynamic = "force-dynamic";

/** A domain refusal (not invited, another agency) reads as absent; anything else is a real failure. */
const orNull = (e: unknown) => {
  if (e instanceof DomainError) return null;
  throw e;
};

/** /vendor/:caseId/import — the vendor uploads its filled Word 自評表, previews it against the online form and applies it. */
export default async function VendorImportPage({ params, searchParams }: { params: Promise<{ caseId: string }>; searchParams: Promise<{ file?: string }> }) {
  const { caseId } = await params;
  const { file } = await searchParams;
  if (!z.uuid().safeParse(caseId).success) notFound();
  const user = await requireUser({ roles: ["vendor"] });
  const record = await vendorCase(db(), user, caseId).catch(orNull);
  if (!record) notFound();
  const assessment = await vendorAssessment(db(), user, caseId);
  let preview: TImportPreview | null = null;
  let problems: string[] = [];
  if (file && z.uuid().safeParse(file).success)
    preview = await importPreview(db(), user, assessment, file).catch((e: unknown) => {
      if (!(e instanceof DomainError)) throw e;
      problems = e.issues.length ? e.issues.map((i) => i.message) : [e.message];
      return null;
    });
  const editable = assessment.status === "draft" || assessment.status === "returned";
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        案件：{record.title || "（未命名案件）"}．第 {record.revision} 版．
        <a href={`/vendor/${caseId}`} className="text-brand-700 underline">
          回到線上自評表
        </a>
      </p>
      <h1 className="text-2xl font-bold">匯入 Word 自評表</h1>
      <p className="max-w-3xl text-slate-700">
        上傳以本系統下載並填妥之廠商資安自評表，預覽後再套用至線上自評表。與線上不同之填答會並列顯示，由您逐項選擇保留線上或採用 Word。
      </p>
      {!editable && (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3">
          自評表目前為「{ASSESSMENT_STATUS_LABEL[assessment.status]}」，機關審查完成前無法匯入。
        </p>
      )}
      <ImportUpload url={`/api/vendor/${caseId}/import`} initialErrors={problems} />
      {preview && <ImportPreview preview={preview} apply={applyImportAction.bind(null, caseId)} backHref={`/vendor/${caseId}`} backLabel="回到線上自評表" />}
    </div>
  );
}
