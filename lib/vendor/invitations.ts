import { createHash, randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import type { TDb } from "../db/client";
import { formatTaipei, recordAudit } from "../audit";
import { sendMail, type TMailConfig, type TSendResult } from "../mail";
import { DomainError, type TIssue } from "../errors";
import { hasRole, type TActor } from "../auth/roles";
import { passwordProblem } from "../auth/password-policy";
import { createUser } from "../auth/users";
import { getCaseFor } from "../cases/store";
import { zLine } from "../validation/text";

/**
 * Invitations of vendor representatives (廠商代表) to an approved case — the bidders — or, once issue 16's
 * contracts exist, to a contract of it. The token is 32 random bytes shown once as a link; only its
 * SHA-256 is stored. Accepting it (once, before it expires, unless revoked) creates the vendor account
 * with the same password policy, lockout and idle logout as any account, and makes the invitation the
 * vendor's grant to that case (lib/vendor/access.ts).
 */

export const INVITATION_DAYS_DEFAULT = 14;
export const INVITATION_DAYS_MAX = 60;
const DAY = 24 * 60 * 60 * 1000;

export class VendorError extends DomainError {
  constructor(code: "not-found" | "forbidden" | "invalid" | "conflict", message: string, issues: TIssue[] = []) {
    super(code, message, issues);
    this.name = "VendorError";
  }
}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const ZInvite = z.object({
  email: z.email({ error: "請填寫有效的電子郵件" }).max(200, "電子郵件最多 200 個字元"),
  name: zLine({ error: "請填寫廠商代表姓名" }).trim().min(1, "請填寫廠商代表姓名").max(100, "姓名最多 100 個字"),
  days: z.coerce
    .number({ error: "有效天數應為數字" })
    .int("有效天數應為整數")
    .min(1, "有效天數至少 1 天")
    .max(INVITATION_DAYS_MAX, `有效天數最多 ${INVITATION_DAYS_MAX} 天`)
    .default(INVITATION_DAYS_DEFAULT),
  contractId: z.string().max(100).nullish(),
});
export type TInvite = z.input<typeof ZInvite>;

const refuseFields = (issues: TIssue[]) => new VendorError("invalid", issues[0]?.message ?? "輸入有誤", issues);
function parse<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const r = schema.safeParse(input);
  if (!r.success) throw refuseFields(r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
  return r.data;
}

export type TInvitationState = "pending" | "accepted" | "revoked" | "expired";
export function invitationState(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): TInvitationState {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  return row.expiresAt.getTime() <= now.getTime() ? "expired" : "pending";
}
export const INVITATION_STATE_LABEL: Record<TInvitationState, string> = { pending: "待接受", accepted: "已接受", revoked: "已撤銷", expired: "已逾期" };

/** The officer invites a representative to an approved case of their agency; returns the token (shown once). */
export async function createInvitation(db: TDb, actor: TActor, caseId: string, input: TInvite, now: Date = new Date()) {
  if (!hasRole(actor, "officer")) throw new VendorError("forbidden", "只有承辦人可以邀請廠商代表");
  const data = parse(ZInvite, input);
  const record = await getCaseFor(db, caseId, actor);
  if (!record) throw new VendorError("not-found", "找不到案件");
  if (record.status !== "approved") throw new VendorError("conflict", "只有已核定之案件版次可以邀請廠商填寫自評表");
  if (data.contractId) {
    const contract = await db.contract.findFirst({ where: { id: data.contractId, agencyId: actor.agencyId, caseId }, select: { id: true } });
    if (!contract) throw refuseFields([{ path: "contractId", message: "找不到此案件版次之契約" }]);
  }
  const email = data.email.trim().toLowerCase();
  const staff = await db.user.findUnique({ where: { email }, select: { roles: true } });
  if (staff && !staff.roles.includes('"vendor"')) throw refuseFields([{ path: "email", message: "此電子郵件已是機關人員之帳號，不能作為廠商代表" }]);
  const token = randomBytes(32).toString("base64url");
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + data.days * DAY);
  await db.$transaction(async (tx) => {
    await tx.vendorInvitation.create({
      data: {
        id,
        agencyId: actor.agencyId,
        caseId,
        revision: record.revision,
        contractId: data.contractId ?? null,
        email,
        name: data.name,
        tokenHash: hashToken(token),
        createdById: actor.id,
        createdByName: actor.name,
        createdAt: now,
        expiresAt,
      },
    });
    await recordAudit(tx, {
      agencyId: actor.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "vendor.invite",
      targetType: "case",
      targetId: caseId,
      after: { invitationId: id, email, name: data.name, revision: record.revision, contractId: data.contractId ?? null, expiresAt },
    });
  });
  return { id, token, email, expiresAt };
}

/** The case's invitations, newest first (for the officer's panel). */
export async function listInvitations(db: TDb, actor: TActor, caseId: string, now: Date = new Date()) {
  if (!hasRole(actor, "officer") && !hasRole(actor, "ciso")) throw new VendorError("forbidden", "只有承辦人或資安長可以檢視邀請");
  const record = await getCaseFor(db, caseId, actor);
  if (!record) throw new VendorError("not-found", "找不到案件");
  const rows = await db.vendorInvitation.findMany({ where: { caseId, agencyId: actor.agencyId }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    revision: r.revision,
    createdByName: r.createdByName,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    acceptedAt: r.acceptedAt,
    state: invitationState(r, now),
  }));
}

export async function revokeInvitation(db: TDb, actor: TActor, invitationId: string, now: Date = new Date()) {
  if (!hasRole(actor, "officer")) throw new VendorError("forbidden", "只有承辦人可以撤銷邀請");
  await db.$transaction(async (tx) => {
    const row = await tx.vendorInvitation.findFirst({ where: { id: invitationId, agencyId: actor.agencyId } });
    if (!row) throw new VendorError("not-found", "找不到邀請");
    const state = invitationState(row, now);
    if (state !== "pending") throw new VendorError("conflict", `此邀請${INVITATION_STATE_LABEL[state]}，無法撤銷`);
    // Conditional: a concurrent accept and revoke cannot both win.
    const done = await tx.vendorInvitation.updateMany({
      where: { id: row.id, acceptedAt: null, revokedAt: null },
      data: { revokedAt: now, revokedByName: actor.name },
    });
    if (done.count !== 1) throw new VendorError("conflict", "此邀請已被接受或撤銷，無法撤銷");
    await recordAudit(tx, {
      agencyId: actor.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "vendor.revoke",
      targetType: "case",
      targetId: row.caseId,
      before: { invitationId: row.id, email: row.email },
    });
  });
}

const REFUSED: Record<Exclude<TInvitationState, "pending">, string> = {
  accepted: "此邀請連結已使用過；請直接登入，或請承辦人重新邀請",
  revoked: "此邀請已被撤銷，請洽承辦人",
  expired: "此邀請已逾期，請洽承辦人重新邀請",
};
const UNKNOWN = "邀請連結無效，請確認連結是否完整，或洽承辦人重新邀請";

/** What the accept page shows for a token: who is invited to what, or why it cannot be used. */
export async function invitationForToken(db: TDb, token: string, now: Date = new Date()) {
  const row = token.length >= 20 && token.length <= 100 ? await db.vendorInvitation.findUnique({ where: { tokenHash: hashToken(token) } }) : null;
  if (!row) return { ok: false as const, message: UNKNOWN };
  const state = invitationState(row, now);
  if (state !== "pending") return { ok: false as const, message: REFUSED[state] };
  const [agency, record] = await Promise.all([
    db.agency.findUnique({ where: { id: row.agencyId }, select: { name: true } }),
    db.case.findUnique({ where: { id: row.caseId }, select: { title: true } }),
  ]);
  const existing = await db.user.findUnique({ where: { email: row.email }, select: { id: true } });
  return {
    ok: true as const,
    email: row.email,
    name: row.name,
    agencyName: agency?.name ?? "",
    caseTitle: record?.title ?? "",
    expiresAt: row.expiresAt,
    hasAccount: !!existing,
  };
}

export const ZAccept = z
  .object({
    token: z.string().min(20, UNKNOWN).max(100, UNKNOWN),
    password: z.string({ error: "請設定密碼" }).min(1, "請設定密碼").max(200, "密碼過長"),
    confirm: z.string({ error: "請再輸入一次密碼" }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "兩次輸入的密碼不一致" });

/**
 * Accepts an invitation: creates the vendor account (password set here, so no forced change), or, for an
 * e-mail that already has a vendor account, attaches the case to it after checking that account's
 * password. The token is spent in the same transaction (conditional update: a second use finds it spent).
 */
export async function acceptInvitation(db: TDb, input: unknown, now: Date = new Date()): Promise<{ userId: string; email: string; caseId: string }> {
  const data = parse(ZAccept, input);
  const row = await db.vendorInvitation.findUnique({ where: { tokenHash: hashToken(data.token) } });
  if (!row) throw refuseFields([{ path: "token", message: UNKNOWN }]);
  const state = invitationState(row, now);
  if (state !== "pending") throw new VendorError("conflict", REFUSED[state]);
  const existing = await db.user.findUnique({ where: { email: row.email }, include: { accounts: { where: { providerId: "credential" } } } });
  if (existing) {
    if (!existing.roles.includes('"vendor"') || !existing.active) throw new VendorError("conflict", "此電子郵件之帳號不能接受廠商邀請，請洽承辦人");
    const { verifyPassword } = await import("better-auth/crypto");
    const hash = existing.accounts[0]?.password;
    if (!hash || !(await verifyPassword({ hash, password: data.password })))
      throw refuseFields([{ path: "password", message: "此電子郵件已有廠商代表帳號：請輸入該帳號之密碼" }]);
  } else {
    const problem = passwordProblem(data.password, { email: row.email, name: row.name });
    if (problem) throw refuseFields([{ path: "password", message: problem }]);
  }
  return db.$transaction(async (tx) => {
    const userId =
      existing?.id ??
      (await createUser(tx, {
        agencyId: row.agencyId,
        email: row.email,
        name: row.name,
        roles: ["vendor"],
        password: data.password,
        mustChangePassword: false,
      }));
    const spent = await tx.vendorInvitation.updateMany({
      where: { id: row.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { acceptedAt: now, acceptedUserId: userId },
    });
    if (spent.count !== 1) throw new VendorError("conflict", REFUSED.accepted);
    await recordAudit(tx, {
      agencyId: row.agencyId,
      actorId: userId,
      actorName: row.name,
      action: "vendor.accept",
      targetType: "case",
      targetId: row.caseId,
      after: { invitationId: row.id, email: row.email, newAccount: !existing },
    });
    return { userId, email: row.email, caseId: row.caseId };
  });
}

/** The invitation e-mail (when SMTP_URL is set): the link, who invites, until when. Nothing of the case's content. */
export async function mailInvitation(
  config: TMailConfig,
  invite: { email: string; name: string; link: string; agencyName: string; caseTitle: string; expiresAt: Date },
): Promise<TSendResult> {
  const until = formatTaipei(invite.expiresAt);
  return sendMail(config, {
    to: invite.email,
    subject: `［SecReq］${invite.agencyName}邀請您填寫廠商資安自評表`,
    text: [
      `${invite.name} 您好：`,
      "",
      `${invite.agencyName}邀請您就「${invite.caseTitle}」填寫廠商資安自評表。`,
      `請於 ${until} 前開啟下列連結設定密碼並接受邀請（連結僅能使用一次）：`,
      invite.link,
      "",
      "如您並未預期此邀請，請忽略本信。",
    ].join("\n"),
  });
}
