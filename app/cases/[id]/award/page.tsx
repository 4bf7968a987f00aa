import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { awardView, TAX_ID_BASIS } from "@/lib/contracts/store";
import { AwardForm } from "@/components/contracts/AwardForm";
import { requireUser } from "../../../_server/auth";
import { awardContractAction } from "../../../contracts/actions";

export const metadata: Metadata = { title: "決標建立契約" };
export const dynamic = "force-dynamic";

/** 決標建立契約 from an approved revision (officers). */
export default async function AwardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const user = await requireUser({ roles: ["officer"] });
  const view = await awardView(db(), id, user);
  if (!view) notFound();
  const { record, existing } = view;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">決標建立契約</h1>
      <p>
        {record.title || "（未命名案件）"}．第 {record.revision} 版
      </p>
      {existing ? (
        <p role="status" className="rounded border border-sky-300 bg-sky-50 p-3">
          本案已建立契約{" "}
          <Link href={`/contracts/${existing.id}`} className="font-semibold text-brand-700 underline">
            {existing.contractNumber}
          </Link>
          ；契約變更請在契約頁面改用新核定的版本。
        </p>
      ) : record.status !== "approved" ? (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3">
          只有資安長核定的版本可以決標建立契約。
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-700">
            契約將固定於本核定版本；本案之後的版本不會改變契約，除非在契約頁面明確辦理契約變更。統一編號檢核依據：{TAX_ID_BASIS}。
          </p>
          <AwardForm award={awardContractAction.bind(null, record.id)} />
        </>
      )}
    </div>
  );
}
