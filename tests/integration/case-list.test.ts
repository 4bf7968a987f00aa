import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDb } from "@/lib/db/client";
import { createCase, listCases, ZCaseListQuery } from "@/lib/cases/store";
import { freshDb } from "../helpers/db";
import { createAgencyWithUsers } from "../helpers/people";

describe("the case list: the own agency's cases, paged and filtered", () => {
  let db: TDb;
  let cleanup: () => Promise<void>;
  let agencyA: string;
  beforeAll(async () => {
    ({ db, cleanup } = await freshDb());
    const a = await createAgencyWithUsers(db, "甲市政府");
    const b = await createAgencyWithUsers(db, "乙縣政府");
    agencyA = a.agencyId;
    const start = Date.parse("2026-01-01T00:00:00Z");
    for (let i = 0; i < 45; i++) {
      const id = await createCase(db, a.officer);
      await db.case.update({
        where: { id },
        data: {
          title: i % 3 === 0 ? `資安監控案 ${i}` : `系統開發案 ${i}`,
          status: i % 5 === 0 ? "approved" : "draft",
          updatedAt: new Date(start + i * 60_000),
        },
      });
    }
    await db.case.update({ where: { id: await createCase(db, b.officer) }, data: { title: "資安監控案 乙" } });
  });
  afterAll(() => cleanup());

  it("pages the agency's cases, the latest change first", async () => {
    const first = await listCases(db, agencyA, ZCaseListQuery.parse({}));
    expect(first).toMatchObject({ total: 45, page: 1, pages: 3 });
    expect(first.items).toHaveLength(20);
    expect(first.items[0]!.title).toBe("系統開發案 44");
    const last = await listCases(db, agencyA, ZCaseListQuery.parse({ page: "3" }));
    expect(last.items.map((c) => c.title)).toEqual(["系統開發案 4", "資安監控案 3", "系統開發案 2", "系統開發案 1", "資安監控案 0"]);
  });

  it("filters by status and by the case name, never showing another agency's case", async () => {
    const approved = await listCases(db, agencyA, ZCaseListQuery.parse({ status: "approved" }));
    expect(approved.total).toBe(9);
    expect(approved.items.every((c) => c.status === "approved")).toBe(true);
    const monitoring = await listCases(db, agencyA, ZCaseListQuery.parse({ q: " 資安監控 " }));
    expect(monitoring.total).toBe(15);
    expect(monitoring.items.map((c) => c.title)).not.toContain("資安監控案 乙");
    const both = await listCases(db, agencyA, ZCaseListQuery.parse({ q: "資安監控", status: "approved" }));
    expect(both.items.map((c) => c.title)).toEqual(["資安監控案 30", "資安監控案 15", "資安監控案 0"]);
  });

  it("reads a malformed query as the default rather than failing", () => {
    expect(ZCaseListQuery.parse({ page: "-3", status: "deleted", q: "x".repeat(500) })).toEqual({ page: 1, status: undefined, q: undefined });
    expect(ZCaseListQuery.parse({ page: "2", q: "  " })).toEqual({ page: 2, status: undefined, q: undefined });
  });
});
