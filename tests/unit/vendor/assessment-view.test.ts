import { describe, expect, it } from "vitest";
import { shapeView } from "@/lib/vendor/assessment/view";
import type { TAssessmentRow } from "@/lib/vendor/assessment/rows";

const row = (id: string, group: string): TAssessmentRow => ({ id, name: `項目 ${id}`, text: "要求", items: [], priced: false, group });
const ROWS = [row("a", "一、契約條款"), row("b", "一、契約條款"), row("c", "二、技術要求")];
const answer = (rowId: string, over: Partial<Parameters<typeof shapeView>[2][number]> = {}) => ({
  rowId,
  answer: "yes",
  evidence: "",
  note: "",
  version: 1,
  review: "",
  reviewComment: "",
  fileIds: [],
  returns: [],
  ...over,
});
const base = { caseId: "c1", round: 1, lockVersion: 3, submittedAt: null };

describe("shapeView (what the vendor sees)", () => {
  it("groups rows in document order, counts answers, lists only its own files", () => {
    const file = { id: "f1", name: "ISO.pdf", size: 10, sha256: "ab", uploadedAt: "2026-12-01T00:00:00.000Z" };
    const v = shapeView(
      { ...base, status: "draft" },
      ROWS,
      [answer("a", { fileIds: ["f1", "other"] }), answer("c", { answer: "no", note: "理由" })],
      new Map([["f1", file]]),
    );
    expect(v.groups.map((g) => [g.title, g.rows.map((r) => r.id)])).toEqual([
      ["一、契約條款", ["a", "b"]],
      ["二、技術要求", ["c"]],
    ]);
    expect(v.counts).toEqual({ answered: 2, total: 3, yes: 1, no: 1, na: 0, returned: 0 });
    expect(v.groups[0]!.rows[0]!.files).toEqual([file]);
    expect(v.groups[0]!.rows[1]).toMatchObject({ answer: "", version: 0, editable: true, files: [] });
  });

  it("after a return: the returned row is editable with its comment, an accepted one is not, earlier comments kept", () => {
    const v = shapeView(
      { ...base, status: "returned" },
      ROWS,
      [
        answer("a", { review: "accepted", returns: [{ round: 1, comment: "第一次退回" }] }),
        answer("b", {
          review: "returned",
          reviewComment: "請補附件",
          returns: [
            { round: 1, comment: "先前意見" },
            { round: 2, comment: "請補附件" },
          ],
        }),
      ],
      new Map(),
    );
    const [a, b, c] = v.groups.flatMap((g) => g.rows);
    expect(a).toMatchObject({ editable: false, returnComment: "", earlierComments: [{ round: 1, comment: "第一次退回" }] });
    expect(b).toMatchObject({ editable: true, returnComment: "請補附件", earlierComments: [{ round: 1, comment: "先前意見" }] });
    expect(c!.editable).toBe(true);
    expect(v.counts.returned).toBe(1);
  });

  it("nothing is editable once submitted or accepted", () => {
    for (const status of ["submitted", "accepted"] as const)
      expect(
        shapeView({ ...base, status }, ROWS, [], new Map())
          .groups.flatMap((g) => g.rows)
          .some((r) => r.editable),
      ).toBe(false);
  });
});
