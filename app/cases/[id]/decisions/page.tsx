import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { caseStepView } from "@/lib/cases/case-step-view";
import { DecisionSummary } from "@/components/review/DecisionSummary";
import { requireUser } from "../../../_server/auth";

export const metadata: Metadata = { title: "決定總表" };
export const dynamic = "force-dynamic";

/** The printable 決定總表: every requirement row with its status, decision, reason and who decided. */
export default async function DecisionsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const user = await requireUser();
  const view = await caseStepView(db(), id, user, "review");
  if (!view || view.step !== "review") notFound();
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600 print:hidden">
        <Link href={`/cases/${view.record.id}/review`} className="text-brand-700 underline">
          回到案件
        </Link>
        ．以瀏覽器列印本頁即可印出決定總表。
      </p>
      <h1 className="text-2xl font-bold">
        決定總表：{view.record.title || "（未命名案件）"}（第 {view.record.revision} 版）
      </h1>
      {view.checklist.ok ? <DecisionSummary rows={view.rows} typeNames={view.typeNames} /> : <p>案件資料尚未填寫完整。</p>}
    </div>
  );
}
