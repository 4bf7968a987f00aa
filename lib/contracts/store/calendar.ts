import { createHash, randomBytes } from "node:crypto";
import { createEvents, type EventAttributes } from "ics";
import type { TDb } from "../../db/client";
import type { TActor } from "../../auth/roles";
import { parseRoles } from "../../auth/roles";
import { DomainError } from "../../errors";
import { recordAudit } from "../../audit/record";
import { canSeeContracts } from "./access";

/** The feed token is the secret in the URL; only its SHA-256 is stored, so a database copy cannot subscribe. */
const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A new secret URL for the user's calendar feed (the old one stops working). Audited; the token is shown once. */
export async function regenerateCalendarToken(db: TDb, actor: TActor): Promise<string> {
  if (!canSeeContracts(actor)) throw new DomainError("forbidden", "您的角色無權訂閱契約行事曆。");
  const token = randomBytes(32).toString("base64url");
  await db.$transaction(async (tx) => {
    const had = await tx.calendarFeed.findUnique({ where: { userId: actor.id }, select: { createdAt: true } });
    await tx.calendarFeed.upsert({
      where: { userId: actor.id },
      create: { userId: actor.id, tokenHash: hashToken(token) },
      update: { tokenHash: hashToken(token), createdAt: new Date() },
    });
    await recordAudit(tx, {
      agencyId: actor.agencyId,
      actorId: actor.id,
      actorName: actor.name,
      action: "calendar.regenerate",
      targetType: "user",
      targetId: actor.id,
      after: { replaced: had !== null },
    });
  });
  return token;
}

export async function calendarFeedStatus(db: TDb, actor: Pick<TActor, "id">) {
  return db.calendarFeed.findUnique({ where: { userId: actor.id }, select: { createdAt: true } });
}

const dateArray = (d: string): [number, number, number] => d.split("-").map(Number) as [number, number, number];
const nextDay = (d: string) => {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + 1);
  return x.toISOString().slice(0, 10);
};

/**
 * The feed (RFC 5545, through `ics`): the agency's open obligations and acceptance milestones as all-day
 * events on their Taipei dates. An unknown token, or a user no longer active or allowed, reads as not found.
 */
export async function calendarFeed(db: TDb, token: string): Promise<string> {
  if (!TOKEN.test(token)) throw new DomainError("not-found", "找不到這個行事曆。");
  const feed = await db.calendarFeed.findUnique({ where: { tokenHash: hashToken(token) } });
  const user = feed ? await db.user.findUnique({ where: { id: feed.userId }, select: { agencyId: true, roles: true, active: true } }) : null;
  if (!user || !user.active || !canSeeContracts({ roles: parseRoles(user.roles) })) throw new DomainError("not-found", "找不到這個行事曆。");
  const [obligations, milestones] = await Promise.all([
    db.obligation.findMany({
      where: { agencyId: user.agencyId, active: true, dueOn: { not: null }, review: { not: "approved" } },
      select: { id: true, title: true, dueOn: true, basis: true, owner: true, contract: { select: { contractNumber: true, vendorName: true } } },
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    }),
    db.contractMilestone.findMany({
      where: { contract: { agencyId: user.agencyId } },
      select: { id: true, name: true, dueOn: true, contract: { select: { contractNumber: true } } },
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    }),
  ]);
  const events: EventAttributes[] = [
    ...obligations.map((o) => ({
      uid: `obligation-${o.id}@secreq`,
      title: `${o.contract.contractNumber}｜${o.title}`,
      description: `${o.owner === "agency" ? "機關應辦" : `廠商：${o.contract.vendorName}`}\n依據：${o.basis}`,
      start: dateArray(o.dueOn!),
      end: dateArray(nextDay(o.dueOn!)),
    })),
    ...milestones.map((m) => ({
      uid: `milestone-${m.id}@secreq`,
      title: `${m.contract.contractNumber}｜驗收：${m.name}`,
      start: dateArray(m.dueOn),
      end: dateArray(nextDay(m.dueOn)),
    })),
  ];
  const { error, value } = createEvents(events, { productId: "secreq/contracts", calName: "SecReq 契約履約" });
  if (error || value === null) throw error ?? new Error("ics: no output");
  return value;
}
