import { describe, expect, it } from "vitest";
import type { TCatalogueFile } from "../../../lib/catalogue/schema";
import { resolve } from "../../../lib/resolve/resolve";
import { selectCatalogue } from "../../../lib/resolve/select-catalogue";
import { caseInput, catalogue, obligations } from "./fixtures";

const variant = (version: string, issuedOn: string, status: TCatalogueFile["status"]): TCatalogueFile => ({ ...catalogue, version, issuedOn, status });

describe("selectCatalogue", () => {
  const draft = variant("2026-02-01", "2026-02-01", "draft");
  const newer = variant("2025-06-30", "2025-06-30", "published");
  const all = [catalogue, draft, newer];

  it("without a version: the newest published, never a draft", () => {
    expect(selectCatalogue(all)?.version).toBe("2025-06-30");
    expect(selectCatalogue([draft])).toBeNull();
  });

  it("with a version: exactly that one (drafts included), or null for an unknown version", () => {
    expect(selectCatalogue(all, "2023-09-25")).toBe(catalogue);
    expect(selectCatalogue(all, "2026-02-01")).toBe(draft);
    expect(selectCatalogue(all, "1999-01-01")).toBeNull();
  });
});

describe("catalogue-level warnings", () => {
  it("a draft catalogue is said to be a draft", () => {
    const r = resolve(variant("2026-02-01", "2026-02-01", "draft"), obligations, caseInput());
    expect(r.warnings.some((w) => w.includes("草稿"))).toBe(true);
  });

  it("a selected type the catalogue lacks is reported, not silently dropped", () => {
    const partial: TCatalogueFile = { ...catalogue, serviceTypes: catalogue.serviceTypes.filter((t) => t.key !== "maintenance") };
    const r = resolve(partial, obligations, caseInput({ serviceTypes: ["development", "maintenance"] }));
    expect(r.warnings.some((w) => w.includes("maintenance"))).toBe(true);
    expect(r.items.some((x) => x.serviceType === "maintenance")).toBe(false);
  });
});
