import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { formatTaipei } from "@/lib/audit";
import { invitationForToken } from "@/lib/vendor/invitations";
import { AcceptForm } from "@/components/vendor/AcceptForm";
import { acceptInvitationAction } from "../actions";

export const metadata: Metadata = { title: "接受廠商邀請" };
export const dynamic = "force-dynamic";

/** The invitation link: who invites whom to what, and the password to set; or why the link cannot be used. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await invitationForToken(db(), token);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">接受廠商邀請</h1>
      {!invitation.ok ? (
        <p role="alert" className="max-w-xl rounded border border-amber-300 bg-amber-50 p-3">
          {invitation.message}{" "}
          <Link href="/login" className="text-brand-700 underline">
            前往登入
          </Link>
        </p>
      ) : (
        <>
          <p className="max-w-3xl text-slate-700">
            {invitation.agencyName}邀請 {invitation.name}（{invitation.email}）以廠商代表身分填寫「{invitation.caseTitle || "（未命名案件）"}
            」之廠商資安自評表。 本連結於 {formatTaipei(invitation.expiresAt)} 前有效，只能使用一次。
          </p>
          <AcceptForm token={token} hasAccount={invitation.hasAccount} accept={acceptInvitationAction} />
        </>
      )}
    </div>
  );
}
