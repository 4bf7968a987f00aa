import { describe, expect, it } from "vitest";
import { parseRoles, type TActor, type TRole } from "@/lib/workflow/actor";
import { WorkflowError, type TWorkflowErrorCode } from "@/lib/workflow/errors";
import {
  CASE_STATUSES,
  WORKFLOW_ACTIONS,
  TRANSITIONS,
  allowedActions,
  can,
  canTransition,
  checkTransition,
  transition,
  type TCaseState,
  type TCaseStatus,
} from "@/lib/workflow/state";
import { AGENCY, OTHER_AGENCY, actor } from "./fixtures";

/**
 * The expected decision for every status × action, written out independently of TRANSITIONS.
 * Keyed by plain strings so a status or action added to the code without a row here fails below.
 */
type TExpected = { by: TRole; to: TCaseStatus } | { refused: Extract<TWorkflowErrorCode, "status" | "locked"> };
const EXPECTED: Record<string, Record<string, TExpected>> = {
  draft: {
    edit: { by: "officer", to: "draft" },
    submit: { by: "officer", to: "submitted" },
    return: { refused: "status" },
    approve: { refused: "status" },
    review: { refused: "status" },
    revise: { refused: "status" },
  },
  submitted: {
    edit: { refused: "status" },
    submit: { refused: "status" },
    return: { by: "ciso", to: "returned" },
    approve: { by: "ciso", to: "approved" },
    review: { by: "ciso", to: "submitted" },
    revise: { refused: "status" },
  },
  returned: {
    edit: { by: "officer", to: "returned" },
    submit: { by: "officer", to: "submitted" },
    return: { refused: "status" },
    approve: { refused: "status" },
    review: { refused: "status" },
    revise: { refused: "status" },
  },
  approved: {
    edit: { refused: "locked" },
    submit: { refused: "locked" },
    return: { refused: "locked" },
    approve: { refused: "locked" },
    review: { refused: "locked" },
    revise: { by: "officer", to: "draft" },
  },
};

const ACTORS: Record<string, TActor> = {
  officer: actor("u-officer", ["officer"]),
  ciso: actor("u-ciso", ["ciso"]),
  admin: actor("u-admin", ["admin"]),
  "no role": actor("u-none", []),
  "officer+ciso": actor("u-both", ["officer", "ciso"]),
  "all roles": actor("u-all", ["officer", "ciso", "admin"]),
  "other agency, all roles": actor("u-outsider", ["officer", "ciso", "admin"], OTHER_AGENCY),
};

const kase = (status: TCaseStatus): TCaseState => ({ agencyId: AGENCY, status, createdById: "u-creator" });
// A context in which only status, role and agency decide: a comment given, nobody in it an editor.
const clean = { comment: "請補充第三方檢測範圍", editorIds: new Set<string>() };

const combos = CASE_STATUSES.flatMap((status) => WORKFLOW_ACTIONS.flatMap((action) => Object.keys(ACTORS).map((who) => ({ status, action, who }))));

describe("the case state machine: every status × action × actor", () => {
  it("has an expected decision for exactly the statuses and actions the code knows", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...CASE_STATUSES].sort());
    for (const status of CASE_STATUSES) expect(Object.keys(EXPECTED[status]!).sort(), status).toEqual([...WORKFLOW_ACTIONS].sort());
  });

  it("enumerates every combination", () => {
    expect(combos).toHaveLength(CASE_STATUSES.length * WORKFLOW_ACTIONS.length * Object.keys(ACTORS).length);
  });

  it.for(combos)("$status · $action · $who", ({ status, action, who }) => {
    const expected = EXPECTED[status]?.[action];
    expect(expected, `no expected decision for ${status} × ${action}`).toBeDefined();
    const a = ACTORS[who]!;
    const result = checkTransition(kase(status), action, a, clean);
    const code: TWorkflowErrorCode | null =
      a.agencyId !== AGENCY ? "other-agency" : "refused" in expected! ? expected.refused : a.roles.includes(expected!.by) ? null : "role";

    if (code === null) {
      expect(result).toEqual({ ok: true, to: (expected as { to: TCaseStatus }).to, newRevision: action === "revise" });
      expect(canTransition(kase(status), action, a, clean)).toBe(true);
      expect(transition(kase(status), action, a, clean)).toBe((expected as { to: TCaseStatus }).to);
    } else {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toBeInstanceOf(WorkflowError);
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(canTransition(kase(status), action, a, clean)).toBe(false);
      expect(() => transition(kase(status), action, a, clean)).toThrow(WorkflowError);
    }
  });
});

describe("rules that depend on more than status and role", () => {
  const submitted = kase("submitted");
  const ciso = ACTORS.ciso!;

  it("an approved case is locked, with the message that says how to go on", () => {
    for (const action of ["edit", "submit"] as const) {
      const r = checkTransition(kase("approved"), action, ACTORS.officer!, clean);
      expect(r).toMatchObject({ ok: false, error: { code: "locked", message: "已核准的案件已鎖定，請建立新修訂版再修改" } });
    }
  });

  it("returning needs a comment, but the button is offered before one is typed", () => {
    for (const comment of [undefined, "", "   \n"]) {
      const context = { editorIds: new Set<string>(), ...(comment === undefined ? {} : { comment }) };
      expect(checkTransition(submitted, "return", ciso, context)).toMatchObject({ ok: false, error: { code: "comment-required" } });
      expect(canTransition(submitted, "return", ciso, context)).toBe(true);
    }
    expect(() => transition(submitted, "return", ciso, {})).toThrow("退回時請填寫意見");
    expect(transition(submitted, "return", ciso, { comment: "請補附件" })).toBe("returned");
  });

  it("a CISO who edited the case may not approve it or review its items, but may return it", () => {
    const editors = new Set(["u-ciso"]);
    for (const action of ["approve", "review"] as const) {
      expect(checkTransition(submitted, action, ciso, { editorIds: editors })).toMatchObject({ ok: false, error: { code: "own-edit" } });
      expect(canTransition(submitted, action, ciso, { editorIds: editors })).toBe(false);
    }
    expect(transition(submitted, "return", ciso, { editorIds: editors, comment: "請修正" })).toBe("returned");
  });

  it("the case's creator counts as an editor even when the history passed in omits them", () => {
    const created = { ...submitted, createdById: "u-both" };
    expect(checkTransition(created, "approve", ACTORS["officer+ciso"]!, clean)).toMatchObject({ ok: false, error: { code: "own-edit" } });
    expect(transition(submitted, "approve", ACTORS["officer+ciso"]!, clean)).toBe("approved");
  });

  it("a dual-role officer+CISO who edited may not approve", () => {
    const r = checkTransition(submitted, "approve", ACTORS["officer+ciso"]!, { editorIds: new Set(["u-both"]) });
    expect(r).toMatchObject({ ok: false, error: { code: "own-edit" } });
  });

  it("without the editor history, approval fails closed", () => {
    expect(checkTransition(submitted, "approve", ciso, {})).toMatchObject({ ok: false, error: { code: "editors-unknown" } });
    expect(checkTransition(submitted, "review", ciso)).toMatchObject({ ok: false, error: { code: "editors-unknown" } });
  });

  it("another agency is refused before anything about the case is said", () => {
    const outsider = ACTORS["other agency, all roles"]!;
    for (const status of CASE_STATUSES)
      for (const action of WORKFLOW_ACTIONS)
        expect(checkTransition(kase(status), action, outsider, clean)).toMatchObject({ ok: false, error: { code: "other-agency" } });
  });

  it("lists the actions to offer", () => {
    expect(allowedActions(kase("draft"), ACTORS.officer!, clean)).toEqual(["edit", "submit"]);
    expect(allowedActions(kase("returned"), ACTORS.officer!, clean)).toEqual(["edit", "submit"]);
    expect(allowedActions(submitted, ciso, clean)).toEqual(["return", "approve", "review"]);
    expect(allowedActions(submitted, ciso, { editorIds: new Set(["u-ciso"]) })).toEqual(["return"]);
    expect(allowedActions(kase("approved"), ACTORS["all roles"]!, clean)).toEqual(["revise"]);
    expect(allowedActions(kase("draft"), ACTORS.admin!, clean)).toEqual([]);
  });
});

describe("roles from the database", () => {
  it("keeps known roles once and grants nothing for anything else", () => {
    expect(parseRoles('["officer","ciso","officer"]')).toEqual(["officer", "ciso"]);
    expect(parseRoles('["root","admin"]')).toEqual(["admin"]);
    expect(parseRoles("not json")).toEqual([]);
    expect(parseRoles('{"officer":true}')).toEqual([]);
  });
});

describe("can(), what pages ask before they offer an action", () => {
  it("answers as the table does for every status × action, and never across agencies", () => {
    const officer = ACTORS.officer!;
    for (const status of CASE_STATUSES)
      for (const action of WORKFLOW_ACTIONS) {
        const cell = TRANSITIONS[status][action];
        const expected = !("refuse" in cell) && cell.role === "officer" && !cell.notByEditor;
        expect(can(kase(status), action, officer, clean), `${status} × ${action}`).toBe(expected);
        expect(can(kase(status), action, { ...officer, agencyId: "other" }, clean)).toBe(false);
      }
  });
});
