import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCatalogue, storeCatalogue, listVersions } from "@/lib/catalogue/store";
import { loadBundledCatalogues } from "@/lib/catalogue/bundled";
import { CatalogueError, isImmutableViolation } from "@/lib/catalogue/errors";
import type { TDb } from "@/lib/db/client";
import { bundled, NEWEST_VERSION, newestBundled, KNOWN_VERSIONS } from "../helpers/catalogue";
import { freshDb } from "../helpers/db";

describe("the catalogue in the database", () => {
  let db: TDb;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ db, cleanup } = await freshDb()));
  afterAll(() => cleanup());

  const counts = async () => ({
    versions: await db.catalogueVersion.count(),
    types: await db.serviceType.count(),
    items: await db.requirement.count(),
  });

  it("is loaded on a fresh database, published", async () => {
    expect(await counts()).toEqual({ versions: 3, types: 27, items: 447 });
    expect((await listVersions(db)).map((v) => [v.id, v.status])).toEqual([
      [NEWEST_VERSION, "published"],
      ["2023-09-25-law2026", "published"],
      ["2023-09-25", "published"],
    ]);
  });

  it("loading again changes nothing", async () => {
    const before = await db.catalogueVersion.findUniqueOrThrow({ where: { id: "2023-09-25" } });
    expect((await loadBundledCatalogues(db)).map((r) => r.outcome)).toEqual(["unchanged", "unchanged", "unchanged"]);
    expect(await counts()).toEqual({ versions: 3, types: 27, items: 447 });
    expect(await db.catalogueVersion.findUniqueOrThrow({ where: { id: "2023-09-25" } })).toEqual(before);
  });

  it("reads back exactly the data file", async () => {
    expect(await readCatalogue(db, "2023-09-25")).toEqual(bundled());
    expect(await readCatalogue(db)).toEqual(newestBundled());
  });

  it("refuses a data file that differs from the published version", async () => {
    const changed = bundled();
    changed.serviceTypes[6]!.items[0]!.marks.normal = "◎";
    await expect(storeCatalogue(db, changed)).rejects.toMatchObject({ reason: "published-differs" });
    expect((await readCatalogue(db, "2023-09-25")).serviceTypes[6]!.items[0]!.marks.normal).toBe("●");
  });

  it("the database itself refuses changes to a published version", async () => {
    const where = { versionId_id: { versionId: "2023-09-25", id: "development.sbom" } };
    await expect(db.requirement.update({ where, data: { markNormal: "●" } })).rejects.toSatisfy(isImmutableViolation);
    await expect(db.requirement.delete({ where })).rejects.toSatisfy(isImmutableViolation);
    await expect(
      db.requirement.create({
        data: {
          versionId: "2023-09-25",
          id: "development.extra",
          serviceTypeKey: "development",
          category: "x",
          text: "x",
          markHigh: "●",
          markMedium: "●",
          markNormal: "●",
          note: "",
          hints: "{}",
          legalBasis: "[]",
          position: 99,
        },
      }),
    ).rejects.toSatisfy(isImmutableViolation);
    await expect(db.catalogueVersion.update({ where: { id: "2023-09-25" }, data: { title: "改" } })).rejects.toSatisfy(isImmutableViolation);
    await expect(db.$executeRawUnsafe(`UPDATE "ServiceType" SET "name" = 'x' WHERE "versionId" = '2023-09-25'`)).rejects.toSatisfy(isImmutableViolation);
    expect((await readCatalogue(db, "2023-09-25")).serviceTypes[6]!.items.find((i) => i.id === "development.sbom")!.marks.normal).toBe("◎");
  });

  it("a draft may be reloaded with new content, then published", async () => {
    const draft = { ...bundled(), version: "2099-01-01", status: "draft" as const };
    expect((await storeCatalogue(db, draft)).outcome).toBe("created");
    draft.serviceTypes[0]!.items[0]!.note = "修訂說明";
    expect((await storeCatalogue(db, draft)).outcome).toBe("replaced-draft");
    expect((await readCatalogue(db, "2099-01-01")).serviceTypes[0]!.items[0]!.note).toBe("修訂說明");
    // Drafts are not the default; the newest published version is.
    expect((await readCatalogue(db)).version).toBe(NEWEST_VERSION);
  });

  it("names the versions that exist when asked for an unknown one", async () => {
    const error = await readCatalogue(db, "1999-01-01").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogueError);
    expect((error as Error).message).toBe(`找不到目錄版本 1999-01-01。現有版本：2099-01-01、${KNOWN_VERSIONS}`);
  });
});
