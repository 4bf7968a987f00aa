import { describe, expect, it } from "vitest";
import { searchCatalogue } from "@/lib/catalogue/search";
import { bundled } from "../../helpers/catalogue";

describe("catalogue search across all types", () => {
  const file = bundled();
  const ids = (q: string) => searchCatalogue(file, q).flatMap((h) => h.items.map((i) => i.id));

  it("finds the SBOM requirement in every table that has it", () => {
    expect(ids("SBOM")).toEqual(["development.sbom", "extension.sbom", "maintenance.sbom"]);
  });

  it("ignores case, full-width letters and extra spaces, and needs every term", () => {
    expect(ids("ｓｂｏｍ")).toEqual(ids("SBOM"));
    expect(ids("  滲透測試   上線前 ")).toEqual(["development.pre-launch-pentest", "extension.pre-launch-pentest"]);
  });

  it("returns nothing for a blank query or a miss", () => {
    expect(searchCatalogue(file, "   ")).toEqual([]);
    expect(searchCatalogue(file, "區塊鏈")).toEqual([]);
  });
});
