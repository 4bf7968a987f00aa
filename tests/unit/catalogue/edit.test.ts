import { describe, expect, it } from "vitest";
import { applyDraftEdit, itemIds, validateDraft } from "@/lib/catalogue/edit";
import { suggestVersionId } from "@/lib/catalogue/versions/suggest-id";
import { bundled } from "../../helpers/catalogue";

const file = bundled();
const ctx = { base: file, usedIds: new Set(itemIds(file)) };
const maintenance = (f: unknown) => (f as typeof file).serviceTypes.find((t) => t.key === "maintenance")!.items.map((i) => i.id);

describe("pure draft edits", () => {
  it("moves a row up and down, and not past either end", () => {
    const up = applyDraftEdit(file, { op: "move-item", itemId: "maintenance.sbom", direction: "up" }, ctx).next;
    expect(maintenance(up).slice(0, 3)).toEqual(["maintenance.no-prc-vendor", "maintenance.sbom", "maintenance.security-policy-compliance"]);
    const top = applyDraftEdit(file, { op: "move-item", itemId: "maintenance.no-prc-vendor", direction: "up" }, ctx).next;
    expect(maintenance(top)).toEqual(maintenance(file));
    expect(maintenance(file)[2]).toBe("maintenance.sbom"); // the input is never changed
  });

  it("restores a retired row where it was", () => {
    const retired = applyDraftEdit(file, { op: "retire-item", itemId: "maintenance.web-vuln-scan" }, ctx).next as typeof file;
    expect(maintenance(retired)).not.toContain("maintenance.web-vuln-scan");
    const restored = applyDraftEdit(retired, { op: "restore-item", itemId: "maintenance.web-vuln-scan" }, ctx).next;
    expect(maintenance(restored)).toEqual(maintenance(file));
  });

  it("reports problems at the edited row's own field names", () => {
    const item = file.serviceTypes[8]!.items[0]!;
    const { next, focus } = applyDraftEdit(
      file,
      { op: "update-item", itemId: item.id, item: { ...item, marks: { ...item.marks, normal: "X" }, extra: 1 } },
      ctx,
    );
    const r = validateDraft(next, focus);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path).sort()).toEqual(["", "marks.normal"]);
  });
});

describe("the id offered for a new draft", () => {
  it("is today, or today with a letter, and always sorts after every existing id", () => {
    expect(suggestVersionId(["2023-09-25", "2023-09-25-law2026"], "2026-11-26")).toBe("2026-11-26");
    expect(suggestVersionId(["2023-09-25", "2026-11-26"], "2026-11-26")).toBe("2026-11-26-b");
    expect(suggestVersionId(["2026-11-26", "2026-11-26-b"], "2026-11-26")).toBe("2026-11-26-c");
    expect(suggestVersionId(["2027-01-01"], "2026-11-26")).toBe("2027-01-01-b");
    expect(suggestVersionId(["2027-01-01-law"], "2026-11-26")).toBe("2027-01-01-m");
  });
});

describe("the bundled versions", () => {
  it("load oldest first (by version id), so the newest is published last", async () => {
    const { bundledCatalogueFiles } = await import("@/lib/catalogue/bundled");
    expect(bundledCatalogueFiles().map((f) => f.split("/").pop())).toEqual(["2023-09-25.json", "2023-09-25-law2026.json", "2023-09-25-obl2026.json"]);
  });
});
