import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prepareDatabase } from "@/lib/setup";
import type { TDb } from "@/lib/db/client";
import { createUser } from "@/lib/auth/users";
import { STEPS } from "@/lib/cases/answers";
import { ZResolveInput } from "@/lib/resolve/input";
import { REALISTIC_CASE } from "../helpers/api";
import { BASE_URL, scanSurface } from "../helpers/authz";
import { actAs } from "../helpers/authz-request";
import { freshDbUrl } from "../helpers/db";
import { PASSWORD, TEST_PROFILE } from "../helpers/people";

// Issue 19 #8: the hostile-input sweep, kept. Every server action, the resolve API and `cli resolve` /
// `cli export` are fed generated malformed input: each refuses (a 4xx-like refusal, HTTP 4xx, exit 2)
// with zh-TW messages at the fields, and none answers 5xx, "error" or throws.
//
// A new action or route joins SWEEP below as it joins the authorization matrix: the last test fails
// for any action or route of app/ that has neither an entry nor a stated reason to be left out.

vi.mock("next/headers", async () => (await import("../helpers/authz-request")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../helpers/authz-request")).nextCacheMock);

const ROOT = path.resolve(import.meta.dirname, "../..");
const CJK = /[\u4e00-\u9fff]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RUNS = 12;

// ---- hostile values ----

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "\u202Egnp.exe",
    "\u0000",
    "a\u0000b",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "__proto__",
    "constructor",
    "NaN",
    "-1",
    "1e309",
    "１２",
    "null",
    "{}",
    "x".repeat(5000),
  ),
);
/** Anything a decoded request could carry, and more (prototype-less objects, bigints, dates, sparse arrays). */
const anything = fc.oneof(
  hostileString,
  fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true, withSparseArray: true, withObjectString: true }),
  fc.constantFrom(undefined, null, NaN, Infinity, -1, 2 ** 53, true, [], {}, { __proto__: { polluted: true } }, JSON.parse('{"__proto__":{"polluted":true}}')),
);
const notUuid = anything.filter((v) => !(typeof v === "string" && UUID.test(v)));
/** An object that is not the expected one: a non-object, or one whose keys are random. */
const notTheObject = fc.oneof(
  anything.filter((v) => typeof v !== "object" || v === null || Array.isArray(v)),
  fc.dictionary(
    hostileString.filter((k) => k.length > 0),
    anything,
    { maxKeys: 4 },
  ),
);

type TCtx = { caseId: string; assessmentId: string };

type TSweep =
  | {
      kind: "action";
      /** How the action's module is loaded (the export is called with the generated arguments). */
      load: () => Promise<Record<string, unknown>>;
      /** Malformed argument lists; the action must refuse every one. */
      args: (ctx: TCtx) => fc.Arbitrary<unknown[]>;
      /** `form`: a useActionState action, answering { message } (zh-TW); otherwise the action client's result. */
      shape?: "form";
    }
  | { kind: "skip"; why: string };

const cases = () => import("@/app/cases/actions");
const users = () => import("@/app/admin/users/actions");
const settings = () => import("@/app/admin/settings/actions");
const catalogue = () => import("@/app/catalogue/versions/actions");
const platform = () => import("@/app/platform/agencies/actions");
const contracts = () => import("@/app/contracts/actions");
const form = (values: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
};
const asText = (v: unknown) => {
  try {
    return typeof v === "string" ? v : (JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? `${x}n` : x)) ?? String(v));
  } catch {
    return String(v);
  }
};

/** Case actions: first a malformed case id with anything after it, then the user's own case with malformed values. */
const caseArgs = (n: number, own?: (ctx: TCtx) => fc.Arbitrary<unknown[]>) => (ctx: TCtx) =>
  fc.oneof(fc.tuple(notUuid, ...Array.from({ length: n - 1 }, () => anything)), ...(own ? [own(ctx)] : []));

const SWEEP: Record<string, TSweep> = {
  "app/cases/actions.ts#createCaseAction": { kind: "skip", why: "takes no input" },
  "app/cases/actions.ts#saveAnswersAction": {
    kind: "action",
    load: cases,
    args: caseArgs(4, (ctx) =>
      fc.tuple(
        fc.constant(ctx.caseId),
        anything.filter((s) => !(STEPS as readonly unknown[]).includes(s)),
        anything,
        anything,
      ),
    ),
  },
  "app/cases/actions.ts#saveDecisionAction": {
    kind: "action",
    load: cases,
    args: caseArgs(4, (ctx) => fc.tuple(fc.constant(ctx.caseId), anything, anything, anything)),
  },
  "app/cases/actions.ts#setPmExclusionAction": {
    kind: "action",
    load: cases,
    args: caseArgs(4, (ctx) =>
      fc.tuple(
        fc.constant(ctx.caseId),
        fc.oneof(anything, fc.constant("pm.1")),
        // Never a valid choice: leaving out without a reason, or not a choice at all.
        fc.oneof(anything, fc.record({ exclude: fc.constant(true), reason: fc.constantFrom("", "   ") })),
        anything,
      ),
    ),
  },
  "app/cases/actions.ts#decideRowsAction": {
    kind: "action",
    load: cases,
    args: caseArgs(4, (ctx) => fc.tuple(fc.constant(ctx.caseId), anything, anything, anything)),
  },
  "app/cases/actions.ts#adoptRecommendationsAction": {
    kind: "action",
    load: cases,
    // Never a record of versions, so nothing is decided.
    args: caseArgs(2, (ctx) => fc.tuple(fc.constant(ctx.caseId), fc.oneof(notTheObject, fc.array(anything, { minLength: 1 })))),
  },
  "app/cases/actions.ts#splitRowAction": {
    kind: "action",
    load: cases,
    args: caseArgs(3, (ctx) => fc.tuple(fc.constant(ctx.caseId), anything, anything)),
  },
  "app/cases/actions.ts#mergeRowAction": {
    kind: "action",
    load: cases,
    args: caseArgs(2, (ctx) => fc.tuple(fc.constant(ctx.caseId), anything)),
  },
  "app/cases/actions.ts#rowDetailsAction": {
    kind: "action",
    load: cases,
    args: caseArgs(2, (ctx) => fc.tuple(fc.constant(ctx.caseId), anything)),
  },
  "app/cases/actions.ts#setClauseParametersAction": {
    kind: "action",
    // Never a valid value: blank and null inherit, and digits of any script ("１２") are a number.
    load: cases,
    args: caseArgs(3, (ctx) =>
      fc.tuple(
        fc.constant(ctx.caseId),
        fc.dictionary(
          fc.constantFrom("incidentNoticeHours", "onSiteHours", "vulnFixDays", "unknownKey"),
          fc.oneof(
            hostileString.filter((s) => s.trim() !== "" && !/\p{Nd}/u.test(s)),
            fc.constantFrom(-1, 1.5, 1e9, true),
          ),
          { minKeys: 1 },
        ),
      ),
    ),
  },
  "app/cases/actions.ts#acknowledgeChangesAction": { kind: "action", load: cases, args: caseArgs(1) },
  "app/cases/actions.ts#raiseGradeToMediumAction": { kind: "action", load: cases, args: caseArgs(1) },
  "app/cases/actions.ts#submitCaseAction": { kind: "action", load: cases, args: caseArgs(1, (ctx) => fc.tuple(fc.constant(ctx.caseId))) },
  "app/cases/actions.ts#reviewItemAction": { kind: "action", load: cases, args: caseArgs(2, (ctx) => fc.tuple(fc.constant(ctx.caseId), anything)) },
  "app/cases/actions.ts#approveItemsAction": { kind: "action", load: cases, args: caseArgs(2, (ctx) => fc.tuple(fc.constant(ctx.caseId), anything)) },
  "app/cases/actions.ts#answerItemAction": { kind: "action", load: cases, args: caseArgs(2, (ctx) => fc.tuple(fc.constant(ctx.caseId), anything)) },
  "app/cases/actions.ts#decideCaseAction": { kind: "action", load: cases, args: caseArgs(3, (ctx) => fc.tuple(fc.constant(ctx.caseId), anything, anything)) },
  "app/cases/actions.ts#reviseCaseAction": { kind: "action", load: cases, args: caseArgs(1, (ctx) => fc.tuple(fc.constant(ctx.caseId))) },
  "app/cases/actions.ts#moveCaseToVersionAction": {
    kind: "action",
    load: cases,
    args: caseArgs(3, (ctx) => fc.tuple(fc.constant(ctx.caseId), anything, anything)),
  },
  "app/admin/users/actions.ts#createUserAction": { kind: "action", load: users, args: () => fc.tuple(notTheObject) },
  "app/admin/users/actions.ts#setRolesAction": {
    kind: "action",
    load: users,
    args: () => fc.tuple(fc.oneof(notTheObject, fc.record({ userId: notUuid, roles: anything }))),
  },
  "app/admin/users/actions.ts#resetPasswordAction": {
    kind: "action",
    load: users,
    args: () => fc.tuple(fc.oneof(notTheObject, fc.record({ userId: notUuid }))),
  },
  "app/admin/users/actions.ts#unlockUserAction": { kind: "action", load: users, args: () => fc.tuple(fc.oneof(notTheObject, fc.record({ userId: notUuid }))) },
  "app/admin/users/actions.ts#deactivateUserAction": {
    kind: "action",
    load: users,
    args: () => fc.tuple(fc.oneof(notTheObject, fc.record({ userId: notUuid }))),
  },
  "app/admin/users/actions.ts#activateUserAction": {
    kind: "action",
    load: users,
    args: () => fc.tuple(fc.oneof(notTheObject, fc.record({ userId: notUuid }))),
  },
  "app/admin/settings/actions.ts#setIdleTimeoutAction": {
    kind: "action",
    load: settings,
    args: () =>
      fc.tuple(
        fc.oneof(
          notTheObject,
          fc.record({
            idleTimeoutMinutes: anything.filter((v) => {
              const n = typeof v === "string" ? Number(v.trim()) : v;
              return typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > 10_000;
            }),
          }),
        ),
      ),
  },
  "app/admin/settings/actions.ts#setClauseDefaultsAction": {
    kind: "action",
    load: settings,
    args: () =>
      fc.tuple(
        fc.record({
          values: fc.oneof(
            fc.constantFrom("abc", 12, [1], true),
            fc.dictionary(fc.constantFrom("incidentNoticeHours", "onSiteHours", "unknownKey"), fc.constantFrom("abc", -5, 1.5, 1e9, "\u202E1"), { minKeys: 1 }),
          ),
        }),
      ),
  },
  "app/catalogue/versions/actions.ts#createDraftAction": {
    kind: "action",
    load: catalogue,
    args: () => fc.tuple(fc.oneof(notTheObject, fc.record({ from: anything, version: anything }))),
  },
  "app/catalogue/versions/actions.ts#editDraftAction": {
    kind: "action",
    load: catalogue,
    args: () => fc.tuple(fc.oneof(notTheObject, fc.record({ version: anything, lockVersion: anything, edit: anything }))),
  },
  "app/catalogue/versions/actions.ts#publishDraftAction": {
    kind: "action",
    load: catalogue,
    args: () => fc.tuple(fc.oneof(notTheObject, fc.record({ version: anything, lockVersion: anything, changeSummary: anything }))),
  },
  "app/catalogue/versions/actions.ts#deleteDraftAction": {
    kind: "action",
    load: catalogue,
    args: () => fc.tuple(fc.oneof(notTheObject, fc.record({ version: anything, lockVersion: anything }))),
  },
  "app/catalogue/versions/actions.ts#editObligationCellAction": {
    kind: "action",
    load: catalogue,
    args: () => fc.tuple(fc.oneof(notTheObject, fc.record({ version: anything, lockVersion: anything, cell: anything }))),
  },
  "app/admin/agency/actions.ts#saveAgencyProfileAction": {
    kind: "action",
    load: () => import("@/app/admin/agency/actions"),
    args: () => fc.tuple(fc.oneof(anything, notTheObject), anything),
  },
  "app/admin/agency/actions.ts#saveReasonPresetsAction": {
    kind: "action",
    load: () => import("@/app/admin/agency/actions"),
    args: () => fc.tuple(fc.oneof(anything, notTheObject), anything),
  },
  "app/platform/agencies/actions.ts#createAgencyAction": {
    kind: "action",
    load: platform,
    // Never a well-formed e-mail, so no agency is created.
    args: () => fc.tuple(fc.oneof(notTheObject, fc.record({ name: anything, adminEmail: hostileString.filter((s) => !s.includes("@")), adminName: anything }))),
  },
  "app/platform/agencies/actions.ts#renameAgencyAction": {
    kind: "action",
    load: platform,
    args: () => fc.tuple(fc.oneof(notTheObject, fc.record({ agencyId: notUuid, name: anything }))),
  },
  "app/platform/agencies/actions.ts#setAgencyActiveAction": {
    kind: "action",
    load: platform,
    args: () => fc.tuple(fc.oneof(notTheObject, fc.record({ agencyId: notUuid, active: anything }))),
  },
  "app/catalogue/versions/actions.ts#importVersionAction": {
    kind: "action",
    load: catalogue,
    args: () => fc.tuple(fc.oneof(notTheObject, fc.record({ fileName: anything, text: anything }))),
  },
  "app/login/actions.ts#signInAction": {
    kind: "action",
    shape: "form",
    load: () => import("@/app/login/actions"),
    // Never a well-formed e-mail, so no attempt reaches the password check (or the lockout).
    args: () =>
      fc.tuple(
        fc.constant({ message: null, email: "" }),
        fc.record({ email: hostileString.filter((s) => !s.includes("@")), password: hostileString, next: hostileString }).map(form),
      ),
  },
  "app/login/actions.ts#signOutAction": { kind: "skip", why: "takes no input" },
  "app/account/password/actions.ts#changePasswordAction": {
    kind: "action",
    shape: "form",
    load: () => import("@/app/account/password/actions"),
    // The current password is always empty or too long, so no call can change it.
    args: () =>
      fc.tuple(
        fc.constant({ message: null, field: null }),
        fc.record({ currentPassword: fc.constantFrom("", "x".repeat(201)), newPassword: hostileString, confirm: hostileString }).map(form),
      ),
  },
  "app/notifications/actions.ts#markNotificationReadAction": {
    kind: "action",
    load: () => import("@/app/notifications/actions"),
    args: () => fc.tuple(notUuid),
  },
  "app/notifications/actions.ts#markAllNotificationsReadAction": { kind: "skip", why: "takes no input" },
  "app/account/actions.ts#setMailOptOutAction": {
    kind: "action",
    load: () => import("@/app/account/actions"),
    args: () => fc.tuple(anything.filter((v) => typeof v !== "boolean")),
  },
  "app/cases/[id]/vendors/actions.ts#inviteVendorAction": {
    kind: "action",
    load: () => import("@/app/cases/[id]/vendors/actions"),
    // Never a well-formed e-mail (and the sweep's case is a draft), so no invitation is made.
    args: caseArgs(2, (ctx) =>
      fc.tuple(
        fc.constant(ctx.caseId),
        fc.oneof(notTheObject, fc.record({ email: hostileString.filter((s) => !s.includes("@")), name: anything, days: anything })),
      ),
    ),
  },
  "app/cases/[id]/vendors/actions.ts#revokeInvitationAction": {
    kind: "action",
    load: () => import("@/app/cases/[id]/vendors/actions"),
    args: caseArgs(2, (ctx) => fc.tuple(fc.constant(ctx.caseId), notUuid)),
  },
  // The review of a vendor's self-assessment: a malformed case or assessment id, or an unknown assessment with malformed verdicts.
  "app/cases/[id]/vendors/[assessmentId]/actions.ts#reviewAnswersAction": {
    kind: "action",
    load: () => import("@/app/cases/[id]/vendors/[assessmentId]/actions"),
    args: (ctx) =>
      fc.oneof(
        fc.tuple(notUuid, anything, anything),
        fc.tuple(fc.constant(ctx.caseId), notUuid, anything),
        fc.tuple(
          fc.constant(ctx.caseId),
          fc.uuid(),
          fc.oneof(
            notTheObject,
            fc.record({
              verdicts: fc.oneof(anything, fc.array(fc.record({ rowId: anything, verdict: anything, comment: anything, dueOn: anything }), { maxLength: 3 })),
            }),
          ),
        ),
      ),
  },
  "app/cases/[id]/vendors/[assessmentId]/actions.ts#acceptRemainingAction": {
    kind: "action",
    load: () => import("@/app/cases/[id]/vendors/[assessmentId]/actions"),
    args: (ctx) => fc.oneof(fc.tuple(notUuid, anything), fc.tuple(fc.constant(ctx.caseId), fc.oneof(notUuid, fc.uuid()))),
  },
  "app/cases/[id]/vendors/[assessmentId]/actions.ts#finishReviewAction": {
    kind: "action",
    load: () => import("@/app/cases/[id]/vendors/[assessmentId]/actions"),
    args: (ctx) => fc.oneof(fc.tuple(notUuid, anything), fc.tuple(fc.constant(ctx.caseId), fc.oneof(notUuid, fc.uuid()))),
  },
  "app/cases/[id]/vendors/[assessmentId]/actions.ts#closeNonconformityAction": {
    kind: "action",
    load: () => import("@/app/cases/[id]/vendors/[assessmentId]/actions"),
    args: (ctx) =>
      fc.oneof(
        fc.tuple(notUuid, anything, anything, anything),
        fc.tuple(fc.constant(ctx.caseId), fc.uuid(), notUuid, anything),
        fc.tuple(fc.constant(ctx.caseId), fc.uuid(), fc.uuid(), fc.oneof(notTheObject, fc.record({ note: anything }))),
      ),
  },
  "app/invite/actions.ts#acceptInvitationAction": {
    kind: "action",
    load: () => import("@/app/invite/actions"),
    args: () => fc.tuple(fc.oneof(notTheObject, fc.record({ token: anything, password: anything, confirm: anything }))),
  },
  // Routes
  "app/api/v1/resolve/route.ts#POST": { kind: "skip", why: "swept below with ≥ 200 bodies" },
  "app/api/v1/health/route.ts#GET": { kind: "skip", why: "takes no input" },
  "app/api/auth/[...all]/route.ts#GET": { kind: "skip", why: "better-auth's own endpoints and schemas (the authorization matrix covers who may)" },
  "app/api/auth/[...all]/route.ts#POST": { kind: "skip", why: "better-auth's own endpoints and schemas (the authorization matrix covers who may)" },
  "app/admin/audit/export/route.ts#GET": {
    kind: "skip",
    why: "its query filters fall back to their defaults (ZAuditQuery .catch), so there is nothing to refuse",
  },
  "app/cases/[id]/export/[doc]/route.ts#GET": { kind: "skip", why: "swept below (malformed path parameters)" },
  "app/catalogue/versions/[version]/export/route.ts#GET": { kind: "skip", why: "swept below (malformed path parameters)" },
  // Contracts (issue 16): a malformed id first; the award also on the user's own (draft) case with a malformed form.
  "app/contracts/actions.ts#awardContractAction": {
    kind: "action",
    load: contracts,
    args: caseArgs(2, (ctx) => fc.tuple(fc.constant(ctx.caseId), notTheObject)),
  },
  "app/contracts/actions.ts#amendContractAction": { kind: "action", load: contracts, args: caseArgs(3) },
  "app/contracts/actions.ts#reviewObligationAction": { kind: "action", load: contracts, args: caseArgs(2) },
  "app/contracts/actions.ts#recordIncidentAction": { kind: "action", load: contracts, args: caseArgs(2) },
  "app/contracts/actions.ts#markDeadlineMetAction": { kind: "action", load: contracts, args: caseArgs(2) },
  "app/contracts/actions.ts#signOffMilestoneAction": { kind: "action", load: contracts, args: caseArgs(1) },
  "app/account/calendar/actions.ts#regenerateCalendarAction": { kind: "skip", why: "takes no input" },
  "app/api/calendar/[token]/route.ts#GET": { kind: "skip", why: "swept below (malformed tokens)" },
  "app/contracts/[id]/files/[fileId]/route.ts#GET": { kind: "skip", why: "swept below (malformed path parameters)" },
  "app/contracts/[id]/acceptance/[milestoneId]/route.ts#GET": { kind: "skip", why: "swept below (malformed path parameters)" },
  "app/api/contracts/[id]/obligations/[obligationId]/evidence/route.ts#POST": { kind: "skip", why: "swept below (malformed path parameters and bodies)" },
  "app/vendor/[caseId]/actions.ts#saveAnswersAction": {
    kind: "skip",
    why: "a vendor-only action (the sweep's user holds no vendor role, so every call is 403 before any input is read); its input is zod-checked in lib/vendor/assessment (tests/integration/vendor-assessment.test.ts: bad answers, rows, files)",
  },
  "app/vendor/[caseId]/actions.ts#bulkYesAction": {
    kind: "skip",
    why: "a vendor-only action (the sweep's user holds no vendor role, so every call is 403 before any input is read); its input is zod-checked in lib/vendor/assessment (tests/integration/vendor-assessment.test.ts: bad answers, rows, files)",
  },
  "app/vendor/[caseId]/actions.ts#detachEvidenceAction": {
    kind: "skip",
    why: "a vendor-only action (the sweep's user holds no vendor role, so every call is 403 before any input is read); its input is zod-checked in lib/vendor/assessment (tests/integration/vendor-assessment.test.ts: bad answers, rows, files)",
  },
  "app/vendor/[caseId]/actions.ts#submitAssessmentAction": {
    kind: "skip",
    why: "a vendor-only action (the sweep's user holds no vendor role, so every call is 403 before any input is read); its input is zod-checked in lib/vendor/assessment (tests/integration/vendor-assessment.test.ts: bad answers, rows, files)",
  },
  "app/api/vendor/[caseId]/files/route.ts#POST": {
    kind: "skip",
    why: "a vendor-only route (the sweep's user holds no vendor role, so every call is 403 before any input is read); its input is zod-checked in lib/vendor/assessment (tests/integration/vendor-assessment.test.ts: bad answers, rows, files)",
  },
  "app/vendor/[caseId]/files/[fileId]/route.ts#GET": {
    kind: "skip",
    why: "a vendor-only route (the sweep's user holds no vendor role, so every call is 403 before any input is read); its input is zod-checked in lib/vendor/assessment (tests/integration/vendor-assessment.test.ts: bad answers, rows, files)",
  },
  "app/cases/[id]/vendors/[assessmentId]/export/route.ts#GET": { kind: "skip", why: "swept below (malformed path parameters)" },
  "app/cases/[id]/vendors/[assessmentId]/files/[fileId]/route.ts#GET": { kind: "skip", why: "swept below (malformed path parameters)" },
  // The Word import (issue 17): the vendor's surfaces refuse the sweep's user (no vendor role) before any input is read.
  "app/vendor/[caseId]/import/actions.ts#applyImportAction": {
    kind: "skip",
    why: "a vendor-only action (the sweep's user holds no vendor role, so every call is refused before any input is read)",
  },
  "app/api/vendor/[caseId]/import/route.ts#POST": {
    kind: "skip",
    why: "a vendor-only route (the sweep's user holds no vendor role, so every call is 403 before any input is read)",
  },
  "app/cases/[id]/vendors/[assessmentId]/import/actions.ts#applyImportAction": {
    kind: "action",
    load: () => import("@/app/cases/[id]/vendors/[assessmentId]/import/actions"),
    args: caseArgs(3, (ctx) =>
      fc.tuple(
        fc.constant(ctx.caseId),
        fc.oneof(notUuid, fc.constant(ctx.assessmentId)),
        fc.oneof(notTheObject, fc.record({ fileId: fc.oneof(notUuid, fc.uuid()), take: anything })),
      ),
    ),
  },
  "app/api/vendor-assessments/[id]/import/route.ts#POST": { kind: "skip", why: "swept below (malformed path parameters and bodies, on a real assessment too)" },
  "app/vendor/[caseId]/checklist/route.ts#GET": {
    kind: "skip",
    why: "a vendor-only route (the sweep's user holds no vendor role, so every call is 403 before any input is read); its one path parameter is a uuid or 404",
  },
};

// ---- the world: one user with every role, signed in, and a draft case of theirs ----

let db: TDb;
let remove: () => Promise<void>;
const ctx: TCtx = { caseId: "", assessmentId: "" };

beforeAll(async () => {
  const fresh = freshDbUrl();
  remove = fresh.remove;
  await (await prepareDatabase(fresh.url)).$disconnect();
  process.env.DATABASE_URL = fresh.url;
  process.env.BETTER_AUTH_SECRET = "sweep-secret-sweep-secret-sweep-secret-00";
  process.env.BETTER_AUTH_URL = BASE_URL;
  db = (await import("@/lib/db/client")).db();
  const { auth } = await import("@/app/_server/auth");
  const agencyId = (await db.agency.create({ data: { id: "sweep-agency", name: "掃描測試機關", ...TEST_PROFILE } })).id;
  const email = "everything@sweep.test";
  const id = await createUser(db, {
    agencyId,
    email,
    name: "全角色",
    roles: ["officer", "ciso", "admin", "catalogue-admin", "platform-admin"],
    password: PASSWORD,
    mustChangePassword: false,
  });
  const response = await auth().api.signInEmail({ body: { email, password: PASSWORD }, asResponse: true });
  actAs(
    response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; "),
  );
  const { createCase } = await import("@/lib/cases/store");
  ctx.caseId = await createCase(db, { id, name: "全角色", agencyId, roles: ["officer"] });
  // A vendor's self-assessment of the case (written directly), so the officer's import sees a real one.
  ctx.assessmentId = "5e1f0a4e-0000-4000-8000-000000000017";
  await db.vendorAssessment.create({
    data: {
      id: ctx.assessmentId,
      agencyId,
      caseId: ctx.caseId,
      revision: 1,
      invitationId: "sweep-invitation",
      vendorUserId: "sweep-vendor",
      vendorName: "掃描廠商",
    },
  });
}, 120_000);
afterAll(async () => {
  actAs(null);
  await db.$disconnect();
  await remove();
});

/** Every message a refusal carries is zh-TW; returns them for the caller's own checks. */
function expectZhTwRefusal(result: unknown, shape: "form" | undefined, label: string) {
  expect(result, label).toBeTypeOf("object");
  const r = result as { ok?: boolean; code?: string; message?: string; issues?: { path: string; message: string }[] };
  if (shape === "form") {
    expect(r.message, label).toMatch(CJK);
    return;
  }
  expect(r.ok, label).toBe(false);
  expect(["invalid", "forbidden", "conflict"], `${label}: ${r.code} ${r.message}`).toContain(r.code);
  expect(r.message, label).toMatch(CJK);
  for (const issue of r.issues ?? []) expect(issue.message, `${label} at ${issue.path}`).toMatch(CJK);
}

describe("every server action refuses malformed input with zh-TW messages", () => {
  for (const [key, entry] of Object.entries(SWEEP)) {
    if (entry.kind !== "action") continue;
    const [file, name] = key.split("#") as [string, string];
    it(`${name} (${file})`, async () => {
      const fn = (await entry.load())[name] as (...args: unknown[]) => Promise<unknown>;
      const errors = vi.spyOn(console, "error").mockImplementation(() => {});
      try {
        await fc.assert(
          fc.asyncProperty(entry.args(ctx), async (args) => {
            const label = `${name}(${args.map((a) => asText(a)?.slice(0, 80)).join(", ")})`;
            const result = await fn(...args).catch((e: unknown) => ({ thrown: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }));
            expect((result as { thrown?: string }).thrown, label).toBeUndefined();
            expectZhTwRefusal(result, entry.shape, label);
          }),
          { numRuns: RUNS },
        );
        // "server action failed" is the 500 path of the action client.
        expect(errors).not.toHaveBeenCalled();
      } finally {
        errors.mockRestore();
      }
    }, 120_000);
  }

  it("representative refusals read zh-TW at their fields (they were zod's English defaults)", async () => {
    const { moveCaseToVersionAction, reviewItemAction, decideCaseAction } = await cases();
    const move = (await moveCaseToVersionAction(ctx.caseId, "", "x" as never)) as { ok: false; issues: { path: string; message: string }[] };
    expect(Object.fromEntries(move.issues.map((i) => [i.path, i.message])), JSON.stringify(move.issues)).toEqual({
      target: "此欄位不可為空白",
      lockVersion: "須為數字",
    });
    const review = (await reviewItemAction(ctx.caseId, { itemId: 5, verdict: "approve" })) as { ok: false; issues: { path: string; message: string }[] };
    expect(review.issues).toEqual([{ path: "review.itemId", message: "須為文字" }]);
    const decide = (await decideCaseAction(ctx.caseId, "maybe" as never, "")) as { ok: false; issues: { path: string; message: string }[] };
    expect(decide.issues).toEqual([{ path: "verdict", message: "不是可接受的選項" }]);
    const { setIdleTimeoutAction } = await settings();
    const idle = (await setIdleTimeoutAction({})) as { ok: false; issues: { path: string; message: string }[] };
    for (const i of idle.issues) expect(i.message).toMatch(CJK);
  });

  it("the change-password form names the field that is wrong (it always blamed the current password)", async () => {
    const { changePasswordAction } = await import("@/app/account/password/actions");
    const long = "Aa1!".repeat(60);
    expect(await changePasswordAction({ message: null, field: null }, form({ currentPassword: PASSWORD, newPassword: long, confirm: long }))).toEqual({
      message: "新密碼最多 200 字",
      field: "newPassword",
    });
    expect(await changePasswordAction({ message: null, field: null }, form({ currentPassword: PASSWORD, newPassword: "x", confirm: "y".repeat(201) }))).toEqual(
      { message: "確認的新密碼最多 200 字", field: "confirm" },
    );
    expect(await changePasswordAction({ message: null, field: null }, form({ currentPassword: "", newPassword: "x", confirm: "x" }))).toEqual({
      message: "請輸入目前的密碼",
      field: "currentPassword",
    });
  });
});

/** Whether a generated body is in fact a well-formed resolve input. */
function validInput(b: string | Uint8Array): boolean {
  if (typeof b !== "string") return false;
  try {
    return ZResolveInput.safeParse(JSON.parse(b)).success;
  } catch {
    return false;
  }
}

describe("the routes refuse malformed input with zh-TW messages, never 5xx", () => {
  const required = ["serviceTypes", "grade", "responsibilityLevel", "contractValue", "conditions"] as const;
  /** Always malformed: not an object, a required field missing or of a wrong value, an unknown key, broken JSON or bytes. */
  const body = fc
    .oneof(
      fc
        .jsonValue({ maxDepth: 3 })
        .filter((v) => typeof v !== "object" || v === null || Array.isArray(v))
        .map((v) => JSON.stringify(v)),
      fc.constantFrom(...required).map((k) => JSON.stringify({ ...REALISTIC_CASE, [k]: undefined })),
      fc
        .tuple(
          fc.constantFrom(...required, "conditions.cii" as const),
          fc.oneof(hostileString, fc.constantFrom(null, -1, 1.5, 1e308, [], {}, ["development", "development"], { cii: "yes" })),
        )
        .map(([k, v]) =>
          k === "conditions.cii"
            ? JSON.stringify({ ...REALISTIC_CASE, conditions: { ...REALISTIC_CASE.conditions, cii: v } })
            : JSON.stringify({ ...REALISTIC_CASE, [k]: v }),
        ),
      fc
        .tuple(
          hostileString.filter((k) => !["catalogueVersion", "riskLevel", ...required].includes(k) && k !== "__proto__" && k.length > 0),
          anything,
        )
        .map(([k, v]) => asText({ ...REALISTIC_CASE, [k]: v ?? 0 })),
      fc
        .record({ catalogueVersion: fc.oneof(hostileString, fc.constantFrom("2099-99-99", "2023-09-25-x", 20230925)) })
        .map((v) => JSON.stringify({ ...REALISTIC_CASE, ...v })),
      fc.string({ maxLength: 60 }).filter((s) => {
        try {
          JSON.parse(s);
          return false;
        } catch {
          return true;
        }
      }),
      fc.uint8Array({ minLength: 1, maxLength: 60 }),
    )
    .filter((b) => !validInput(b)); // a generated "hostile" value can be a valid one (say responsibilityLevel "B"): not a refusal to test

  it("POST /api/v1/resolve: ≥ 200 malformed bodies, each a 400 with zh-TW messages", async () => {
    const { POST } = await import("@/app/api/v1/resolve/route");
    // Anonymous here, signed in again after: the routes swept below run as the sweep's user.
    const signedIn = (await import("../helpers/authz-request")).currentRequest.cookie;
    actAs(null);
    let count = 0;
    try {
      await fc.assert(
        fc.asyncProperty(body, async (b) => {
          count++;
          const response = await POST(new Request(`${BASE_URL}/api/v1/resolve`, { method: "POST", headers: { "content-type": "application/json" }, body: b }));
          const label = typeof b === "string" ? b.slice(0, 120) : `bytes ${Buffer.from(b).toString("hex").slice(0, 60)}`;
          expect(response.status, label).toBe(400);
          const { error } = (await response.json()) as { error: { message: string; issues: { path: string; message: string }[] } };
          expect(error.message, label).toMatch(CJK);
          for (const issue of error.issues) expect(issue.message, `${label} at ${issue.path}`).toMatch(CJK);
        }),
        { numRuns: 220 },
      );
    } finally {
      actAs(signedIn || null);
    }
    expect(count).toBeGreaterThanOrEqual(200);
  }, 120_000);

  it("GET /cases/:id/export/:doc and /catalogue/versions/:version/export: malformed parameters are 4xx", async () => {
    const caseExport = (await import("@/app/cases/[id]/export/[doc]/route")).GET;
    const versionExport = (await import("@/app/catalogue/versions/[version]/export/route")).GET;
    await fc.assert(
      fc.asyncProperty(hostileString, hostileString, async (a, b) => {
        const r1 = await caseExport(new Request(`${BASE_URL}/cases/x/export/y`), { params: Promise.resolve({ id: a, doc: b }) });
        expect(r1.status, `${a} ${b}`).toBeGreaterThanOrEqual(400);
        expect(r1.status).toBeLessThan(500);
        expect(await r1.text()).toMatch(CJK);
        const r2 = await versionExport(new Request(`${BASE_URL}/catalogue/versions/x/export`), { params: Promise.resolve({ version: `${a}${b}` || "x" }) });
        expect(r2.status, `${a}${b}`).toBeGreaterThanOrEqual(400);
        expect(r2.status).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

describe("the contract routes refuse malformed input with zh-TW messages, never 5xx", () => {
  it("evidence download, 驗收 document, upload and calendar feed: malformed parameters and bodies are 4xx", async () => {
    const files = (await import("@/app/contracts/[id]/files/[fileId]/route")).GET;
    const acceptance = (await import("@/app/contracts/[id]/acceptance/[milestoneId]/route")).GET;
    const upload = (await import("@/app/api/contracts/[id]/obligations/[obligationId]/evidence/route")).POST;
    const feed = (await import("@/app/api/calendar/[token]/route")).GET;
    const uuid = fc.uuid();
    const body = fc.oneof(
      fc.string({ maxLength: 60 }).map((t) => ({ type: "text/plain", body: t as BodyInit })),
      fc.uint8Array({ maxLength: 60 }).map((b) => ({ type: "multipart/form-data; boundary=x", body: b as BodyInit })),
      fc.constant({
        type: "multipart/form-data; boundary=x",
        body: '--x\r\nContent-Disposition: form-data; name="file"; filename="../a.pdf"\r\n\r\n%PDF-1.4\r\n--x--\r\n' as BodyInit,
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, uuid), fc.oneof(hostileString, uuid), body, async (a, b, sent) => {
        const answers = [
          await files(new Request(`${BASE_URL}/contracts/x/files/y`), { params: Promise.resolve({ id: a, fileId: b }) }),
          await acceptance(new Request(`${BASE_URL}/contracts/x/acceptance/y`), { params: Promise.resolve({ id: a, milestoneId: b }) }),
          await upload(
            new Request(`${BASE_URL}/api/contracts/x/obligations/y/evidence`, { method: "POST", headers: { "content-type": sent.type }, body: sent.body }),
            {
              params: Promise.resolve({ id: a, obligationId: b }),
            },
          ),
          await feed(new Request(`${BASE_URL}/api/calendar/x`), { params: Promise.resolve({ token: `${a}${b}` }) }),
        ];
        for (const r of answers) {
          expect(r.status, `${a} ${b}`).toBeGreaterThanOrEqual(400);
          expect(r.status).toBeLessThan(500);
          expect(await r.text()).toMatch(CJK);
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

describe("the vendor review routes refuse malformed input with zh-TW messages, never 5xx", () => {
  it("the reviewed export and the agency's evidence download: malformed or unknown ids are 4xx", async () => {
    const exported = (await import("@/app/cases/[id]/vendors/[assessmentId]/export/route")).GET;
    const files = (await import("@/app/cases/[id]/vendors/[assessmentId]/files/[fileId]/route")).GET;
    const id = fc.oneof(hostileString, fc.uuid());
    await fc.assert(
      fc.asyncProperty(id, id, id, async (a, b, f) => {
        const answers = [
          await exported(new Request(`${BASE_URL}/cases/x/vendors/y/export`), { params: Promise.resolve({ id: a, assessmentId: b }) }),
          await files(new Request(`${BASE_URL}/cases/x/vendors/y/files/z`), { params: Promise.resolve({ id: a, assessmentId: b, fileId: f }) }),
        ];
        for (const r of answers) {
          expect(r.status, `${a} ${b} ${f}`).toBeGreaterThanOrEqual(400);
          expect(r.status).toBeLessThan(500);
          expect(await r.text()).toMatch(CJK);
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

describe("the officer's Word import refuses malformed uploads with zh-TW messages, never 5xx", () => {
  it("malformed assessment ids and bodies (not a form, not a docx, a broken zip) are 4xx with the reasons", async () => {
    const upload = (await import("@/app/api/vendor-assessments/[id]/import/route")).POST;
    const part = (name: string, content: string) => `--x\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n\r\n${content}\r\n--x--\r\n`;
    const body = fc.oneof(
      fc.string({ maxLength: 60 }).map((t) => ({ type: "text/plain", body: t as BodyInit })),
      fc.uint8Array({ maxLength: 60 }).map((b) => ({ type: "multipart/form-data; boundary=x", body: b as BodyInit })),
      fc
        .constantFrom("a.pdf", "../自評表.docx", "x.docx", "\u202Excod.exe")
        .chain((name) =>
          fc
            .constantFrom("%PDF-1.4", "PK\u0003\u0004broken", "hello")
            .map((c) => ({ type: "multipart/form-data; boundary=x", body: part(name, c) as BodyInit })),
        ),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, fc.uuid(), fc.constant(ctx.assessmentId)), body, async (id, sent) => {
        const r = await upload(
          new Request(`${BASE_URL}/api/vendor-assessments/x/import`, { method: "POST", headers: { "content-type": sent.type }, body: sent.body }),
          {
            params: Promise.resolve({ id }),
          },
        );
        expect(r.status, id).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
        expect(await r.text()).toMatch(CJK);
      }),
      { numRuns: 40 },
    );
    // The real assessment's refusal is the import's own (JSON, at the file field), not an earlier 404.
    const pdf = await upload(
      new Request(`${BASE_URL}/api/vendor-assessments/x/import`, {
        method: "POST",
        headers: { "content-type": "multipart/form-data; boundary=x" },
        body: part("a.pdf", "%PDF-1.4"),
      }),
      { params: Promise.resolve({ id: ctx.assessmentId }) },
    );
    expect(pdf.status).toBe(400);
    expect(((await pdf.json()) as { error: { issues: { path: string }[] } }).error.issues[0]?.path).toBe("file");
    expect(await db.storedFile.count({ where: { ownerType: "vendor-import" } }), "nothing refused is stored").toBe(0);
  }, 120_000);
});

describe("`cli resolve` and `cli export` exit 2 on malformed files, with zh-TW lines", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), "secreq-sweep-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const content = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.uint8Array({ minLength: 0, maxLength: 80 }),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    fc
      .tuple(fc.constantFrom("grade", "serviceTypes", "conditions", "contractValue"), anything)
      .map(([k, v]) => JSON.stringify({ ...REALISTIC_CASE, [k]: v === undefined ? "?" : v }, (_k, x: unknown) => (typeof x === "bigint" ? String(x) : x))),
  );

  it("each malformed case file → exit 2, every stderr line zh-TW, nothing on stdout", async () => {
    const { runCli } = await import("@/lib/cli");
    let n = 0;
    await fc.assert(
      fc.asyncProperty(content, fc.constantFrom("resolve", "export"), async (c, command) => {
        const file = path.join(dir, `case-${n++}.json`);
        writeFileSync(file, c);
        const out: string[] = [];
        const err: string[] = [];
        const args =
          command === "resolve" ? ["resolve", "--input", file] : ["export", "--input", file, "--doc", "annex", "--out", path.join(dir, `out-${n}.docx`)];
        const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) }, { openDb: async () => db });
        const label = `${command} ${typeof c === "string" ? c.slice(0, 100) : "bytes"}`;
        // A file that happens to be a valid case is no refusal to check.
        if (code === 0) return;
        expect(code, `${label}: ${err.join(" | ")}`).toBe(2);
        expect(out, label).toEqual([]);
        for (const line of err.join("\n").split("\n")) expect(line, label).toMatch(CJK);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});

describe("CLI usage refusals are zh-TW (node's argument parser answers in English)", () => {
  it.each([
    [["resolve", "--bogus"], "不認得的選項「--bogus」"],
    [["resolve", "--input"], "選項「--input」需要一個值"],
    [["catalogue", "--json=1"], "選項「--json」不接受值"],
    [["export", "--input", "a.json", "stray"], "參數有誤：多餘的參數「stray」"],
    [["db", "export", "--nope"], "不認得的選項「--nope」"],
  ])("%j", async (argv, first) => {
    const { runCli } = await import("@/lib/cli");
    const err: string[] = [];
    const code = await runCli(argv, { out: () => {}, err: (s) => err.push(s) }, { openDb: async () => db });
    expect(code).toBe(2);
    expect(err.join("\n").split("\n")[0]).toBe(first);
    expect(err.join("\n")).not.toMatch(/Unknown|Unexpected|argument/);
  });
});

describe("the sweep covers the app", () => {
  it("every action and route of app/ is swept or says why not", () => {
    const surface = scanSurface(ROOT);
    const missing = [...surface.actions, ...surface.routes].filter((k) => !SWEEP[k]);
    expect(missing, "add these to SWEEP (tests/integration/sweep.test.ts)").toEqual([]);
    const stale = Object.keys(SWEEP).filter((k) => ![...surface.actions, ...surface.routes].includes(k));
    expect(stale, "entries for actions or routes that no longer exist").toEqual([]);
  });
});
