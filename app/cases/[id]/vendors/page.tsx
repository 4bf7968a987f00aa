import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { getCaseFor } from "@/lib/cases/store";
import { formatTaipei } from "@/lib/audit";
import { INVITATION_DAYS_DEFAULT, INVITATION_STATE_LABEL, listInvitations } from "@/lib/vendor/invitations";
import { caseAssessments } from "@/lib/vendor/assessment/summary";
import { ASSESSMENT_STATUS_LABEL } from "@/lib/vendor/assessment/rules";
import { InviteForm } from "@/components/vendor/InviteForm";
import { ActionButton } from "@/components/ui/ActionButton";
import { TableHead } from "@/components/ui/TableHead";
import { requireUser } from "../../../_server/auth";
import { inviteVendorAction, revokeInvitationAction } from "./actions";

export const metadata: Metadata = { title: "廠商自評邀請" };
export const dynamic = "force-dynamic";

/** The officer's invitations of vendor representatives to an approved revision (the CISO may look). */
export default async function VendorsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const user = await requireUser({ roles: ["officer", "ciso"] });
  const record = await getCaseFor(db(), id, user);
  if (!record) notFound();
  const [invitations, assessments] = await Promise.all([listInvitations(db(), user, id), caseAssessments(db(), user, id)]);
  const officer = user.roles.includes("officer");
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        案件：{record.title || "（未命名案件）"}．第 {record.revision} 版．
        <Link href={`/cases/${record.id}/review`} className="text-brand-700 underline">
          回到案件
        </Link>
      </p>
      <h1 className="text-2xl font-bold">廠商自評邀請</h1>
      <p className="max-w-3xl text-slate-700">
        邀請投標或得標廠商之代表以帳號填寫本版次之廠商資安自評表。廠商代表只看得到本案之要求清單、自己的填答與檔案，以及機關給它的意見。
      </p>
      {record.status !== "approved" ? (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3">
          本版次尚未核定；核定後才能邀請廠商。
        </p>
      ) : (
        officer && <InviteForm invite={inviteVendorAction.bind(null, record.id)} defaultDays={INVITATION_DAYS_DEFAULT} />
      )}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <caption className="sr-only">邀請清單</caption>
          <TableHead columns={["廠商代表", "電子郵件", "狀態", "有效期限", "邀請人", "操作"]} />
          <tbody>
            {invitations.length === 0 && (
              <tr>
                <td colSpan={6} className="px-3 py-3 text-slate-600">
                  尚無邀請。
                </td>
              </tr>
            )}
            {invitations.map((i) => (
              <tr key={i.id} className="border-t border-slate-200">
                <td className="px-3 py-2">{i.name}</td>
                <td className="px-3 py-2">{i.email}</td>
                <td className="px-3 py-2">{INVITATION_STATE_LABEL[i.state]}</td>
                <td className="px-3 py-2 font-mono">{formatTaipei(i.expiresAt)}</td>
                <td className="px-3 py-2">{i.createdByName}</td>
                <td className="px-3 py-2">
                  {officer && i.state === "pending" && (
                    <ActionButton
                      label="撤銷"
                      variant="secondary"
                      confirm={`撤銷給 ${i.email} 的邀請？`}
                      action={revokeInvitationAction.bind(null, record.id, i.id)}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 className="text-lg font-semibold">廠商自評</h2>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <caption className="sr-only">廠商自評清單</caption>
          <TableHead columns={["廠商代表", "狀態", "輪次", "已填", "否", "待審", "退回", "未結案不符合事項", "審查"]} />
          <tbody>
            {assessments.length === 0 && (
              <tr>
                <td colSpan={9} className="px-3 py-3 text-slate-600">
                  受邀廠商開始填寫後，自評表會列在這裡。
                </td>
              </tr>
            )}
            {assessments.map((a) => (
              <tr key={a.id} className="border-t border-slate-200" data-assessment={a.id}>
                <td className="px-3 py-2">{a.vendorName}</td>
                <td className="px-3 py-2">{ASSESSMENT_STATUS_LABEL[a.status]}</td>
                <td className="px-3 py-2">{a.round}</td>
                <td className="px-3 py-2">{a.answered}</td>
                <td className="px-3 py-2">{a.no}</td>
                <td className="px-3 py-2">{a.pending}</td>
                <td className="px-3 py-2">{a.returned}</td>
                <td className="px-3 py-2">{a.open}</td>
                <td className="px-3 py-2">
                  <Link href={`/cases/${record.id}/vendors/${a.id}`} className="text-brand-700 underline">
                    {a.status === "submitted" && officer ? "審查" : "檢視"}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
