import { z } from "zod";
import type { TDb } from "../db/client";
import { parseSnapshot } from "./json";

/** The admin log's filters; the agency always comes from the session, never from the request. */
export const ZAuditFilter = z
  .object({
    agencyId: z.string().min(1),
    actorId: z.string().min(1).optional(),
    action: z.string().min(1).max(100).optional(),
    /** Half-open [from, to): see `taipeiDay` for a calendar day in Taipei. */
    from: z.date().optional(),
    to: z.date().optional(),
    targetType: z.string().min(1).max(50).optional(),
    targetId: z.string().min(1).max(200).optional(),
    take: z.number().int().min(1, "每頁至少 1 筆").max(500, "每頁最多 500 筆"),
    /** The id of the last entry of the previous page. */
    cursor: z.string().min(1).optional(),
  })
  .refine((f) => !f.from || !f.to || f.from < f.to, { path: ["to"], message: "結束時間須晚於開始時間" });
export type TAuditFilter = z.input<typeof ZAuditFilter>;

export type TAuditRecord = {
  id: string;
  agencyId: string | null;
  actorId: string | null;
  actorName: string;
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
  at: Date;
};

/** One page of the agency's audit log, newest first; `nextCursor` is null on the last page. */
export async function listAudit(db: TDb, filter: TAuditFilter): Promise<{ entries: TAuditRecord[]; nextCursor: string | null }> {
  const f = ZAuditFilter.parse(filter);
  const rows = await db.auditEntry.findMany({
    where: {
      agencyId: f.agencyId,
      ...(f.actorId ? { actorId: f.actorId } : {}),
      ...(f.action ? { action: f.action } : {}),
      ...(f.targetType ? { targetType: f.targetType } : {}),
      ...(f.targetId ? { targetId: f.targetId } : {}),
      ...(f.from || f.to ? { at: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
    },
    // id breaks ties between entries of the same instant, so pages neither repeat nor skip.
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: f.take + 1,
    ...(f.cursor ? { cursor: { id: f.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, f.take);
  return {
    entries: page.map((r) => ({ ...r, before: parseSnapshot(r.before), after: parseSnapshot(r.after) })),
    nextCursor: rows.length > f.take ? (page[page.length - 1]?.id ?? null) : null,
  };
}
