import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BadInputError } from "@/lib/api/errors";
import { createResolveService, NEWEST_TTL_MS } from "@/lib/api/resolve";
import { storeCatalogue } from "@/lib/catalogue/store";
import type { TDb } from "@/lib/db/client";
import { parseResolveInput, type TResolveInput } from "@/lib/resolve/input";
import { bundled, NEWEST_VERSION, KNOWN_VERSIONS } from "../helpers/catalogue";
import { REALISTIC_CASE } from "../helpers/api";
import { freshDb } from "../helpers/db";

let db: TDb;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ db, cleanup } = await freshDb()));
afterAll(() => cleanup());

function input(extra: Record<string, unknown> = {}): TResolveInput {
  const parsed = parseResolveInput({ ...REALISTIC_CASE, ...extra });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return parsed.input;
}

/** A service whose database accesses are counted and whose clock the test moves. */
function counted() {
  const clock = { now: 0 };
  const stats = { dbCalls: 0 };
  const service = createResolveService({
    db: () => {
      stats.dbCalls++;
      return db;
    },
    now: () => clock.now,
  });
  return { service, clock, stats };
}

const ADMIN = { drafts: true };

describe("the resolve service's catalogue cache", () => {
  it("reads a published version once, then answers from memory", async () => {
    const { service, stats } = counted();
    const first = await service.catalogue();
    expect(stats.dbCalls).toBe(2); // newest id + the version
    expect(await service.catalogue()).toBe(first);
    expect(await service.catalogue(NEWEST_VERSION)).toBe(first);
    await service.resolve(input());
    expect(stats.dbCalls).toBe(2);
  });

  it("concurrent first requests share one read", async () => {
    const { service, stats } = counted();
    const all = await Promise.all(Array.from({ length: 20 }, () => service.catalogue()));
    expect(new Set(all).size).toBe(1);
    expect(stats.dbCalls).toBe(2);
  });

  it("resolveJson is the resolution as JSON, from the memo or not", async () => {
    const { service } = counted();
    const plain = createResolveService({ db: () => db, answers: 0 });
    for (const extra of [{}, { grade: "high" }, { contractValue: 9_999_999 }, {}, { grade: "high" }]) {
      const expected = JSON.stringify(await plain.resolve(input(extra)));
      expect(await service.resolveJson(input(extra))).toBe(expected);
      expect(await plain.resolveJson(input(extra))).toBe(expected);
    }
  });

  it("an unknown version is bad input at catalogueVersion, and is not cached", async () => {
    const { service } = counted();
    const error = await service.catalogue("2020-01-01").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadInputError);
    expect((error as BadInputError).issues).toEqual([{ path: "catalogueVersion", message: `找不到一覽表版本「2020-01-01」；現有版本：${KNOWN_VERSIONS}` }]);
  });

  it("a draft is private, read every time (it may be replaced), and is never the default", async () => {
    const { service } = counted();
    const draft = { ...bundled(), version: "2099-01-01", status: "draft" as const };
    await storeCatalogue(db, draft);
    // Drafts are private: without access a draft is answered like an unknown version, whose list omits it.
    const refused = await service.resolve(input({ catalogueVersion: "2099-01-01" })).catch((e: unknown) => e);
    expect((refused as BadInputError).issues).toEqual([{ path: "catalogueVersion", message: `找不到一覽表版本「2099-01-01」；現有版本：${KNOWN_VERSIONS}` }]);
    expect((await service.resolve(input({ catalogueVersion: "2099-01-01" }), ADMIN)).catalogueVersion).toBe("2099-01-01");
    draft.serviceTypes.find((t) => t.key === "development")!.items[0]!.text = "草案修訂文字";
    await storeCatalogue(db, draft);
    const items = (await service.resolve(input({ catalogueVersion: "2099-01-01" }), ADMIN)).items;
    expect(items.find((i) => i.serviceType === "development")!.text).toBe("草案修訂文字");
    // Nor is its serialized answer memoized.
    draft.serviceTypes.find((t) => t.key === "development")!.items[0]!.text = "草案再修訂";
    await storeCatalogue(db, draft);
    expect(await service.resolveJson(input({ catalogueVersion: "2099-01-01" }), ADMIN)).toContain("草案再修訂");
    await storeCatalogue(db, { ...draft, serviceTypes: bundled().serviceTypes });
    expect(await service.resolveJson(input({ catalogueVersion: "2099-01-01" }), ADMIN)).not.toContain("草案再修訂");
    expect((await service.resolve(input())).catalogueVersion).toBe(NEWEST_VERSION);
  });

  it("a newly published version becomes the default within the TTL, not before", async () => {
    const { service, clock } = counted();
    expect((await service.catalogue()).version).toBe(NEWEST_VERSION);
    await storeCatalogue(db, { ...bundled(), version: "2099-02-01", issuedOn: "2099-02-01", status: "published" });
    clock.now = NEWEST_TTL_MS - 1;
    expect((await service.catalogue()).version).toBe(NEWEST_VERSION);
    clock.now = NEWEST_TTL_MS;
    expect((await service.catalogue()).version).toBe("2099-02-01");
    // The old version stays available by name, from memory.
    expect((await service.catalogue("2023-09-25")).version).toBe("2023-09-25");
  });
});
