import type { TDb } from "../db/client";
import type { TAuditRecord } from "../audit";

/**
 * The names of the cases and users the entries are about, by id: only those of the agency (an id of
 * another agency, or of a row that no longer exists, gets no name). A case reads as its name and revision.
 */
export async function auditTargetNames(
  db: TDb,
  agencyId: string,
  entries: readonly Pick<TAuditRecord, "targetType" | "targetId">[],
): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(entries.filter((e) => e.targetType === type).map((e) => e.targetId))];
  const [cases, users] = await Promise.all([
    db.case.findMany({ where: { agencyId, id: { in: ids("case") } }, select: { id: true, title: true, revision: true } }),
    db.user.findMany({ where: { agencyId, id: { in: ids("user") } }, select: { id: true, name: true, email: true } }),
  ]);
  return new Map([
    ...cases.map((c) => [c.id, `${c.title.trim() || "未命名案件"}${c.revision > 1 ? `（第 ${c.revision} 版）` : ""}`] as const),
    ...users.map((u) => [u.id, `${u.name}（${u.email}）`] as const),
  ]);
}
