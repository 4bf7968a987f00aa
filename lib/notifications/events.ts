import type { TTx } from "../audit";
import { parseRoles, type TRole } from "../auth/roles";
import { caseEditors } from "../cases/editors";
import { writeNotifications, type TNotificationKind } from "./write";

// The events that tell someone it is their turn (issue 14). Each is one call from its verb, inside the
// verb's transaction. Messages name the case and link to its page; they carry nothing of its content.

const caseName = (title: string) => `「${title.trim() || "未命名案件"}」`;

async function activeWithRole(tx: TTx, where: { agencyId?: string; id?: { in: string[] } }, role: TRole) {
  const users = await tx.user.findMany({ where: { ...where, active: true }, select: { id: true, agencyId: true, roles: true } });
  return users.filter((u) => parseRoles(u.roles).includes(role));
}

async function caseRow(tx: TTx, caseId: string) {
  return tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { id: true, agencyId: true, title: true, revision: true } });
}

/** 送審 → the agency's CISOs who may review it (not its own editors). */
export async function notifySubmitted(tx: TTx, caseId: string) {
  const c = await caseRow(tx, caseId);
  const editors = await caseEditors(tx, caseId);
  const cisos = (await activeWithRole(tx, { agencyId: c.agencyId }, "ciso")).filter((u) => !editors.has(u.id));
  return writeNotifications(
    tx,
    cisos.map((u) => ({
      userId: u.id,
      agencyId: c.agencyId,
      kind: "case.submitted",
      title: `案件${caseName(c.title)}已送審，待您審查`,
      link: `/cases/${c.id}/approval`,
      caseId,
    })),
  );
}

/** 退回 or 核准 → the officers who edit the case (its creator and anyone who wrote it). */
export async function notifyDecided(tx: TTx, caseId: string, verdict: "approve" | "return", actorId: string) {
  const c = await caseRow(tx, caseId);
  const editors = [...(await caseEditors(tx, caseId))].filter((id) => id !== actorId);
  const officers = await activeWithRole(tx, { agencyId: c.agencyId, id: { in: editors } }, "officer");
  const kind: TNotificationKind = verdict === "approve" ? "case.approved" : "case.returned";
  const title = verdict === "approve" ? `案件${caseName(c.title)}已由資安長核准` : `案件${caseName(c.title)}已由資安長退回，請修正後重新送審`;
  return writeNotifications(
    tx,
    officers.map((u) => ({ userId: u.id, agencyId: c.agencyId, kind, title, link: `/cases/${c.id}/review`, caseId })),
  );
}

/** A newer catalogue version → officers with open (draft or returned) cases on an older one, in every agency. */
export async function notifyCataloguePublished(tx: TTx, versionId: string) {
  const open = await tx.case.findMany({
    where: { status: { in: ["draft", "returned"] }, catalogueVersionId: { lt: versionId } },
    select: { createdById: true },
    distinct: ["createdById"],
  });
  const officers = await activeWithRole(tx, { id: { in: open.map((c) => c.createdById) } }, "officer");
  return writeNotifications(
    tx,
    officers.map((u) => ({
      userId: u.id,
      agencyId: u.agencyId,
      kind: "catalogue.published",
      title: `需求目錄新版本 ${versionId} 已發布；您未送審的案件可檢視差異並改用新版`,
      link: "/cases",
    })),
  );
}

/** A vendor submits its self-assessment → the case's officers (its editors), to review it. */
export async function notifyVendorSubmitted(tx: TTx, caseId: string, assessmentId: string) {
  const c = await caseRow(tx, caseId);
  const officers = await activeWithRole(tx, { agencyId: c.agencyId, id: { in: [...(await caseEditors(tx, caseId))] } }, "officer");
  return writeNotifications(
    tx,
    officers.map((u) => ({
      userId: u.id,
      agencyId: c.agencyId,
      kind: "vendor.submitted",
      title: `案件${caseName(c.title)}有廠商送出資安自評表，待您審查`,
      link: `/cases/${c.id}/vendors/${assessmentId}`,
      caseId,
    })),
  );
}

/** The agency finished its review → the vendor representative (returned: fix the returned answers; accepted: done). */
export async function notifyVendorReviewed(tx: TTx, caseId: string, vendorUserId: string, verdict: "returned" | "accepted") {
  const c = await caseRow(tx, caseId);
  const title =
    verdict === "returned"
      ? `案件${caseName(c.title)}之資安自評表已由機關退回部分項目，請修正後重新送出`
      : `案件${caseName(c.title)}之資安自評表已由機關全部接受`;
  return writeNotifications(tx, [
    {
      userId: vendorUserId,
      agencyId: c.agencyId,
      kind: verdict === "returned" ? "vendor.returned" : "vendor.accepted",
      title,
      link: `/vendor/${c.id}`,
      caseId,
    },
  ]);
}
