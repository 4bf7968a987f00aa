"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { mailConfig } from "@/lib/mail";
import { createInvitation, mailInvitation, revokeInvitation } from "@/lib/vendor/invitations";
import { authedAction } from "../../../_server/action";

const ZInviteInput = z.object({ caseId: z.uuid({ error: "案件代碼有誤" }), email: z.string().max(300), name: z.string().max(300), days: z.string().max(10) });

/** The officer invites a vendor representative; the link is returned once (and mailed when SMTP_URL is set). */
export const inviteVendorAction = authedAction(
  { args: (caseId: string, input: unknown) => ({ ...(input as object), caseId }), input: ZInviteInput, roles: ["officer"] },
  async (input, user) => {
    const r = await createInvitation(db(), user, input.caseId, { email: input.email, name: input.name, days: input.days || undefined });
    const base = (process.env.BETTER_AUTH_URL ?? "").replace(/\/$/, "");
    const link = `${base}/invite/${r.token}`;
    const record = await db().case.findUnique({ where: { id: input.caseId }, select: { title: true } });
    // A mail that fails does not undo the invitation: the officer still has the link to pass on.
    const mailed = await mailInvitation(mailConfig(), {
      email: r.email,
      name: input.name.trim(),
      link,
      agencyName: user.agencyName,
      caseTitle: record?.title || "（未命名案件）",
      expiresAt: r.expiresAt,
    })
      .then((m) => m.sent)
      .catch((e: unknown) => {
        console.error("invitation mail failed", e);
        return false;
      });
    revalidatePath(`/cases/${input.caseId}/vendors`);
    return { link, mailed };
  },
);

export const revokeInvitationAction = authedAction(
  {
    args: (caseId: string, invitationId: string) => ({ caseId, invitationId }),
    input: z.object({ caseId: z.uuid(), invitationId: z.uuid() }),
    roles: ["officer"],
  },
  async (input, user) => {
    await revokeInvitation(db(), user, input.invitationId);
    revalidatePath(`/cases/${input.caseId}/vendors`);
    return {};
  },
);
