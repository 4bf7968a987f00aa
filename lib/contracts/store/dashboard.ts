import { z } from "zod";
import type { TDb } from "../../db/client";
import type { TActor } from "../../auth/roles";
import type { Prisma } from "../../db/generated/client";
import { taipeiToday } from "../../time";
import { DomainError } from "../../errors";
import { canSeeContracts } from "./access";
import { windowEnd } from "./status";
import { pageCount, pageWindow, zPageNumber, zSearchWords } from "../../paging";

export const CONTRACT_PAGE_SIZE = 20;
export const CONTRACT_FILTERS = ["all", "due", "overdue", "review"] as const;

/** The dashboard's query; anything malformed falls back to the default. */
export const ZContractListQuery = z.object({
  page: zPageNumber(),
  filter: z.enum(CONTRACT_FILTERS).catch("all"),
  q: zSearchWords(),
});
export type TContractListQuery = z.infer<typeof ZContractListQuery>;

/**
 * The agency's contracts with what needs attention (Taipei today): due within 30 days and not yet submitted,
 * overdue, awaiting review; open 不符合事項 of the contract's self-assessments add to due / overdue. Counted in
 * grouped queries for the page, never per row.
 */
export async function listContracts(db: TDb, actor: TActor, query: TContractListQuery, now: Date = new Date(), pageSize = CONTRACT_PAGE_SIZE) {
  if (!canSeeContracts(actor)) throw new DomainError("forbidden", "您的角色無權查看契約。");
  const today = taipeiToday(now);
  const due: Prisma.ObligationWhereInput = { active: true, review: "", dueOn: { gte: today, lte: windowEnd(today) } };
  const overdue: Prisma.ObligationWhereInput = { active: true, review: "", dueOn: { lt: today } };
  const review: Prisma.ObligationWhereInput = { active: true, review: "submitted" };
  // Open 不符合事項 of the vendors' self-assessments count as due / overdue beside the obligations.
  const ncDue: Prisma.NonconformityWhereInput = {
    agencyId: actor.agencyId,
    closedAt: null,
    contractId: { not: null },
    dueOn: { gte: today, lte: windowEnd(today) },
  };
  const ncOverdue: Prisma.NonconformityWhereInput = { agencyId: actor.agencyId, closedAt: null, contractId: { not: null }, dueOn: { lt: today } };
  const withNc = async (w: Prisma.NonconformityWhereInput) =>
    (await db.nonconformity.findMany({ where: w, select: { contractId: true }, distinct: ["contractId"] })).flatMap((n) =>
      n.contractId ? [n.contractId] : [],
    );
  const filterOn = async (o: Prisma.ObligationWhereInput, n: Prisma.NonconformityWhereInput): Promise<Prisma.ContractWhereInput> => ({
    OR: [{ obligations: { some: o } }, { id: { in: await withNc(n) } }],
  });
  const where: Prisma.ContractWhereInput = {
    agencyId: actor.agencyId,
    AND: [
      ...(query.q ? [{ OR: [{ contractNumber: { contains: query.q } }, { vendorName: { contains: query.q } }] }] : []),
      ...(query.filter === "due" ? [await filterOn(due, ncDue)] : []),
      ...(query.filter === "overdue" ? [await filterOn(overdue, ncOverdue)] : []),
      ...(query.filter === "review" ? [{ obligations: { some: review } }] : []),
    ],
  };
  const [total, rows] = await Promise.all([
    db.contract.count({ where }),
    db.contract.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      ...pageWindow(query.page, pageSize),
      select: { id: true, contractNumber: true, vendorName: true, startOn: true, endOn: true },
    }),
  ]);
  const ids = rows.map((r) => r.id);
  const count = async (w: Prisma.ObligationWhereInput) => {
    const groups = await db.obligation.groupBy({ by: ["contractId"], where: { ...w, contractId: { in: ids } }, _count: { _all: true } });
    return new Map(groups.map((g) => [g.contractId, g._count._all]));
  };
  const countNc = async (w: Prisma.NonconformityWhereInput) => {
    const groups = await db.nonconformity.groupBy({ by: ["contractId"], where: { ...w, contractId: { in: ids } }, _count: { _all: true } });
    return new Map(groups.map((g) => [g.contractId ?? "", g._count._all]));
  };
  const none = new Map<string, number>();
  const [d, o, r, nd, no] = ids.length
    ? await Promise.all([count(due), count(overdue), count(review), countNc(ncDue), countNc(ncOverdue)])
    : [none, none, none, none, none];
  return {
    today,
    total,
    page: query.page,
    pages: pageCount(total, pageSize),
    rows: rows.map((c) => ({
      ...c,
      due: (d.get(c.id) ?? 0) + (nd.get(c.id) ?? 0),
      overdue: (o.get(c.id) ?? 0) + (no.get(c.id) ?? 0),
      review: r.get(c.id) ?? 0,
      nonconformities: { due: nd.get(c.id) ?? 0, overdue: no.get(c.id) ?? 0 },
    })),
  };
}
