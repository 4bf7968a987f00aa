import { describe, expect, it } from "vitest";
import { nextRevision, type TRevisionSource } from "@/lib/workflow/revise";
import { AGENCY, OTHER_AGENCY, actor } from "./fixtures";

const approved: TRevisionSource = { agencyId: AGENCY, status: "approved", createdById: "u-first", caseGroupId: "g-1", revision: 2 };
const officer = actor("u-officer", ["officer"]);

describe("a new revision of an approved case", () => {
  it("is revision n+1 in draft, in the same case group, created by the officer who revises", () => {
    expect(nextRevision(approved, 2, officer)).toEqual({
      agencyId: AGENCY,
      caseGroupId: "g-1",
      revision: 3,
      status: "draft",
      createdById: "u-officer",
      submittedAt: null,
      approvedAt: null,
      approvedById: null,
    });
  });

  it("only from the newest revision", () => {
    expect(() => nextRevision(approved, 3, officer)).toThrow(expect.objectContaining({ code: "not-latest", message: expect.stringContaining("第 3 版") }));
  });

  it("only from an approved case, by an officer of the agency", () => {
    for (const status of ["draft", "submitted", "returned"] as const)
      expect(() => nextRevision({ ...approved, status }, 2, officer)).toThrow(expect.objectContaining({ code: "status" }));
    expect(() => nextRevision(approved, 2, actor("u-ciso", ["ciso", "admin"]))).toThrow(expect.objectContaining({ code: "role" }));
    expect(() => nextRevision(approved, 2, actor("u-x", ["officer"], OTHER_AGENCY))).toThrow(expect.objectContaining({ code: "other-agency" }));
  });
});
