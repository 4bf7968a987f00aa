import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { REALISTIC_CASE } from "../helpers/api";
import {
  AGENCY_A_NAME,
  agencyMarkers,
  agencyPrint,
  BASE_URL,
  CASE_STATES,
  CASE_TITLE_A,
  CaseFixtures,
  classify,
  classifyThrown,
  createWorld,
  EMAIL_DOMAIN_A,
  HTTP_METHODS,
  IN_AGENCY_A,
  NEW_PASSWORD,
  scanSurface,
  SUBJECT_LABEL,
  SUBJECTS,
  targetUser,
  withAccountRestored,
  type TOutcome,
  type TPerson,
  type TSubject,
  type TWorld,
} from "../helpers/authz";
import { actAs } from "../helpers/authz-request";
import { PASSWORD, TEST_PROFILE } from "../helpers/people";

// Issue 4, Tests: "An authorization matrix: every role (and an anonymous user, and a user of another
// agency) × every action and API route, asserting allowed or refused; it fails when a new route is
// added without an entry."
//
// The real server actions, route handlers and pages run in-process against a temp database; only the
// Next request plumbing is stubbed: `headers()` carries the current subject's better-auth session
// cookie (a real session, signed in through better-auth), `cookies()` is a small stub, and
// revalidation is a no-op. Every fixture belongs to agency A.

vi.mock("next/headers", async () => (await import("../helpers/authz-request")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("../helpers/authz-request")).nextCacheMock);

const ROOT = path.resolve(import.meta.dirname, "../..");

// ---- who may ----

const EVERYONE = SUBJECTS;
const A_ROLES = ["officerA", "cisoA", "adminA"] as const satisfies readonly TSubject[];
/** Anyone with a session, whatever the agency, including a pending forced password change. */
const ANY_SESSION = ["officerA", "cisoA", "adminA", "agencyB", "pendingA", "platformC", "vendorA"] as const satisfies readonly TSubject[];
const NOBODY = [] as const satisfies readonly TSubject[];
/** Anyone with a session who has changed the initial password. */
const SIGNED_IN = [...A_ROLES, "agencyB", "platformC"] as const satisfies readonly TSubject[];
/** One's own notifications and account: every account, the vendor's included (it is notified of the agency's review). */
const SIGNED_IN_OR_VENDOR = [...SIGNED_IN, "vendorA"] as const satisfies readonly TSubject[];

// ---- how to call ----

type TCall = {
  subject: TSubject;
  person: TPerson | null;
  world: TWorld;
  cases: CaseFixtures;
  /** A user of agency A for an admin action to act on. */
  target: (kind: "active" | "locked" | "inactive") => Promise<string>;
  /** A request as the subject's browser would send it (session cookie, same origin). */
  http: (method: string, pathAndQuery: string, body?: unknown) => Request;
};

type TEntry = {
  kind: "action" | "route" | "page";
  /** The module, relative to the repository. */
  file: string;
  /** The export called: an action's name, an HTTP method, or "default" for a page. */
  name: string;
  /** What exactly is called, when one export is probed several ways (better-auth's catch-all route). */
  probe?: string;
  /** Who may, in words. */
  rule: string;
  /** The subjects for whom the call must succeed; every other subject must be refused. */
  allowed: readonly TSubject[];
  /** The app differs from `allowed` today: who actually gets through, and why that is a gap. */
  gap?: { allowedNow: readonly TSubject[]; note: string };
  /** A route's HTTP status per subject: the same refusal answers the same status on every route. */
  statuses?: Record<TSubject, number>;
  /** Any 4xx answer is a refusal (better-auth answers 400 for a disabled feature or a refused field). */
  fourxxRefuses?: boolean;
  /** The call changes the subject's own account (password, name, session): put it back afterwards. */
  ownAccount?: boolean;
  /** An allowed call changes agency A by design whoever makes it (accepting an invitation of A creates A's vendor account). */
  writesAgencyA?: string;
  /** The refusal is logged as an error by the library (better-auth's disabled features): keep the output clean. */
  quiet?: boolean;
  /** Makes the fixtures the call needs (outside the measured call) and returns the call itself. */
  setup: (c: TCall) => Promise<() => Promise<unknown>>;
  /**
   * A positive control for the leak check: what these subjects are shown must contain this text (so an
   * empty answer cannot pass for "nothing of agency A leaked" to the others).
   */
  shows?: { to: readonly TSubject[]; text: string };
  /** The 平台管理者 view: agency names (agency A's among them) are what it shows; nothing else of A may appear. */
  agencyNames?: boolean;
  /** Agency A's markers an allowed call shows by design to whoever holds the grant (an invitation names who invites to what). */
  reveals?: { why: string; markers: (world: TWorld) => Promise<string[]> };
  /** Further checks of an outcome (run before ownAccount restores the account). */
  verify?: (c: TCall, o: TOutcome) => Promise<void>;
};

/** The requirement row an item belongs to, with the versions a save starts from (dynamic imports: see freshWorld). */
async function rowOfItem(db: TWorld["db"], caseId: string, itemId: string) {
  const { getCase } = await import("@/lib/cases/store");
  const { loadChecklist } = await import("@/lib/cases/load");
  const { decisionRows } = await import("@/lib/cases/decision-rows");
  const record = (await getCase(db, caseId))!;
  const { checklist } = await loadChecklist(db, record);
  if (!checklist.ok) throw new Error("fixture: the case does not resolve");
  const rows = decisionRows(checklist, record.splits, new Map(record.decisions.map((d) => [d.itemId, d.version])));
  const row = rows.find((r) => r.items.some((i) => i.id === itemId));
  return { key: row?.key ?? "", bases: row?.bases ?? {}, checklist, rows };
}

let twoType: { id: string; key: string } | null = null;
/** A draft case of agency A with 開發 + 維運 and one of its rows of both types (split when asked). */
async function twoTypeRow(world: TWorld, split = false) {
  const { createCase, saveAnswers } = await import("@/lib/cases/store");
  const { splitRow } = await import("@/lib/cases/decide");
  if (!twoType) {
    const id = await createCase(world.db, world.officer);
    await saveAnswers(world.db, id, "case", { ...REALISTIC_CASE_TWO_TYPES }, world.officer);
    await saveAnswers(
      world.db,
      id,
      "grade",
      { mode: "direct", grade: "medium", aspects: { confidentiality: "", integrity: "", availability: "", legalCompliance: "" } },
      world.officer,
    );
    await saveAnswers(
      world.db,
      id,
      "facts",
      { personalData: "yes", coreSystem: "no", cii: "no", externalService: "yes", mobileApp: "no", riskLevel: "高" },
      world.officer,
    );
    const { getCase } = await import("@/lib/cases/store");
    const { loadChecklist } = await import("@/lib/cases/load");
    const { decisionRows } = await import("@/lib/cases/decision-rows");
    const { checklist } = await loadChecklist(world.db, (await getCase(world.db, id))!);
    if (!checklist.ok) throw new Error("fixture: the case does not resolve");
    const row = decisionRows(checklist, [], new Map()).find((r) => r.kind && r.decidable.length > 1)!;
    twoType = { id, key: row.key };
  }
  const exists = await world.db.decisionSplit.findUnique({ where: { caseId_key: { caseId: twoType.id, key: twoType.key } } });
  if (split && !exists) {
    const { checklist } = await rowOfItem(world.db, twoType.id, "");
    await splitRow(world.db, twoType.id, checklist, twoType.key, "授權矩陣測試", world.officer);
  }
  if (!split && exists) await world.db.decisionSplit.delete({ where: { caseId_key: { caseId: twoType.id, key: twoType.key } } });
  return twoType;
}
const REALISTIC_CASE_TWO_TYPES = { caseName: "兩類型測試案", caseNumber: "AUTHZ-2", contractValue: "12,000,000", serviceTypes: ["development", "maintenance"] };

const load = {
  cases: () => import("@/app/cases/actions"),
  login: () => import("@/app/login/actions"),
  password: () => import("@/app/account/password/actions"),
  account: () => import("@/app/account/actions"),
  notifications: () => import("@/app/notifications/actions"),
  settings: () => import("@/app/admin/settings/actions"),
  users: () => import("@/app/admin/users/actions"),
  auditExport: () => import("@/app/admin/audit/export/route"),
  caseExport: () => import("@/app/cases/[id]/export/[doc]/route"),
  health: () => import("@/app/api/v1/health/route"),
  resolve: () => import("@/app/api/v1/resolve/route"),
  betterAuth: () => import("@/app/api/auth/[...all]/route"),
  catalogue: () => import("@/app/catalogue/versions/actions"),
  catalogueExport: () => import("@/app/catalogue/versions/[version]/export/route"),
  agencyProfile: () => import("@/app/admin/agency/actions"),
  platform: () => import("@/app/platform/agencies/actions"),
  contracts: () => import("@/app/contracts/actions"),
  contractFile: () => import("@/app/contracts/[id]/files/[fileId]/route"),
  acceptance: () => import("@/app/contracts/[id]/acceptance/[milestoneId]/route"),
  upload: () => import("@/app/api/contracts/[id]/obligations/[obligationId]/evidence/route"),
  calendar: () => import("@/app/account/calendar/actions"),
  calendarFeed: () => import("@/app/api/calendar/[token]/route"),
};

// ---- contracts (issue 16): one awarded contract of agency A, made through lib/ ----

const AWARD = {
  vendorName: "授權測試資訊股份有限公司",
  vendorTaxId: "04595257",
  contractNumber: "AUTHZ-C-115-001",
  award: "2026-12-01",
  signed: "2026-12-02",
  start: "2026-12-03",
  end: "2027-12-02",
  milestones: [{ name: "第一期驗收", dueOn: "2027-03-31" }],
};
const PDF_BYTES = new TextEncoder().encode("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
type TContractFixture = { contractId: string; caseId: string; obligationId: string; fileId: string };
let sharedContract: Promise<TContractFixture> | null = null;
const contractFixture = (c: TCall) =>
  (sharedContract ??= (async () => {
    const { awardContract, contractView, submitEvidence } = await import("@/lib/contracts/store");
    const caseId = await c.cases.fresh("approved");
    const contractId = await awardContract(c.world.db, caseId, AWARD, c.world.officer);
    const view = await contractView(c.world.db, contractId, c.world.officer);
    const o = view.obligations.find((x) => x.dueOn)!;
    const file = await submitEvidence(c.world.db, o.id, { name: "專案工作計畫書.pdf", bytes: PDF_BYTES }, c.world.officer);
    return { contractId, caseId, obligationId: o.id, fileId: file.id };
  })());
/** A new obligation of the shared contract, for a call that changes one. */
const newObligation = async (c: TCall, review: "" | "submitted") => {
  const { contractId } = await contractFixture(c);
  const id = crypto.randomUUID();
  await c.world.db.obligation.create({
    data: {
      id,
      contractId,
      agencyId: c.world.agencyA,
      key: `authz:${id}`,
      title: "授權測試義務",
      owner: "vendor",
      kind: "document",
      basis: "測試",
      dueOn: "2027-01-31",
      review,
    },
  });
  return id;
};
let amendable: Promise<{ contractId: string; next: string; lockVersion: number }> | null = null;
const amendableContract = (c: TCall) =>
  (amendable ??= (async () => {
    const { awardContract } = await import("@/lib/contracts/store");
    const { reviseCase, submitCase, reviewItem, decideCase } = await import("@/lib/cases/workflow-ops");
    const { loadChecklist } = await import("@/lib/cases/load");
    const { getCase } = await import("@/lib/cases/store");
    const { approvalProblems } = await import("@/lib/workflow/review-groups");
    const { db, officer, ciso } = c.world;
    const caseId = await c.cases.fresh("approved");
    const contractId = await awardContract(db, caseId, { ...AWARD, contractNumber: "AUTHZ-C-115-002" }, officer);
    const next = await reviseCase(db, caseId, officer);
    const { checklist } = await loadChecklist(db, (await getCase(db, next))!);
    await submitCase(db, next, officer);
    if (checklist.ok)
      for (const p of approvalProblems(checklist, []))
        if (p.kind === "item") await reviewItem(db, next, { itemId: p.itemId, verdict: "accept-risk", comment: "授權矩陣測試：接受風險" }, ciso);
    await decideCase(db, next, "approve", "", ciso);
    return { contractId, next, lockVersion: 0 };
  })());
const upload = (c: TCall, contractId: string, obligationId: string) => {
  const body = new FormData();
  body.set("file", new Blob([PDF_BYTES]), "計畫書.pdf");
  return new Request(`${BASE_URL}/api/contracts/${contractId}/obligations/${obligationId}/evidence`, {
    method: "POST",
    headers: { origin: BASE_URL, host: "localhost:3000", ...(c.person ? { cookie: c.person.cookie } : {}) },
    body,
  });
};

const NOTE_TITLE = "授權矩陣測試通知";
/** A fresh unread notification of agency A's officer. */
const officerNotification = async (c: TCall) => {
  const id = crypto.randomUUID();
  await c.world.db.notification.create({
    data: { id, userId: c.world.people.officerA.id, agencyId: c.world.agencyA, kind: "case.returned", title: NOTE_TITLE, link: "/cases" },
  });
  return id;
};

/** An agency of its own for a platform action to act on, so agency A stays as it was. */
const spareAgency = async (c: TCall) => {
  const id = crypto.randomUUID();
  await c.world.db.agency.create({ data: { id, name: `丁機關-${id.slice(0, 8)}` } });
  return id;
};

/** None of the matrix's subjects holds the app-wide 目錄管理者 role (its positive path: tests/e2e/catalogue-versions.spec.ts). */
const KEEPERS = NOBODY;

const form = (values: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
};

/** The new case (or user) an allowed call made belongs to the caller's own agency. */
const inOwnAgency = (kind: "case" | "user") => async (c: TCall, o: TOutcome) => {
  if (o.outcome !== "allowed" || !c.person) return;
  const id = kind === "case" ? o.redirect?.split("/")[2] : (o.value as { id?: string }).id;
  const row = kind === "case" ? await c.world.db.case.findUnique({ where: { id: id ?? "" } }) : await c.world.db.user.findUnique({ where: { id: id ?? "" } });
  expect(row?.agencyId, `the new ${kind} belongs to the caller's agency`).toBe(c.person.agencyId);
};

const ACTIONS: TEntry[] = [
  // app/contracts/actions.ts — officers manage their agency's contracts, the CISO signs milestones off.
  {
    kind: "action",
    file: "app/contracts/actions.ts",
    name: "awardContractAction",
    probe: "a new approved case of agency A",
    rule: "an officer of the case's agency",
    allowed: ["officerA"],
    setup: async (c) => {
      const { awardContractAction } = await load.contracts();
      const id = await c.cases.fresh("approved");
      return () => awardContractAction(id, AWARD);
    },
  },
  {
    kind: "action",
    file: "app/contracts/actions.ts",
    name: "amendContractAction",
    probe: "a contract of agency A whose case has a later approved revision",
    rule: "an officer of the contract's agency",
    allowed: ["officerA"],
    setup: async (c) => {
      const { amendContractAction } = await load.contracts();
      const f = await amendableContract(c);
      return () => amendContractAction(f.contractId, f.next, f.lockVersion);
    },
  },
  {
    kind: "action",
    file: "app/contracts/actions.ts",
    name: "reviewObligationAction",
    probe: "an obligation of agency A's contract awaiting review",
    rule: "an officer of the contract's agency",
    allowed: ["officerA"],
    setup: async (c) => {
      const { reviewObligationAction } = await load.contracts();
      const id = await newObligation(c, "submitted");
      return () => reviewObligationAction(id, { verdict: "approve" });
    },
  },
  {
    kind: "action",
    file: "app/contracts/actions.ts",
    name: "recordIncidentAction",
    rule: "an officer of the contract's agency",
    allowed: ["officerA"],
    setup: async (c) => {
      const { recordIncidentAction } = await load.contracts();
      const { contractId } = await contractFixture(c);
      return () => recordIncidentAction(contractId, { level: 2, knownAt: "2026-12-01T09:30", description: "授權矩陣測試事件" });
    },
  },
  {
    kind: "action",
    file: "app/contracts/actions.ts",
    name: "markDeadlineMetAction",
    rule: "an officer of the contract's agency",
    allowed: ["officerA"],
    setup: async (c) => {
      const { markDeadlineMetAction } = await load.contracts();
      const { recordIncident } = await import("@/lib/contracts/store");
      const { contractId } = await contractFixture(c);
      const id = await recordIncident(c.world.db, contractId, { level: 1, knownAt: "2026-12-01T09:30", description: "授權矩陣測試事件" }, c.world.officer);
      return () => markDeadlineMetAction(id, "notice");
    },
  },
  {
    kind: "action",
    file: "app/account/calendar/actions.ts",
    name: "regenerateCalendarAction",
    rule: "an officer, CISO or admin (their own feed)",
    allowed: [...A_ROLES, "agencyB"],
    setup: async () => {
      const { regenerateCalendarAction } = await load.calendar();
      return () => regenerateCalendarAction();
    },
  },
  {
    kind: "action",
    file: "app/contracts/actions.ts",
    name: "signOffMilestoneAction",
    rule: "a CISO of the contract's agency",
    allowed: ["cisoA"],
    setup: async (c) => {
      const { signOffMilestoneAction } = await load.contracts();
      const { contractId } = await contractFixture(c);
      const id = crypto.randomUUID();
      await c.world.db.contractMilestone.create({ data: { id, contractId, position: 9, name: "授權測試驗收", dueOn: "2027-06-30" } });
      return () => signOffMilestoneAction(id);
    },
  },
  // app/cases/actions.ts — the officer edits and submits, the CISO reviews and decides (lib/ checks the agency and the state).
  {
    kind: "action",
    file: "app/cases/actions.ts",
    name: "createCaseAction",
    rule: "an officer; the case is made in the officer's own agency",
    allowed: ["officerA", "agencyB"],
    setup: async () => {
      const { createCaseAction } = await load.cases();
      return () => createCaseAction();
    },
    verify: inOwnAgency("case"),
  },
  {
    kind: "action",
    file: "app/cases/actions.ts",
    name: "saveAnswersAction",
    probe: "a new draft case of agency A, step 'case'",
    rule: "an officer of the case's agency",
    allowed: ["officerA"],
    setup: async (c) => {
      const { saveAnswersAction } = await load.cases();
      const id = await c.cases.get("blank");
      return () =>
        saveAnswersAction(id, "case", { caseName: "改名的案件", caseNumber: "AUTHZ-115-002", contractValue: "1,000,000", serviceTypes: ["development"] });
    },
  },
  {
    kind: "action",
    file: "app/cases/actions.ts",
    name: "setClauseParametersAction",
    probe: "a filled-in draft case of agency A",
    rule: "an officer of the case's agency, while the case may be edited",
    allowed: ["officerA"],
    setup: async (c) => {
      const { setClauseParametersAction } = await load.cases();
      const id = await c.cases.get("draft");
      return () => setClauseParametersAction(id, { incidentNoticeHours: "2", vulnFixDays: "" });
    },
  },
  {
    kind: "action",
    file: "app/cases/actions.ts",
    name: "saveDecisionAction",
    probe: "a ◎ item of a filled-in draft case of agency A",
    rule: "an officer of the case's agency",
    allowed: ["officerA"],
    setup: async (c) => {
      const { saveDecisionAction } = await load.cases();
      const id = await c.cases.get("filled");
      return () => saveDecisionAction(id, c.cases.items.choice, { choice: "exclude", reason: "授權矩陣測試：不納入" });
    },
  },
  {
    kind: "action",
    file: "app/cases/actions.ts",
    name: "setPmExclusionAction",
    probe: "專案管理需求 item 1 of a filled-in draft case of agency A",
    rule: "an officer of the case's agency, while the case may be edited",
    allowed: ["officerA"],
    setup: async (c) => {
      const { setPmExclusionAction } = await load.cases();
      const id = await c.cases.get("filled");
      return () => setPmExclusionAction(id, "pm.1", { exclude: true, reason: "授權矩陣測試：不列入" });
    },
  },
  {
    kind: "action",
    file: "app/cases/actions.ts",
    name: "decideRowsAction",
    probe: "the requirement row of a ◎ item of a filled-in draft case of agency A",
    rule: "an officer of the case's agency",
    allowed: ["officerA"],
    setup: async (c) => {
      const { decideRowsAction } = await load.cases();
      const id = await c.cases.get("filled");
      const { key, bases } = await rowOfItem(c.world.db, id, c.cases.items.choice);
      return () => decideRowsAction(id, { keys: [key] }, { choice: "exclude", reason: "授權矩陣測試：不納入", reference: "" }, bases);
    },
  },
  {
    kind: "action",
    file: "app/cases/actions.ts",
    name: "adoptRecommendationsAction",
    probe: "a filled-in draft case of agency A",
    rule: "an officer of the case's agency",
    allowed: ["officerA"],
    setup: async (c) => {
      const { adoptRecommendationsAction } = await load.cases();
      const id = await c.cases.get("filled");
      return () => adoptRecommendationsAction(id, {});
    },
  },
  {
    kind: "action",
    file: "app/cases/actions.ts",
    name: "splitRowAction",
    probe: "a row of two service types of a draft case of agency A",
    rule: "an officer of the case's agency",
    allowed: ["officerA"],
    setup: async (c) => {
      const { splitRowAction } = await load.cases();
      const { id, key } = await twoTypeRow(c.world);
      return () => splitRowAction(id, key, "授權矩陣測試：分開決定");
    },
  },
  {
    kind: "action",
    file: "app/cases/actions.ts",
    name: "mergeRowAction",
    probe: "a split row of a draft case of agency A",
    rule: "an officer of the case's agency",
    allowed: ["officerA"],
    setup: async (c) => {
      const { mergeRowAction } = await load.cases();
      const { id, key } = await twoTypeRow(c.world, true);
      return () => mergeRowAction(id, key);
    },
  },
  {
    kind: "action",
    file: "app/cases/actions.ts",
    name: "rowDetailsAction",
    probe: "the requirement row of a ◎ item of a filled-in draft case of agency A",
    rule: "anyone of the case's agency who may see the case (officer, CISO, admin)",
    allowed: A_ROLES,
    setup: async (c) => {
      const { rowDetailsAction } = await load.cases();
      const id = await c.cases.get("filled");
      const { key } = await rowOfItem(c.world.db, id, c.cases.items.choice);
      return () => rowDetailsAction(id, key);
    },
  },
  {
    kind: "action",
    file: "app/cases/actions.ts",
    name: "acknowledgeChangesAction",
    probe: "a filled-in draft case of agency A",
    rule: "an officer of the case's agency (the one who decides; it records the statuses as seen)",
    allowed: ["officerA"],
    setup: async (c) => {
      const { acknowledgeChangesAction } = await load.cases();
      const id = await c.cases.get("filled");
      return () => acknowledgeChangesAction(id);
    },
  },
  {
    kind: "action",
    file: "app/cases/actions.ts",
    name: "raiseGradeToMediumAction",
    probe: "a new draft case of agency A",
    rule: "an officer of the case's agency",
    allowed: ["officerA"],
    setup: async (c) => {
      const { raiseGradeToMediumAction } = await load.cases();
      const id = await c.cases.get("blank");
      return () => raiseGradeToMediumAction(id);
    },
  },
  {
    kind: "action",
    file: "app/cases/actions.ts",
    name: "submitCaseAction",
    probe: "a complete, decided draft case of agency A",
    rule: "an officer of the case's agency",
    allowed: ["officerA"],
    setup: async (c) => {
      const { submitCaseAction } = await load.cases();
      const id = await c.cases.get("draft");
      return () => submitCaseAction(id);
    },
  },
  {
    kind: "action",
    file: "app/cases/actions.ts",
    name: "reviewItemAction",
    probe: "an item of a submitted case of agency A",
    rule: "a CISO of the case's agency who did not edit it",
    allowed: ["cisoA"],
    setup: async (c) => {
      const { reviewItemAction } = await load.cases();
      const id = await c.cases.get("submitted");
      return () => reviewItemAction(id, { itemId: c.cases.items.review, verdict: "approve", comment: "" });
    },
  },
  {
    kind: "action",
    file: "app/cases/actions.ts",
    name: "approveItemsAction",
    probe: "同意 for one ◎ item of a submitted case of agency A",
    rule: "a CISO of the case's agency who did not edit it",
    allowed: ["cisoA"],
    setup: async (c) => {
      const { approveItemsAction } = await load.cases();
      const id = await c.cases.get("submitted");
      return () => approveItemsAction(id, [c.cases.items.choice]);
    },
  },
  {
    kind: "action",
    file: "app/cases/actions.ts",
    name: "answerItemAction",
    probe: "an answer on the returned item of a returned case of agency A",
    rule: "an officer of the case's agency, while the case is returned",
    allowed: ["officerA"],
    setup: async (c) => {
      const { answerItemAction } = await load.cases();
      const id = await c.cases.get("returned");
      return () => answerItemAction(id, { itemId: c.cases.items.choice, body: "授權矩陣測試：回覆" });
    },
  },
  {
    kind: "action",
    file: "app/cases/actions.ts",
    name: "decideCaseAction",
    probe: "approve a submitted, fully reviewed case of agency A",
    rule: "a CISO of the case's agency who did not edit it",
    allowed: ["cisoA"],
    setup: async (c) => {
      const { decideCaseAction } = await load.cases();
      const id = await c.cases.get("submitted");
      return () => decideCaseAction(id, "approve", "");
    },
  },
  {
    kind: "action",
    file: "app/cases/actions.ts",
    name: "decideCaseAction",
    probe: "return a submitted case of agency A with a comment",
    rule: "a CISO of the case's agency",
    allowed: ["cisoA"],
    setup: async (c) => {
      const { decideCaseAction } = await load.cases();
      const id = await c.cases.get("submitted");
      return () => decideCaseAction(id, "return", "授權矩陣測試：請補充");
    },
  },
  {
    kind: "action",
    file: "app/cases/actions.ts",
    name: "reviseCaseAction",
    probe: "an approved case of agency A",
    rule: "an officer of the case's agency",
    allowed: ["officerA"],
    setup: async (c) => {
      const { reviseCaseAction } = await load.cases();
      const id = await c.cases.get("approved");
      return () => reviseCaseAction(id);
    },
  },

  {
    kind: "action",
    file: "app/cases/actions.ts",
    name: "moveCaseToVersionAction",
    probe: "an approved case of agency A pinned to 2023-09-25, moved to the newest version",
    rule: "an officer of the case's agency",
    allowed: ["officerA"],
    setup: async (c) => {
      const { moveCaseToVersionAction } = await load.cases();
      const id = await c.cases.get("approved");
      const row = await c.world.db.case.update({ where: { id }, data: { catalogueVersionId: "2023-09-25" }, select: { lockVersion: true } });
      return () => moveCaseToVersionAction(id, "2023-09-25-law2026", row.lockVersion);
    },
  },

  // app/catalogue/versions/actions.ts — the app-wide 目錄管理者 only (the role is re-read in lib/ too).
  ...(
    [
      ["createDraftAction", (m) => m.createDraftAction({ from: "2023-09-25-law2026", version: "2099-06-01" })],
      ["editDraftAction", (m) => m.editDraftAction({ version: "2099-06-01", lockVersion: 0, edit: { op: "retire-item", itemId: "development.easm" } })],
      ["publishDraftAction", (m) => m.publishDraftAction({ version: "2099-06-01", lockVersion: 0, changeSummary: "授權測試" })],
      ["deleteDraftAction", (m) => m.deleteDraftAction({ version: "2099-06-01", lockVersion: 0 })],
      ["importVersionAction", (m) => m.importVersionAction({ fileName: "x.json", text: "{}" })],
      ["editObligationCellAction", (m) => m.editObligationCellAction({ version: "2099-06-01", lockVersion: 0, cell: { measure: "vans", column: "B特" } })],
    ] as const satisfies readonly [string, (m: Awaited<ReturnType<typeof load.catalogue>>) => Promise<unknown>][]
  ).map(([name, call]): TEntry => ({
    kind: "action",
    file: "app/catalogue/versions/actions.ts",
    name,
    rule: "a 目錄管理者 (app-wide role)",
    allowed: KEEPERS,
    setup: async () => {
      const m = await load.catalogue();
      return () => call(m);
    },
  })),

  // app/cases/[id]/vendors/actions.ts — the vendor invitations (issue 17).
  {
    kind: "action",
    file: "app/cases/[id]/vendors/actions.ts",
    name: "inviteVendorAction",
    probe: "the approved case of A",
    rule: "an officer of the case's agency",
    allowed: ["officerA"],
    setup: async (c) => {
      const { inviteVendorAction } = await import("@/app/cases/[id]/vendors/actions");
      const id = await c.cases.get("approved");
      return () => inviteVendorAction(id, { email: `invite-${c.subject}@vendor.authz.test`, name: "受邀廠商", days: "14" });
    },
  },
  {
    kind: "action",
    file: "app/cases/[id]/vendors/actions.ts",
    name: "revokeInvitationAction",
    probe: "a pending invitation to the approved case of A",
    rule: "an officer of the case's agency",
    allowed: ["officerA"],
    setup: async (c) => {
      const { revokeInvitationAction } = await import("@/app/cases/[id]/vendors/actions");
      const { id, caseId } = await invitation(c);
      return () => revokeInvitationAction(caseId, id);
    },
  },
  // app/cases/[id]/vendors/[assessmentId]/actions.ts — the agency's review of a vendor's self-assessment (issue 17).
  ...(
    [
      [
        "reviewAnswersAction",
        "a submitted assessment of vendorA: accept its first row",
        (m, f) => m.reviewAnswersAction(f.caseId, f.assessmentId, { verdicts: [{ rowId: f.rowId, verdict: "accept", comment: "" }] }),
      ],
      ["acceptRemainingAction", "a submitted assessment of vendorA, nothing reviewed yet", (m, f) => m.acceptRemainingAction(f.caseId, f.assessmentId)],
      ["finishReviewAction", "a submitted assessment of vendorA, every row reviewed", (m, f) => m.finishReviewAction(f.caseId, f.assessmentId)],
      [
        "closeNonconformityAction",
        "an open nonconformity of vendorA's assessment",
        (m, f) => m.closeNonconformityAction(f.caseId, f.assessmentId, f.nonconformityId, { note: "授權測試：已改善" }),
      ],
    ] as const satisfies readonly [
      string,
      string,
      (m: typeof import("@/app/cases/[id]/vendors/[assessmentId]/actions"), f: TAssessmentFixture) => Promise<unknown>,
    ][]
  ).map(([name, probe, call]): TEntry => ({
    kind: "action",
    file: "app/cases/[id]/vendors/[assessmentId]/actions.ts",
    name,
    probe,
    rule: "an officer of the case's agency (the CISO reads the review, does not act)",
    allowed: ["officerA"],
    setup: async (c) => {
      const m = await import("@/app/cases/[id]/vendors/[assessmentId]/actions");
      const f = await submittedAssessment(c, { reviewed: name === "finishReviewAction" });
      return () => call(m, f);
    },
  })),
  // The Word import's apply (issue 17): the vendor on its own assessment, the officer on the vendor's behalf.
  {
    kind: "action",
    file: "app/vendor/[caseId]/import/actions.ts",
    name: "applyImportAction",
    probe: "vendorA's uploaded Word copy of agency A's approved case (vendorA invited)",
    rule: "the 廠商代表 whose assessment it is",
    allowed: ["vendorA"],
    writesAgencyA: "the vendor's import writes its own assessment of agency A's case (and audits it under agency A)",
    setup: async (c) => {
      const { applyImportAction } = await import("@/app/vendor/[caseId]/import/actions");
      const { caseId, fileId } = await previewedImport(c, "vendor");
      return () => applyImportAction(caseId, { fileId, take: [] });
    },
  },
  {
    kind: "action",
    file: "app/vendor/[caseId]/import/actions.ts",
    name: "applyImportAction",
    probe: "a case of agency A vendorA was NOT invited to",
    rule: "a vendor reaches only the cases it was invited to",
    allowed: NOBODY,
    setup: async (c) => {
      const { applyImportAction } = await import("@/app/vendor/[caseId]/import/actions");
      const { fileId } = await previewedImport(c, "vendor");
      const caseId = await c.cases.get("submitted");
      return () => applyImportAction(caseId, { fileId, take: [] });
    },
  },
  {
    kind: "action",
    file: "app/cases/[id]/vendors/[assessmentId]/import/actions.ts",
    name: "applyImportAction",
    probe: "a Word copy uploaded by A's officer for vendorA's assessment of agency A's approved case",
    rule: "an officer of the assessment's agency (on the vendor's behalf)",
    allowed: ["officerA"],
    setup: async (c) => {
      const { applyImportAction } = await import("@/app/cases/[id]/vendors/[assessmentId]/import/actions");
      const { caseId, assessment, fileId } = await previewedImport(c, "officer");
      return () => applyImportAction(caseId, assessment.id, { fileId, take: [] });
    },
  },
  {
    kind: "action",
    file: "app/invite/actions.ts",
    name: "acceptInvitationAction",
    probe: "a pending invitation's token and a valid new password",
    rule: "public: the single-use token is the authorization",
    allowed: EVERYONE,
    writesAgencyA: "accepting agency A's invitation creates agency A's vendor account",
    setup: async (c) => {
      const { acceptInvitationAction } = await import("@/app/invite/actions");
      const { token } = await invitation(c);
      return () => acceptInvitationAction({ token, password: "Vendor-Pass-2026!", confirm: "Vendor-Pass-2026!" });
    },
  },
  // app/vendor/[caseId]/actions.ts — the vendor's online self-assessment (issue 17): vendorA on its invited case only.
  ...(
    [
      [
        "saveAnswersAction",
        async (c: TCall) => {
          const { saveAnswersAction } = await import("@/app/vendor/[caseId]/actions");
          const f = await vendorAssessmentFixture(c);
          return () => saveAnswersAction(f.caseId, [{ rowId: f.rowId, answer: "yes", evidence: "授權測試", note: "" }]);
        },
      ],
      [
        "bulkYesAction",
        async (c: TCall) => {
          const { bulkYesAction } = await import("@/app/vendor/[caseId]/actions");
          const f = await vendorAssessmentFixture(c);
          return () => bulkYesAction(f.caseId, { rowIds: [f.rowId], evidence: "ISO 27001" });
        },
      ],
      [
        "detachEvidenceAction",
        async (c: TCall) => {
          const { detachEvidenceAction } = await import("@/app/vendor/[caseId]/actions");
          const f = await vendorFileFixture(c);
          return () => detachEvidenceAction(f.caseId, { rowId: f.rowId, fileId: f.fileId });
        },
      ],
      [
        "submitAssessmentAction",
        async (c: TCall) => {
          const { submitAssessmentAction } = await import("@/app/vendor/[caseId]/actions");
          const f = await vendorAssessmentFixture(c, true);
          return () => submitAssessmentAction(f.caseId, f.lockVersion);
        },
      ],
    ] as const
  ).map(([name, setup]): TEntry => ({
    kind: "action",
    file: "app/vendor/[caseId]/actions.ts",
    name,
    probe: "vendorA's assessment of the approved case of A it was invited to",
    rule: "a 廠商代表 invited to the case",
    allowed: ["vendorA"],
    writesAgencyA: "the vendor's own answers and files are filed under the inviting agency A",
    setup,
  })),
  {
    kind: "action",
    file: "app/vendor/[caseId]/actions.ts",
    name: "saveAnswersAction",
    probe: "a case of A vendorA was NOT invited to",
    rule: "a vendor reaches only the cases it was invited to",
    allowed: NOBODY,
    setup: async (c) => {
      const { saveAnswersAction } = await import("@/app/vendor/[caseId]/actions");
      await vendorGrant(c);
      const caseId = await c.cases.get("submitted");
      return () => saveAnswersAction(caseId, [{ rowId: "clause.x", answer: "yes", evidence: "", note: "" }]);
    },
  },
  // app/login/actions.ts — public by nature.
  {
    kind: "action",
    file: "app/login/actions.ts",
    name: "signInAction",
    probe: "with a valid account of a third agency",
    rule: "public",
    allowed: EVERYONE,
    setup: async (c) => {
      const { signInAction } = await load.login();
      return () => signInAction({ message: null, email: "" }, form({ email: c.world.visitor.email, password: c.world.visitor.password }));
    },
  },
  {
    kind: "action",
    file: "app/login/actions.ts",
    name: "signOutAction",
    rule: "public (ends the caller's own session, if any; always lands on /login?reason=signed-out)",
    allowed: EVERYONE,
    ownAccount: true,
    setup: async () => {
      const { signOutAction } = await load.login();
      return async () => {
        try {
          return await signOutAction();
        } catch (e) {
          // Landing on the login page is this action's success, not a refusal.
          const o = classifyThrown(e);
          if (o.redirect === "/login?reason=signed-out") return { ok: true, signedOut: true };
          throw e;
        }
      };
    },
    verify: async (c, o) => {
      if (o.outcome === "allowed" && c.person) expect(await c.world.db.session.count({ where: { userId: c.person.id } }), "the session is gone").toBe(0);
    },
  },

  // app/account/password/actions.ts — one's own password; the one action a forced change allows.
  {
    kind: "action",
    file: "app/account/password/actions.ts",
    name: "changePasswordAction",
    rule: "anyone signed in (their own password), including a user who must change the initial password",
    allowed: ANY_SESSION,
    ownAccount: true,
    setup: async () => {
      const { changePasswordAction } = await load.password();
      return () => changePasswordAction({ message: null, field: null }, form({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirm: NEW_PASSWORD }));
    },
  },

  // app/notifications/actions.ts, app/account/actions.ts — one's own notifications and e-mail preference only.
  {
    kind: "action",
    file: "app/notifications/actions.ts",
    name: "markNotificationReadAction",
    probe: "a notification of agency A's officer",
    rule: "anyone signed in; marks only their own notification (another user's id changes nothing)",
    allowed: SIGNED_IN_OR_VENDOR,
    setup: async (c) => {
      const { markNotificationReadAction } = await load.notifications();
      const id = await officerNotification(c);
      return () => markNotificationReadAction(id);
    },
    verify: async (c, o) => {
      const rows = await c.world.db.notification.findMany({ where: { userId: c.world.people.officerA.id, title: NOTE_TITLE } });
      const latest = rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
      expect(latest?.readAt != null, "read only by its own user").toBe(o.outcome === "allowed" && c.subject === "officerA");
    },
  },
  {
    kind: "action",
    file: "app/notifications/actions.ts",
    name: "markAllNotificationsReadAction",
    rule: "anyone signed in; their own notifications only",
    allowed: SIGNED_IN_OR_VENDOR,
    setup: async (c) => {
      const { markAllNotificationsReadAction } = await load.notifications();
      await officerNotification(c);
      return () => markAllNotificationsReadAction();
    },
    verify: async (c, o) => {
      const unread = await c.world.db.notification.count({ where: { userId: c.world.people.officerA.id, readAt: null } });
      expect(unread === 0, "agency A's officer's notifications are read only by the officer").toBe(o.outcome === "allowed" && c.subject === "officerA");
    },
  },
  {
    kind: "action",
    file: "app/account/actions.ts",
    name: "setMailOptOutAction",
    rule: "anyone signed in; their own e-mail preference only",
    allowed: SIGNED_IN_OR_VENDOR,
    ownAccount: true,
    setup: async () => {
      const { setMailOptOutAction } = await load.account();
      return () => setMailOptOutAction(true);
    },
    verify: async (c, o) => {
      const rows = await c.world.db.notificationSetting.findMany({ where: { mailOptOut: true } });
      if (o.outcome === "allowed") expect(rows.map((r) => r.userId)).toEqual([c.person!.id]);
      else expect(rows).toEqual([]);
      await c.world.db.notificationSetting.deleteMany({});
    },
  },

  // app/admin/** — the agency's admins, on their own agency only.
  {
    kind: "action",
    file: "app/admin/agency/actions.ts",
    name: "saveAgencyProfileAction",
    rule: "an admin; saves the admin's own agency's profile only",
    allowed: ["adminA", "agencyB"],
    setup: async (c) => {
      const { saveAgencyProfileAction } = await load.agencyProfile();
      const agency = await c.world.db.agency.findUniqueOrThrow({ where: { id: c.person?.agencyId ?? c.world.agencyA } });
      const title = agency.cisoTitle === "副首長" ? "資安長" : "副首長";
      return () =>
        saveAgencyProfileAction({ ...TEST_PROFILE, name: agency.name, ciProvider: "no", mailServer: "yes", cisoTitle: title }, agency.profileVersion);
    },
  },
  {
    kind: "action",
    file: "app/admin/agency/actions.ts",
    name: "saveReasonPresetsAction",
    rule: "an admin; saves the admin's own agency's reason presets only",
    allowed: ["adminA", "agencyB"],
    setup: async (c) => {
      const { saveReasonPresetsAction } = await load.agencyProfile();
      const { listReasonPresets } = await import("@/lib/agency/reason-presets");
      const base = await listReasonPresets(c.world.db, c.person?.agencyId ?? c.world.agencyA);
      return () => saveReasonPresetsAction([...base.filter((p) => p !== "授權矩陣測試"), ...(base.includes("授權矩陣測試") ? [] : ["授權矩陣測試"])], base);
    },
  },
  {
    kind: "action",
    file: "app/admin/settings/actions.ts",
    name: "setIdleTimeoutAction",
    rule: "an admin; changes the admin's own agency only",
    allowed: ["adminA", "agencyB"],
    setup: async () => {
      const { setIdleTimeoutAction } = await load.settings();
      return () => setIdleTimeoutAction({ idleTimeoutMinutes: 45 });
    },
  },
  {
    kind: "action",
    file: "app/admin/settings/actions.ts",
    name: "setClauseDefaultsAction",
    rule: "an admin; changes the admin's own agency only",
    allowed: ["adminA", "agencyB"],
    setup: async () => {
      const { setClauseDefaultsAction } = await load.settings();
      return () => setClauseDefaultsAction({ onSiteHours: "6", vulnFixDays: "" });
    },
  },
  {
    kind: "action",
    file: "app/admin/users/actions.ts",
    name: "createUserAction",
    rule: "an admin; the account is made in the admin's own agency",
    allowed: ["adminA", "agencyB"],
    setup: async () => {
      const { createUserAction } = await load.users();
      return () => createUserAction({ name: "新同仁", email: `new-${crypto.randomUUID().slice(0, 8)}@new.authz.test`, roles: ["officer"] });
    },
    verify: inOwnAgency("user"),
  },
  {
    kind: "action",
    file: "app/admin/users/actions.ts",
    name: "setRolesAction",
    probe: "a user of agency A",
    rule: "an admin of the user's agency",
    allowed: ["adminA"],
    setup: async (c) => {
      const { setRolesAction } = await load.users();
      const userId = await c.target("active");
      return () => setRolesAction({ userId, roles: ["officer", "ciso"] });
    },
  },
  {
    kind: "action",
    file: "app/admin/users/actions.ts",
    name: "resetPasswordAction",
    probe: "a user of agency A",
    rule: "an admin of the user's agency",
    allowed: ["adminA"],
    setup: async (c) => {
      const { resetPasswordAction } = await load.users();
      const userId = await c.target("active");
      return () => resetPasswordAction({ userId });
    },
  },
  {
    kind: "action",
    file: "app/admin/users/actions.ts",
    name: "unlockUserAction",
    probe: "a locked user of agency A",
    rule: "an admin of the user's agency",
    allowed: ["adminA"],
    setup: async (c) => {
      const { unlockUserAction } = await load.users();
      const userId = await c.target("locked");
      return () => unlockUserAction({ userId });
    },
  },
  {
    kind: "action",
    file: "app/admin/users/actions.ts",
    name: "deactivateUserAction",
    probe: "a user of agency A",
    rule: "an admin of the user's agency",
    allowed: ["adminA"],
    setup: async (c) => {
      const { deactivateUserAction } = await load.users();
      const userId = await c.target("active");
      return () => deactivateUserAction({ userId });
    },
  },
  {
    kind: "action",
    file: "app/admin/users/actions.ts",
    name: "activateUserAction",
    probe: "a deactivated user of agency A",
    rule: "an admin of the user's agency",
    allowed: ["adminA"],
    setup: async (c) => {
      const { activateUserAction } = await load.users();
      const userId = await c.target("inactive");
      return () => activateUserAction({ userId });
    },
  },
];

const AUTH_ROUTE = "app/api/auth/[...all]/route.ts";

const ROUTES: TEntry[] = [
  {
    kind: "route",
    file: "app/contracts/[id]/files/[fileId]/route.ts",
    name: "GET",
    probe: "/contracts/<contract of A>/files/<its evidence>",
    rule: "anyone of the contract's agency (officer, CISO, admin)",
    allowed: A_ROLES,
    setup: async (c) => {
      const { GET } = await load.contractFile();
      const f = await contractFixture(c);
      return () => GET(c.http("GET", `/contracts/${f.contractId}/files/${f.fileId}`), { params: Promise.resolve({ id: f.contractId, fileId: f.fileId }) });
    },
    verify: async (_c, o) => {
      if (o.outcome === "allowed") expect(o.text.slice(0, 5), "the stored PDF").toBe("%PDF-");
    },
    statuses: { anonymous: 401, officerA: 200, cisoA: 200, adminA: 200, agencyB: 404, pendingA: 403, platformC: 403, vendorA: 403 },
  },
  {
    kind: "route",
    file: "app/api/calendar/[token]/route.ts",
    name: "GET",
    probe: "the feed URL of agency A's officer (the token is the credential; no session needed)",
    rule: "whoever holds the secret token: the same answer for every subject",
    allowed: EVERYONE,
    setup: async (c) => {
      const { GET } = await load.calendarFeed();
      const { regenerateCalendarToken } = await import("@/lib/contracts/store");
      await contractFixture(c);
      const token = await regenerateCalendarToken(c.world.db, c.world.officer);
      return () => GET(c.http("GET", `/api/calendar/${token}.ics`), { params: Promise.resolve({ token: `${token}.ics` }) });
    },
    verify: async (_c, o) => {
      if (o.outcome === "allowed") expect(o.text.startsWith("BEGIN:VCALENDAR"), "an ICS calendar").toBe(true);
    },
    shows: { to: EVERYONE, text: AWARD.contractNumber },
  },
  {
    kind: "route",
    file: "app/contracts/[id]/acceptance/[milestoneId]/route.ts",
    name: "GET",
    probe: "/contracts/<contract of A>/acceptance/<its milestone>",
    rule: "anyone of the contract's agency (officer, CISO, admin)",
    allowed: A_ROLES,
    setup: async (c) => {
      const { GET } = await load.acceptance();
      const f = await contractFixture(c);
      const m = await c.world.db.contractMilestone.findFirstOrThrow({ where: { contractId: f.contractId }, orderBy: { position: "asc" } });
      return () => GET(c.http("GET", `/contracts/${f.contractId}/acceptance/${m.id}`), { params: Promise.resolve({ id: f.contractId, milestoneId: m.id }) });
    },
    verify: async (_c, o) => {
      if (o.outcome === "allowed") expect(o.text.slice(0, 2), "a DOCX (zip) file").toBe("PK");
    },
    statuses: { anonymous: 401, officerA: 200, cisoA: 200, adminA: 200, agencyB: 404, pendingA: 403, platformC: 403, vendorA: 403 },
  },
  {
    kind: "route",
    file: "app/api/contracts/[id]/obligations/[obligationId]/evidence/route.ts",
    name: "POST",
    probe: "a PDF for a new obligation of agency A's contract",
    rule: "an officer of the contract's agency",
    allowed: ["officerA"],
    setup: async (c) => {
      const { POST } = await load.upload();
      const { contractId } = await contractFixture(c);
      const id = await newObligation(c, "");
      return () => POST(upload(c, contractId, id), { params: Promise.resolve({ id: contractId, obligationId: id }) });
    },
    statuses: { anonymous: 401, officerA: 200, cisoA: 403, adminA: 403, agencyB: 404, pendingA: 403, platformC: 403, vendorA: 403 },
  },
  {
    kind: "route",
    file: "app/admin/audit/export/route.ts",
    name: "GET",
    probe: "/admin/audit/export?user=<agency A's officer>",
    rule: "an admin; the CSV holds the admin's own agency only, whatever the filter names",
    allowed: ["adminA", "agencyB"],
    setup: async (c) => {
      const { GET } = await load.auditExport();
      return () => GET(c.http("GET", `/admin/audit/export?user=${c.world.people.officerA.id}`));
    },
    shows: { to: ["adminA"], text: "甲承辦人" },
    statuses: { anonymous: 401, officerA: 403, cisoA: 403, adminA: 200, agencyB: 200, pendingA: 403, platformC: 403, vendorA: 403 },
  },
  {
    kind: "route",
    file: "app/catalogue/versions/[version]/export/route.ts",
    name: "GET",
    probe: "/catalogue/versions/2023-09-25-law2026/export",
    rule: "a 目錄管理者 (app-wide role)",
    allowed: KEEPERS,
    setup: async (c) => {
      const { GET } = await load.catalogueExport();
      return () => GET(c.http("GET", "/catalogue/versions/2023-09-25-law2026/export"), { params: Promise.resolve({ version: "2023-09-25-law2026" }) });
    },
    // The forced password change is 403 here as on every route (it was 401 before authedRoute).
    statuses: { anonymous: 401, officerA: 403, cisoA: 403, adminA: 403, agencyB: 403, pendingA: 403, platformC: 403, vendorA: 403 },
  },
  {
    kind: "route",
    file: "app/cases/[id]/export/[doc]/route.ts",
    name: "GET",
    probe: "/cases/<approved case of A>/export/annex",
    rule: "anyone of the case's agency",
    allowed: A_ROLES,
    setup: async (c) => {
      const { GET } = await load.caseExport();
      const id = await c.cases.get("approved");
      return () => GET(c.http("GET", `/cases/${id}/export/annex`), { params: Promise.resolve({ id, doc: "annex" }) });
    },
    verify: async (_c, o) => {
      if (o.outcome === "allowed") expect(o.text.slice(0, 2), "a DOCX (zip) file").toBe("PK");
    },
    statuses: { anonymous: 401, officerA: 200, cisoA: 200, adminA: 200, agencyB: 404, pendingA: 403, platformC: 404, vendorA: 403 },
  },
  {
    kind: "route",
    file: "app/vendor/[caseId]/checklist/route.ts",
    name: "GET",
    probe: "/vendor/<approved case of A, vendorA invited>/checklist",
    rule: "a 廠商代表 invited to the case (and nobody of the agency: they export from the case)",
    allowed: ["vendorA"],
    setup: async (c) => {
      const { GET } = await import("@/app/vendor/[caseId]/checklist/route");
      const { caseId } = await vendorGrant(c);
      return () => GET(c.http("GET", `/vendor/${caseId}/checklist`), { params: Promise.resolve({ caseId }) });
    },
    verify: async (_c, o) => {
      if (o.outcome === "allowed") expect(o.text.slice(0, 2), "a DOCX (zip) file").toBe("PK");
    },
    statuses: { anonymous: 401, officerA: 403, cisoA: 403, adminA: 403, agencyB: 403, pendingA: 403, platformC: 403, vendorA: 200 },
  },
  {
    kind: "route",
    file: "app/vendor/[caseId]/checklist/route.ts",
    name: "GET",
    probe: "/vendor/<approved case of A, vendorA NOT invited>/checklist",
    rule: "a vendor reaches only the cases it was invited to",
    allowed: NOBODY,
    setup: async (c) => {
      const { GET } = await import("@/app/vendor/[caseId]/checklist/route");
      await vendorGrant(c);
      const caseId = await c.cases.get("submitted");
      return () => GET(c.http("GET", `/vendor/${caseId}/checklist`), { params: Promise.resolve({ caseId }) });
    },
    statuses: { anonymous: 401, officerA: 403, cisoA: 403, adminA: 403, agencyB: 403, pendingA: 403, platformC: 403, vendorA: 404 },
  },
  {
    kind: "route",
    file: "app/api/vendor/[caseId]/files/route.ts",
    name: "POST",
    probe: "POST /api/vendor/<approved case of A, vendorA invited>/files (a PDF for its first row)",
    rule: "a 廠商代表 invited to the case",
    allowed: ["vendorA"],
    writesAgencyA: "the vendor's own evidence file is filed under the inviting agency A",
    setup: async (c) => {
      const { POST } = await import("@/app/api/vendor/[caseId]/files/route");
      const f = await vendorAssessmentFixture(c);
      const body = new FormData();
      body.set("file", new Blob([PDF_BYTES]), "ISO27001.pdf");
      body.set("rowIds", f.rowId);
      const req = new Request(`${BASE_URL}/api/vendor/${f.caseId}/files`, {
        method: "POST",
        headers: { origin: BASE_URL, host: "localhost:3000", ...(c.person ? { cookie: c.person.cookie } : {}) },
        body,
      });
      return () => POST(req, { params: Promise.resolve({ caseId: f.caseId }) });
    },
    statuses: { anonymous: 401, officerA: 403, cisoA: 403, adminA: 403, agencyB: 403, pendingA: 403, platformC: 403, vendorA: 200 },
  },
  {
    kind: "route",
    file: "app/vendor/[caseId]/files/[fileId]/route.ts",
    name: "GET",
    probe: "/vendor/<approved case of A>/files/<vendorA's evidence>",
    rule: "the 廠商代表 whose assessment holds the file",
    allowed: ["vendorA"],
    setup: async (c) => {
      const { GET } = await import("@/app/vendor/[caseId]/files/[fileId]/route");
      const f = await vendorFileFixture(c);
      return () => GET(c.http("GET", `/vendor/${f.caseId}/files/${f.fileId}`), { params: Promise.resolve({ caseId: f.caseId, fileId: f.fileId }) });
    },
    verify: async (_c, o) => {
      if (o.outcome === "allowed") expect(o.text.slice(0, 5), "the stored PDF").toBe("%PDF-");
    },
    statuses: { anonymous: 401, officerA: 403, cisoA: 403, adminA: 403, agencyB: 403, pendingA: 403, platformC: 403, vendorA: 200 },
  },
  {
    kind: "route",
    file: "app/vendor/[caseId]/files/[fileId]/route.ts",
    name: "GET",
    probe: "/vendor/<a case of A vendorA was NOT invited to>/files/<vendorA's evidence>",
    rule: "a file is reached only under its own invited case",
    allowed: NOBODY,
    setup: async (c) => {
      const { GET } = await import("@/app/vendor/[caseId]/files/[fileId]/route");
      const f = await vendorFileFixture(c);
      const caseId = await c.cases.get("submitted");
      return () => GET(c.http("GET", `/vendor/${caseId}/files/${f.fileId}`), { params: Promise.resolve({ caseId, fileId: f.fileId }) });
    },
    statuses: { anonymous: 401, officerA: 403, cisoA: 403, adminA: 403, agencyB: 403, pendingA: 403, platformC: 403, vendorA: 404 },
  },
  {
    kind: "route",
    file: "app/cases/[id]/vendors/[assessmentId]/export/route.ts",
    name: "GET",
    probe: "/cases/<approved case of A>/vendors/<vendorA's submitted assessment>/export",
    rule: "an officer or CISO of the case's agency",
    allowed: ["officerA", "cisoA"],
    setup: async (c) => {
      const { GET } = await import("@/app/cases/[id]/vendors/[assessmentId]/export/route");
      const f = await submittedAssessment(c);
      return () =>
        GET(c.http("GET", `/cases/${f.caseId}/vendors/${f.assessmentId}/export`), { params: Promise.resolve({ id: f.caseId, assessmentId: f.assessmentId }) });
    },
    verify: async (_c, o) => {
      if (o.outcome === "allowed") expect(o.text.slice(0, 2), "a DOCX (zip) file").toBe("PK");
    },
    statuses: { anonymous: 401, officerA: 200, cisoA: 200, adminA: 403, agencyB: 404, pendingA: 403, platformC: 403, vendorA: 403 },
  },
  {
    kind: "route",
    file: "app/cases/[id]/vendors/[assessmentId]/files/[fileId]/route.ts",
    name: "GET",
    probe: "/cases/<approved case of A>/vendors/<vendorA's assessment>/files/<its evidence file>",
    rule: "an officer or CISO of the case's agency (the vendor downloads its own files on its own route)",
    allowed: ["officerA", "cisoA"],
    setup: async (c) => {
      const { GET } = await import("@/app/cases/[id]/vendors/[assessmentId]/files/[fileId]/route");
      const f = await submittedAssessment(c);
      return () =>
        GET(c.http("GET", `/cases/${f.caseId}/vendors/${f.assessmentId}/files/${f.fileId}`), {
          params: Promise.resolve({ id: f.caseId, assessmentId: f.assessmentId, fileId: f.fileId }),
        });
    },
    verify: async (_c, o) => {
      if (o.outcome === "allowed") expect(o.text.slice(0, 4), "the PDF itself").toBe("%PDF");
    },
    statuses: { anonymous: 401, officerA: 200, cisoA: 200, adminA: 403, agencyB: 404, pendingA: 403, platformC: 403, vendorA: 403 },
  },
  {
    kind: "route",
    file: "app/api/vendor/[caseId]/import/route.ts",
    name: "POST",
    probe: "agency A's blank Word 自評表 uploaded to /api/vendor/<approved case of A, vendorA invited>/import",
    rule: "a 廠商代表 invited to the case, on its own assessment",
    allowed: ["vendorA"],
    writesAgencyA: "the vendor's upload is stored as a file of its own assessment of agency A's case",
    reveals: { why: "the answer's preview link names the case the vendor was invited to", markers: grantedMarkers },
    setup: async (c) => {
      const { POST } = await import("@/app/api/vendor/[caseId]/import/route");
      const { caseId, bytes } = await importFixture(c);
      return () => POST(wordUpload(c, `/api/vendor/${caseId}/import`, bytes), { params: Promise.resolve({ caseId }) });
    },
    verify: async (_c, o) => {
      if (o.outcome === "allowed") expect(o.text, "the preview page").toMatch(/"href":"\/vendor\/[0-9a-f-]+\/import\?file=[0-9a-f-]+"/);
    },
    statuses: { anonymous: 401, officerA: 403, cisoA: 403, adminA: 403, agencyB: 403, pendingA: 403, platformC: 403, vendorA: 200 },
  },
  {
    kind: "route",
    file: "app/api/vendor/[caseId]/import/route.ts",
    name: "POST",
    probe: "/api/vendor/<approved case of A, vendorA NOT invited>/import",
    rule: "a vendor reaches only the cases it was invited to",
    allowed: NOBODY,
    setup: async (c) => {
      const { POST } = await import("@/app/api/vendor/[caseId]/import/route");
      const { bytes } = await importFixture(c);
      const caseId = await c.cases.get("submitted");
      return () => POST(wordUpload(c, `/api/vendor/${caseId}/import`, bytes), { params: Promise.resolve({ caseId }) });
    },
    statuses: { anonymous: 401, officerA: 403, cisoA: 403, adminA: 403, agencyB: 403, pendingA: 403, platformC: 403, vendorA: 404 },
  },
  {
    kind: "route",
    file: "app/api/vendor-assessments/[id]/import/route.ts",
    name: "POST",
    probe: "agency A's blank Word 自評表 uploaded for vendorA's assessment of agency A's approved case",
    rule: "an officer of the assessment's agency (on the vendor's behalf; not the CISO)",
    allowed: ["officerA"],
    setup: async (c) => {
      const { POST } = await import("@/app/api/vendor-assessments/[id]/import/route");
      const { assessment, bytes } = await importFixture(c);
      return () => POST(wordUpload(c, `/api/vendor-assessments/${assessment.id}/import`, bytes), { params: Promise.resolve({ id: assessment.id }) });
    },
    statuses: { anonymous: 401, officerA: 200, cisoA: 403, adminA: 403, agencyB: 404, pendingA: 403, platformC: 403, vendorA: 403 },
  },
  {
    kind: "route",
    file: "app/api/v1/health/route.ts",
    name: "GET",
    rule: "public",
    allowed: EVERYONE,
    setup: async () => {
      const { GET } = await load.health();
      return async () => GET();
    },
  },
  {
    kind: "route",
    file: "app/api/v1/resolve/route.ts",
    name: "POST",
    rule: "public (a stateless calculation over the published catalogue)",
    allowed: EVERYONE,
    setup: async (c) => {
      const { POST } = await load.resolve();
      return () => POST(c.http("POST", "/api/v1/resolve", REALISTIC_CASE));
    },
  },
  // better-auth's own endpoints behind the catch-all route: public where they must be, and none of them
  // a way around the admin's control of accounts.
  {
    kind: "route",
    file: AUTH_ROUTE,
    name: "GET",
    probe: "/api/auth/get-session",
    rule: "public (answers null without a session)",
    allowed: EVERYONE,
    setup: async (c) => {
      const { GET } = await load.betterAuth();
      return () => GET(c.http("GET", "/api/auth/get-session"));
    },
  },
  {
    kind: "route",
    file: AUTH_ROUTE,
    name: "GET",
    probe: "/api/auth/list-sessions",
    rule: "anyone signed in (their own sessions)",
    allowed: ANY_SESSION,
    setup: async (c) => {
      const { GET } = await load.betterAuth();
      return () => GET(c.http("GET", "/api/auth/list-sessions"));
    },
  },
  {
    kind: "route",
    file: AUTH_ROUTE,
    name: "POST",
    probe: "/api/auth/sign-in/email with a valid account of a third agency",
    rule: "public",
    allowed: EVERYONE,
    setup: async (c) => {
      const { POST } = await load.betterAuth();
      return () => POST(c.http("POST", "/api/auth/sign-in/email", { email: c.world.visitor.email, password: c.world.visitor.password }));
    },
  },
  {
    kind: "route",
    file: AUTH_ROUTE,
    name: "POST",
    probe: "/api/auth/sign-up/email",
    rule: "nobody (sign-up is closed; admins create accounts)",
    allowed: NOBODY,
    fourxxRefuses: true,
    setup: async (c) => {
      const { POST } = await load.betterAuth();
      return () =>
        POST(
          c.http("POST", "/api/auth/sign-up/email", {
            email: `signup-${crypto.randomUUID().slice(0, 8)}@x.authz.test`,
            password: NEW_PASSWORD,
            name: "自行註冊",
          }),
        );
    },
    verify: async (c) => {
      expect(await c.world.db.user.count({ where: { email: { startsWith: "signup-" } } }), "no account was made").toBe(0);
    },
  },
  {
    kind: "route",
    file: AUTH_ROUTE,
    name: "POST",
    probe: "/api/auth/update-user {roles, agencyId, mustChangePassword}",
    rule: "nobody (roles, agency and the forced change are the admin's)",
    allowed: NOBODY,
    fourxxRefuses: true,
    ownAccount: true,
    setup: async (c) => {
      const { POST } = await load.betterAuth();
      return () =>
        POST(
          c.http("POST", "/api/auth/update-user", {
            roles: JSON.stringify(["officer", "ciso", "admin"]),
            agencyId: c.world.agencyA,
            mustChangePassword: false,
            active: true,
          }),
        );
    },
  },
  {
    kind: "route",
    file: AUTH_ROUTE,
    name: "POST",
    probe: "/api/auth/update-user {name}",
    rule: "nobody (the name is the one audit entries, decisions and reviews carry; the admin sets it)",
    allowed: NOBODY,
    fourxxRefuses: true,
    ownAccount: true,
    setup: async (c) => {
      const { POST } = await load.betterAuth();
      return () => POST(c.http("POST", "/api/auth/update-user", { name: "甲資安長" }));
    },
  },
  {
    kind: "route",
    file: AUTH_ROUTE,
    name: "POST",
    probe: "/api/auth/change-email",
    quiet: true,
    rule: "nobody (the e-mail is the login name; the admin sets it)",
    allowed: NOBODY,
    fourxxRefuses: true,
    ownAccount: true,
    setup: async (c) => {
      const { POST } = await load.betterAuth();
      return () => POST(c.http("POST", "/api/auth/change-email", { newEmail: `changed-${crypto.randomUUID().slice(0, 8)}@x.authz.test` }));
    },
  },
  {
    kind: "route",
    file: AUTH_ROUTE,
    name: "POST",
    probe: "/api/auth/delete-user",
    quiet: true,
    rule: "nobody (accounts are deactivated by an admin, never deleted)",
    allowed: NOBODY,
    fourxxRefuses: true,
    ownAccount: true,
    setup: async (c) => {
      const { POST } = await load.betterAuth();
      return () => POST(c.http("POST", "/api/auth/delete-user", { password: PASSWORD }));
    },
  },
];

// app/platform/** — the app-wide 平台管理者 only; agencies as a whole, never their cases.
ACTIONS.push(
  {
    kind: "action",
    file: "app/platform/agencies/actions.ts",
    name: "createAgencyAction",
    rule: "a 平台管理者 (app-wide role)",
    allowed: ["platformC"],
    setup: async () => {
      const { createAgencyAction } = await load.platform();
      const tag = crypto.randomUUID().slice(0, 8);
      return () => createAgencyAction({ name: `新機關-${tag}`, adminEmail: `first-admin-${tag}@new.authz.test` });
    },
  },
  {
    kind: "action",
    file: "app/platform/agencies/actions.ts",
    name: "renameAgencyAction",
    probe: "another agency",
    rule: "a 平台管理者 (app-wide role)",
    allowed: ["platformC"],
    setup: async (c) => {
      const { renameAgencyAction } = await load.platform();
      const agencyId = await spareAgency(c);
      return () => renameAgencyAction({ agencyId, name: `更名機關-${agencyId.slice(0, 8)}` });
    },
  },
  {
    kind: "action",
    file: "app/platform/agencies/actions.ts",
    name: "setAgencyActiveAction",
    probe: "another agency",
    rule: "a 平台管理者 (app-wide role)",
    allowed: ["platformC"],
    setup: async (c) => {
      const { setAgencyActiveAction } = await load.platform();
      const agencyId = await spareAgency(c);
      return () => setAgencyActiveAction({ agencyId, active: false });
    },
  },
);

type TPageProps = { params: Promise<Record<string, string>>; searchParams: Promise<Record<string, string>> };
type TPage = (props: TPageProps) => unknown;

/** A page, called as Next calls it: its default export with params and searchParams promises. */
/** vendorA's accepted invitation to agency A's approved case (written directly: the accept flow has its own tests). */
async function vendorGrant(c: TCall): Promise<{ caseId: string }> {
  const { createInvitation } = await import("@/lib/vendor/invitations");
  const caseId = await c.cases.get("approved");
  const vendor = c.world.people.vendorA;
  const r = await createInvitation(c.world.db, c.world.officer, caseId, { email: vendor.email, name: vendor.name });
  await c.world.db.vendorInvitation.update({ where: { id: r.id }, data: { acceptedAt: new Date(), acceptedUserId: vendor.id } });
  return { caseId };
}

/** vendorA's own assessment of the approved case (a draft again), its row ids, and vendorA as an actor (lib/ calls in setup). */
async function vendorAssessmentFixture(c: TCall, fill = false) {
  const { caseId } = await vendorGrant(c);
  const { assessmentWithRows } = await import("@/lib/vendor/assessment/answers");
  const p = c.world.people.vendorA;
  const actor = { id: p.id, name: p.name, agencyId: c.world.agencyA, roles: ["vendor" as const] };
  const { a, rows } = await assessmentWithRows(c.world.db, actor, caseId);
  await c.world.db.vendorAssessment.update({ where: { id: a.id }, data: { status: "draft" } });
  await c.world.db.vendorAnswer.updateMany({ where: { assessmentId: a.id }, data: { review: "" } });
  if (fill) {
    const { saveAnswers } = await import("@/lib/vendor/assessment/answers");
    await saveAnswers(
      c.world.db,
      actor,
      caseId,
      rows.map((r) => ({ rowId: r.id, answer: "yes", evidence: "", note: "" })),
    );
  }
  const lockVersion = (await c.world.db.vendorAssessment.findUniqueOrThrow({ where: { id: a.id } })).lockVersion;
  return { caseId, rowId: rows[0]!.id, actor, lockVersion };
}

/** One evidence file of vendorA's assessment, attached to its first row. */
async function vendorFileFixture(c: TCall) {
  const f = await vendorAssessmentFixture(c);
  const { attachEvidence } = await import("@/lib/vendor/assessment/files");
  const file = await attachEvidence(c.world.db, f.actor, f.caseId, { name: "ISO27001.pdf", bytes: PDF_BYTES }, [f.rowId]);
  return { ...f, fileId: file.id };
}

type TAssessmentFixture = { caseId: string; assessmentId: string; rowId: string; fileId: string; nonconformityId: string };

/**
 * vendorA's assessment of agency A's approved case, submitted (every row 是, one PDF on the first), with no
 * verdicts yet (or, `reviewed`, every row accepted) and one open nonconformity; reset to that state on every call.
 */
async function submittedAssessment(c: TCall, opts: { reviewed?: boolean } = {}): Promise<TAssessmentFixture> {
  const { vendorAssessment, writeAnswers, VENDOR_FILE_OWNER } = await import("@/lib/vendor/assessment/store");
  const { submitAssessment } = await import("@/lib/vendor/assessment/submit");
  const { assessmentRows } = await import("@/lib/vendor/assessment/rows");
  const { getCase } = await import("@/lib/cases/store");
  const { storeFile } = await import("@/lib/files");
  const { PDF } = await import("../helpers/files");
  const db = c.world.db;
  const { caseId } = await vendorGrant(c);
  const p = c.world.people.vendorA;
  const vendor = { id: p.id, name: p.name, agencyId: p.agencyId, roles: ["vendor" as const] };
  let a = await vendorAssessment(db, vendor, caseId);
  const rows = await assessmentRows(db, (await getCase(db, caseId))!);
  if (a.status === "draft") {
    await db.$transaction((tx) =>
      writeAnswers(
        tx,
        a,
        rows.map((r) => ({ rowId: r.id, answer: "yes", evidence: "證書", note: "" })),
        vendor,
        "save",
        new Set(rows.map((r) => r.id)),
      ),
    );
    const first = await db.vendorAnswer.findUniqueOrThrow({ where: { assessmentId_rowId: { assessmentId: a.id, rowId: rows[0]!.id } } });
    const file = await db.$transaction((tx) =>
      storeFile(tx, { agencyId: a.agencyId, ownerType: VENDOR_FILE_OWNER, ownerId: a.id, name: "證書.pdf", bytes: PDF, uploader: vendor }),
    );
    await db.vendorAnswerFile.create({ data: { answerId: first.id, fileId: file.id } });
    await submitAssessment(db, vendor, caseId);
    a = await vendorAssessment(db, vendor, caseId);
  }
  await db.vendorAssessment.update({ where: { id: a.id }, data: { status: "submitted" } });
  await db.vendorAnswer.updateMany({
    where: { assessmentId: a.id },
    data: opts.reviewed ? { review: "accepted", reviewedByName: "承辦人" } : { review: "", reviewComment: "", reviewedByName: "", reviewedAt: null },
  });
  const first = await db.vendorAnswer.findUniqueOrThrow({
    where: { assessmentId_rowId: { assessmentId: a.id, rowId: rows[0]!.id } },
    include: { files: true },
  });
  const open =
    (await db.nonconformity.findFirst({ where: { assessmentId: a.id, closedAt: null } })) ??
    (await db.nonconformity.create({
      data: {
        id: crypto.randomUUID(),
        agencyId: a.agencyId,
        assessmentId: a.id,
        answerId: first.id,
        rowId: first.rowId,
        contractId: null,
        reason: "returned",
        dueOn: "2099-12-31",
        dueBasis: "承辦人指定",
        openedById: c.world.officer.id,
        openedByName: c.world.officer.name,
      },
    }));
  return { caseId, assessmentId: a.id, rowId: first.rowId, fileId: first.files[0]!.fileId, nonconformityId: open.id };
}

const blankChecklists = new Map<string, Promise<Uint8Array>>();
/** vendorA's self-assessment of agency A's approved case (vendorA invited), and that case's blank Word 自評表. */
async function importFixture(c: TCall) {
  const { caseId } = await vendorGrant(c);
  const { vendorAssessment } = await import("@/lib/vendor/assessment/store");
  const { exportCase } = await import("@/lib/cases/export-case");
  const { getCase } = await import("@/lib/cases/store");
  const v = c.world.people.vendorA;
  const actor = { id: v.id, name: v.name, agencyId: v.agencyId, roles: v.roles };
  // The review entries leave this assessment submitted (submittedAssessment): the import needs it editable.
  await c.world.db.vendorAssessment.updateMany({ where: { caseId, vendorUserId: v.id }, data: { status: "draft" } });
  await c.world.db.vendorAnswer.updateMany({ where: { assessment: { caseId, vendorUserId: v.id } }, data: { review: "" } });
  const assessment = await vendorAssessment(c.world.db, actor, caseId);
  if (!blankChecklists.has(caseId))
    blankChecklists.set(
      caseId,
      getCase(c.world.db, caseId).then(async (r) => (await exportCase(c.world.db, r!, "checklist")).bytes),
    );
  return { caseId, assessment, bytes: await blankChecklists.get(caseId)! };
}
/** A Word copy uploaded and previewed through lib/ (by vendorA, or by A's officer), for the apply actions and preview pages. */
async function previewedImport(c: TCall, by: "vendor" | "officer") {
  const { previewImport } = await import("@/lib/vendor/assessment/import");
  const f = await importFixture(c);
  const v = c.world.people.vendorA;
  const actor = by === "vendor" ? { id: v.id, name: v.name, agencyId: v.agencyId, roles: v.roles } : c.world.officer;
  const p = await previewImport(c.world.db, actor, f.assessment, { name: "自評表.docx", bytes: f.bytes });
  return { ...f, fileId: p.fileId };
}
const wordUpload = (c: TCall, url: string, bytes: Uint8Array) => {
  const body = new FormData();
  body.set("file", new Blob([new Uint8Array(bytes)]), "自評表.docx");
  return new Request(`${BASE_URL}${url}`, {
    method: "POST",
    headers: { origin: BASE_URL, host: "localhost:3000", ...(c.person ? { cookie: c.person.cookie } : {}) },
    body,
  });
};

/** What vendorA may see of agency A: its name, the fixtures' case title, and the ids of the cases vendorA was invited to. */
async function grantedMarkers(world: TWorld): Promise<string[]> {
  const grants = await world.db.vendorInvitation.findMany({ where: { acceptedUserId: world.people.vendorA.id }, select: { caseId: true } });
  return [AGENCY_A_NAME, CASE_TITLE_A, ...grants.map((g) => g.caseId)];
}

/** A fresh pending invitation to agency A's approved case (made through lib/, by A's officer). */
async function invitation(c: TCall): Promise<{ id: string; token: string; caseId: string }> {
  const { createInvitation } = await import("@/lib/vendor/invitations");
  const caseId = await c.cases.get("approved");
  const email = `${c.subject}-${Math.random().toString(36).slice(2, 10)}@invited.authz.test`;
  const r = await createInvitation(c.world.db, c.world.officer, caseId, { email, name: "受邀廠商" });
  return { id: r.id, token: r.token, caseId };
}

function page(
  file: string,
  loader: () => Promise<{ default: unknown }>,
  rule: string,
  allowed: readonly TSubject[],
  more: {
    params?: (c: TCall) => Promise<Record<string, string>>;
    probe?: string;
    searchParams?: (c: TCall) => Record<string, string>;
    shows?: TEntry["shows"];
    reveals?: TEntry["reveals"];
  } = {},
): TEntry {
  const { params = async () => ({}), probe, searchParams = () => ({}), shows, reveals } = more;
  return {
    kind: "page",
    file,
    name: "default",
    probe,
    rule,
    allowed,
    shows,
    reveals,
    setup: async (c) => {
      const render = (await loader()).default as TPage;
      const p = await params(c);
      const sp = searchParams(c);
      return async () => render({ params: Promise.resolve(p), searchParams: Promise.resolve(sp) });
    },
  };
}

const ADMIN_OWN = ["adminA", "agencyB"] as const satisfies readonly TSubject[];
const PAGES: TEntry[] = [
  page(
    "app/contracts/page.tsx",
    () => import("@/app/contracts/page"),
    "an officer, CISO or admin; lists the own agency's contracts only",
    [...A_ROLES, "agencyB"],
    {
      params: async (c) => {
        await contractFixture(c);
        return {};
      },
      shows: { to: A_ROLES, text: AWARD.contractNumber },
    },
  ),
  page("app/contracts/[id]/page.tsx", () => import("@/app/contracts/[id]/page"), "an officer, CISO or admin of the contract's agency", A_ROLES, {
    params: async (c) => ({ id: (await contractFixture(c)).contractId }),
    probe: "/contracts/<contract of A>",
    shows: { to: A_ROLES, text: AWARD.contractNumber },
  }),
  page("app/account/calendar/page.tsx", () => import("@/app/account/calendar/page"), "an officer, CISO or admin (their own feed)", [...A_ROLES, "agencyB"]),
  page("app/cases/[id]/award/page.tsx", () => import("@/app/cases/[id]/award/page"), "an officer of the case's agency", ["officerA"], {
    params: async (c) => ({ id: await c.cases.get("approved") }),
    probe: "/cases/<approved case of A>/award",
  }),
  page("app/page.tsx", () => import("@/app/page"), "public", EVERYONE),
  page("app/catalogue/page.tsx", () => import("@/app/catalogue/page"), "public", EVERYONE),
  page("app/catalogue/compare/page.tsx", () => import("@/app/catalogue/compare/page"), "public (published versions; drafts only for a 目錄管理者)", EVERYONE),
  page("app/catalogue/versions/page.tsx", () => import("@/app/catalogue/versions/page"), "a 目錄管理者 (app-wide role)", KEEPERS),
  page("app/catalogue/versions/[version]/page.tsx", () => import("@/app/catalogue/versions/[version]/page"), "a 目錄管理者 (app-wide role)", KEEPERS, {
    params: async () => ({ version: "2023-09-25-law2026" }),
  }),
  page(
    "app/catalogue/obligations/page.tsx",
    () => import("@/app/catalogue/obligations/page"),
    "anyone signed in, the 平台管理者 too: it is the catalogue's, not an agency's (published versions; drafts only for a 目錄管理者)",
    [...A_ROLES, "agencyB", "platformC"],
    {
      searchParams: () => ({ version: "2023-09-25-obl2026" }),
    },
  ),
  page(
    "app/cases/[id]/version/page.tsx",
    () => import("@/app/cases/[id]/version/page"),
    "anyone of the case's agency (only an officer may move the case)",
    A_ROLES,
    {
      params: async (c) => ({ id: await c.cases.get("approved") }),
      probe: "/cases/<approved case of A>/version",
    },
  ),
  page("app/login/page.tsx", () => import("@/app/login/page"), "public (a signed-in user is sent on to /cases)", EVERYONE),
  page("app/forbidden/page.tsx", () => import("@/app/forbidden/page"), "public", EVERYONE),
  page("app/cases/page.tsx", () => import("@/app/cases/page"), "anyone signed in; lists the own agency's cases only", [...A_ROLES, "agencyB", "platformC"], {
    shows: { to: A_ROLES, text: CASE_TITLE_A },
  }),
  page(
    "app/cases/[id]/[step]/page.tsx",
    () => import("@/app/cases/[id]/[step]/page"),
    "anyone of the case's agency (read-only unless an officer and the case is editable)",
    A_ROLES,
    {
      params: async (c) => ({ id: await c.cases.get("filled"), step: "review" }),
      probe: "/cases/<filled-in draft case of A>/review",
    },
  ),
  page("app/cases/[id]/approval/page.tsx", () => import("@/app/cases/[id]/approval/page"), "a CISO of the case's agency", ["cisoA"], {
    params: async (c) => ({ id: await c.cases.get("submitted") }),
    probe: "/cases/<submitted case of A>/approval",
  }),
  page("app/reviews/page.tsx", () => import("@/app/reviews/page"), "a CISO; lists the own agency's cases under review only", ["cisoA", "agencyB"], {
    params: async (c) => (await c.cases.get("submitted"), {}),
    shows: { to: ["cisoA"], text: CASE_TITLE_A },
  }),
  page("app/cases/[id]/page.tsx", () => import("@/app/cases/[id]/page"), "anyone of the case's agency (sent on to the step they have to do)", A_ROLES, {
    params: async (c) => ({ id: await c.cases.get("submitted") }),
    probe: "/cases/<submitted case of A>",
  }),
  page("app/cases/[id]/history/page.tsx", () => import("@/app/cases/[id]/history/page"), "anyone of the case's agency", A_ROLES, {
    params: async (c) => ({ id: await c.cases.get("approved") }),
    probe: "/cases/<approved case of A>/history",
  }),
  page("app/cases/[id]/vendors/page.tsx", () => import("@/app/cases/[id]/vendors/page"), "an officer or CISO of the case's agency", ["officerA", "cisoA"], {
    params: async (c) => ({ id: await c.cases.get("approved") }),
    probe: "/cases/<approved case of A>/vendors",
  }),
  page(
    "app/cases/[id]/vendors/[assessmentId]/page.tsx",
    () => import("@/app/cases/[id]/vendors/[assessmentId]/page"),
    "an officer or CISO of the case's agency (only the officer acts)",
    ["officerA", "cisoA"],
    {
      params: async (c) => {
        const f = await submittedAssessment(c);
        return { id: f.caseId, assessmentId: f.assessmentId };
      },
      probe: "/cases/<approved case of A>/vendors/<vendorA's submitted assessment>",
      shows: { to: ["officerA", "cisoA"], text: "審查廠商自評" },
    },
  ),
  page("app/invite/[token]/page.tsx", () => import("@/app/invite/[token]/page"), "public: the token is the authorization", EVERYONE, {
    params: async (c) => ({ token: (await invitation(c)).token }),
    probe: "/invite/<a pending invitation's token>",
    reveals: { why: "the invitation names the inviting agency and the case to the holder of its token", markers: async () => [AGENCY_A_NAME, CASE_TITLE_A] },
  }),
  page("app/vendor/page.tsx", () => import("@/app/vendor/page"), "a 廠商代表; lists only the cases it was invited to", ["vendorA"], {
    params: async (c) => {
      await vendorGrant(c);
      return {};
    },
    shows: { to: ["vendorA"], text: "下載廠商資安自評表" },
    reveals: { why: "the vendor sees the agency, title and id of the cases it was invited to", markers: grantedMarkers },
  }),
  page("app/vendor/[caseId]/page.tsx", () => import("@/app/vendor/[caseId]/page"), "a 廠商代表 invited to the case", ["vendorA"], {
    params: async (c) => ({ caseId: (await vendorAssessmentFixture(c)).caseId }),
    probe: "/vendor/<approved case of A, vendorA invited>",
    shows: { to: ["vendorA"], text: "廠商資安自評表" },
    reveals: { why: "the vendor sees the agency, title and id of the case it was invited to, and its requirement list", markers: grantedMarkers },
  }),
  page("app/vendor/[caseId]/page.tsx", () => import("@/app/vendor/[caseId]/page"), "a vendor reaches only the cases it was invited to", NOBODY, {
    params: async (c) => (await vendorGrant(c), { caseId: await c.cases.get("submitted") }),
    probe: "/vendor/<a case of A vendorA was NOT invited to>",
  }),
  ...(() => {
    let vendorFile = "";
    let officerFile = "";
    return [
      page(
        "app/vendor/[caseId]/import/page.tsx",
        () => import("@/app/vendor/[caseId]/import/page"),
        "the 廠商代表 invited to the case, on its own assessment",
        ["vendorA"],
        {
          params: async (c) => {
            const f = await previewedImport(c, "vendor");
            vendorFile = f.fileId;
            return { caseId: f.caseId };
          },
          searchParams: () => ({ file: vendorFile }),
          probe: "/vendor/<approved case of A, vendorA invited>/import?file=<its uploaded copy>",
          shows: { to: ["vendorA"], text: "匯入 Word 自評表" },
          reveals: { why: "the vendor sees the title of the case it was invited to", markers: grantedMarkers },
        },
      ),
      page(
        "app/cases/[id]/vendors/[assessmentId]/import/page.tsx",
        () => import("@/app/cases/[id]/vendors/[assessmentId]/import/page"),
        "an officer of the assessment's agency (not the CISO)",
        ["officerA"],
        {
          params: async (c) => {
            const f = await previewedImport(c, "officer");
            officerFile = f.fileId;
            return { id: f.caseId, assessmentId: f.assessment.id };
          },
          searchParams: () => ({ file: officerFile }),
          probe: "/cases/<approved case of A>/vendors/<vendorA's assessment>/import?file=<an uploaded copy>",
          shows: { to: ["officerA"], text: "代廠商匯入 Word 自評表" },
        },
      ),
    ];
  })(),
  page("app/cases/[id]/decisions/page.tsx", () => import("@/app/cases/[id]/decisions/page"), "anyone of the case's agency", A_ROLES, {
    params: async (c) => ({ id: await c.cases.get("approved") }),
    probe: "/cases/<approved case of A>/decisions",
  }),
  page("app/admin/page.tsx", () => import("@/app/admin/page"), "an admin; shows the own agency only", ADMIN_OWN, {
    shows: { to: ["adminA"], text: AGENCY_A_NAME },
  }),
  page("app/admin/users/page.tsx", () => import("@/app/admin/users/page"), "an admin; lists the own agency's users only", ADMIN_OWN, {
    shows: { to: ["adminA"], text: EMAIL_DOMAIN_A },
  }),
  page("app/admin/agency/page.tsx", () => import("@/app/admin/agency/page"), "an admin; the own agency's profile", ADMIN_OWN, {
    shows: { to: ["adminA"], text: AGENCY_A_NAME },
  }),
  {
    ...page(
      "app/platform/agencies/page.tsx",
      () => import("@/app/platform/agencies/page"),
      "a 平台管理者 (app-wide role): agency names and counts, no case content",
      ["platformC"],
      {
        shows: { to: ["platformC"], text: AGENCY_A_NAME },
      },
    ),
    agencyNames: true,
  },
  page("app/admin/settings/page.tsx", () => import("@/app/admin/settings/page"), "an admin; the own agency's settings", ADMIN_OWN, {
    shows: { to: ["adminA"], text: AGENCY_A_NAME },
  }),
  page("app/admin/audit/page.tsx", () => import("@/app/admin/audit/page"), "an admin; the own agency's log only, whatever the filter names", ADMIN_OWN, {
    probe: "/admin/audit?user=<agency A's officer>",
    searchParams: (c) => ({ user: c.world.people.officerA.id }),
    shows: { to: ["adminA"], text: "甲承辦人" },
  }),
  page(
    "app/notifications/page.tsx",
    () => import("@/app/notifications/page"),
    "anyone signed in, a vendor too; their own notifications only",
    SIGNED_IN_OR_VENDOR,
  ),
  page("app/account/page.tsx", () => import("@/app/account/page"), "anyone signed in, a vendor too; their own account", SIGNED_IN_OR_VENDOR, {
    shows: { to: ["officerA"], text: EMAIL_DOMAIN_A },
  }),
  page(
    "app/account/password/page.tsx",
    () => import("@/app/account/password/page"),
    "anyone signed in, including a user who must change the initial password",
    ANY_SESSION,
  ),
];

// Pages and routes first: they read the fixtures as beforeAll built them; the actions after them change fixtures.
const MATRIX: TEntry[] = [...PAGES, ...ROUTES, ...ACTIONS];

const label = (e: TEntry) => `${e.file}#${e.name}${e.probe ? ` (${e.probe})` : ""}`;
const expected = (e: TEntry, s: TSubject) => (e.allowed.includes(s) ? "allowed" : "refused");
const actual = (e: TEntry, s: TSubject) => ((e.gap ? e.gap.allowedNow : e.allowed).includes(s) ? "allowed" : "refused");

describe("authorization matrix: every subject × every action, route and page", () => {
  let world: TWorld;
  let cases: CaseFixtures;

  beforeAll(async () => {
    world = await createWorld();
    cases = new CaseFixtures(world);
    for (const state of CASE_STATES) await cases.get(state);
  }, 180_000);
  afterAll(async () => {
    await world?.cleanup();
  });

  // A client address of its own for every request: better-auth's per-IP rate limits (3 per 10 s on
  // sign-up and change-email) would otherwise answer 429 to the matrix itself. The address is only
  // believed from a proxy header the deployment names (lib/http/client-ip.ts), as behind a proxy.
  process.env.SECREQ_CLIENT_IP_HEADER = "x-forwarded-for";
  let requests = 0;
  const clientIp = () => {
    requests += 1;
    return `10.${(requests >> 16) & 255}.${(requests >> 8) & 255}.${requests & 255}`;
  };

  const callFor = (subject: TSubject): TCall => {
    const person = subject === "anonymous" ? null : world.people[subject];
    return {
      subject,
      person,
      world,
      cases,
      target: (kind) => targetUser(world, kind),
      http: (method, pathAndQuery, body) =>
        new Request(`${BASE_URL}${pathAndQuery}`, {
          method,
          headers: {
            origin: BASE_URL,
            "user-agent": "secreq-authz-matrix",
            "x-forwarded-for": clientIp(),
            ...(body !== undefined ? { "content-type": "application/json" } : {}),
            ...(person ? { cookie: person.cookie } : {}),
          },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        }),
    };
  };

  for (const entry of MATRIX) {
    describe(label(entry), () => {
      for (const subject of SUBJECTS) {
        const want = actual(entry, subject);
        const gap = want !== expected(entry, subject);
        const title = `${SUBJECT_LABEL[subject]} → ${want}${gap ? ` — KNOWN GAP (should be ${expected(entry, subject)}): ${entry.gap!.note}` : ""}`;
        it(title, async () => {
          const c = callFor(subject);
          const call = await entry.setup(c);
          // Agency A must come out unchanged of a refusal and of anything done from outside agency A.
          // A vendor's own account is filed under agency A: its own-account changes are its own, not A's data.
          const ownVendor = subject === "vendorA" && !!entry.ownAccount;
          const guarded = want === "refused" || (!IN_AGENCY_A.includes(subject) && !ownVendor && !entry.writesAgencyA);
          const print = () => (guarded ? agencyPrint(world.db, world.agencyA) : Promise.resolve(null));
          const before = await print();
          let after = before;
          const ownRow = () =>
            c.person
              ? world.db.user.findUnique({
                  where: { id: c.person.id },
                  select: { name: true, email: true, image: true, agencyId: true, roles: true, active: true, mustChangePassword: true },
                })
              : Promise.resolve(null);
          const mineBefore = await ownRow();
          let mineAfter = mineBefore;
          const run = async () => {
            actAs(c.person?.cookie ?? null);
            const muted = entry.quiet ? vi.spyOn(console, "error").mockImplementation(() => {}) : null;
            let o: TOutcome;
            try {
              o = await classify(await call(), entry.fourxxRefuses);
            } catch (e) {
              o = classifyThrown(e);
            } finally {
              actAs(null);
              muted?.mockRestore();
            }
            after = await print();
            mineAfter = await ownRow();
            await entry.verify?.(c, o);
            return o;
          };
          const o = entry.ownAccount ? await withAccountRestored(world.db, c.person?.id ?? null, run) : await run();
          if (o.outcome !== "refused" || JSON.stringify(after) !== JSON.stringify(before)) await cases.refresh();
          // AUTHZ_REPORT=file.jsonl: one line per cell, to read the matrix and why each call ended as it did.
          if (process.env.AUTHZ_REPORT)
            appendFileSync(
              process.env.AUTHZ_REPORT,
              `${JSON.stringify({ entry: label(entry), subject, expected: expected(entry, subject), outcome: o.outcome, detail: o.detail })}\n`,
            );

          expect(o.outcome, `${label(entry)} as ${subject}: ${o.detail}`).toBe(want);
          if (entry.statuses) expect(o.status, `${label(entry)} as ${subject}: the status`).toBe(entry.statuses[subject]);
          // A refusal changes nothing of agency A; nor does anything done by someone outside agency A.
          if (guarded) expect(after, "agency A's data is unchanged").toEqual(before);
          if (o.outcome === "allowed" && entry.shows?.to.includes(subject)) expect(o.text, "the positive control").toContain(entry.shows.text);
          // A refused call leaves the caller's own account as it was too (name, e-mail, roles, agency, forced change).
          if (o.outcome === "refused") expect(mineAfter, "the caller's account is unchanged").toEqual(mineBefore);
          // What someone outside agency A is shown holds nothing of agency A.
          const revealed = new Set(o.outcome === "allowed" && entry.reveals ? await entry.reveals.markers(world) : []);
          if (o.outcome === "allowed" && !IN_AGENCY_A.includes(subject))
            for (const marker of await agencyMarkers(world))
              if (!(entry.agencyNames && marker === AGENCY_A_NAME) && !revealed.has(marker))
                expect(o.text, `no trace of agency A (${marker})`).not.toContain(marker);
        });
      }
    });
  }
});

describe("the matrix covers the whole app", () => {
  const surface = scanSurface(ROOT);
  const keys = (kind: TEntry["kind"]) =>
    [...new Set(MATRIX.filter((e) => e.kind === kind).map((e) => (kind === "page" ? e.file : `${e.file}#${e.name}`)))].sort();

  it("every exported server action of every app/**/actions.ts has an entry, and every entry names one", () => {
    expect(keys("action")).toEqual(surface.actions);
  });

  it("every HTTP method export of every app/**/route.ts has an entry, and every entry names one", () => {
    expect(keys("route")).toEqual(surface.routes);
  });

  it("every app/**/page.tsx has an entry, and every entry names one", () => {
    expect(keys("page")).toEqual(surface.pages);
  });

  it("server actions live only in the actions.ts modules the matrix covers (no inline 'use server' elsewhere)", () => {
    const covered = new Set(MATRIX.filter((e) => e.kind === "action").map((e) => e.file));
    expect(surface.useServer.filter((f) => !covered.has(f))).toEqual([]);
  });

  it("the source scan agrees with what the modules actually export", async () => {
    for (const file of new Set([...surface.actions, ...surface.routes].map((k) => k.split("#")[0]!))) {
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
      const exported = Object.keys(mod)
        .filter((n) => typeof mod[n] === "function")
        .filter((n) => !file.endsWith("route.ts") || (HTTP_METHODS as readonly string[]).includes(n))
        .map((n) => `${file}#${n}`)
        .sort();
      const scanned = [...surface.actions, ...surface.routes].filter((k) => k.startsWith(`${file}#`)).sort();
      expect(exported, file).toEqual(scanned);
    }
  });

  it("the scan notices a new action, route, page or inline server action (checked on a scratch app/)", () => {
    const root = mkdtempSync(path.join(tmpdir(), "secreq-authz-scan-"));
    try {
      const put = (file: string, text: string) => {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), text);
      };
      put(
        "app/cases/[id]/export/route.ts",
        "export async function GET(req: Request) {}\nexport const POST = handler;\nexport const dynamic = 'force-dynamic';\n",
      );
      put("app/api/x/route.ts", "export const { GET, DELETE } = toNextJsHandler(auth);\n");
      put("app/reports/actions.ts", '"use server";\nexport async function exportAction() {}\nexport { other as renamedAction };\n');
      put("app/reports/page.tsx", "export default async function Page() { return null; }\n");
      put("app/reports/inline.tsx", 'export function Form() { async function go() {\n  "use server";\n}\n}\n');
      expect(scanSurface(root)).toEqual({
        actions: ["app/reports/actions.ts#exportAction", "app/reports/actions.ts#renamedAction"],
        routes: ["app/api/x/route.ts#DELETE", "app/api/x/route.ts#GET", "app/cases/[id]/export/route.ts#GET", "app/cases/[id]/export/route.ts#POST"],
        pages: ["app/reports/page.tsx"],
        useServer: ["app/reports/actions.ts", "app/reports/inline.tsx"],
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("each entry gives every subject an expectation and calls something real", async () => {
    for (const e of MATRIX) {
      for (const s of e.allowed) expect(SUBJECTS).toContain(s);
      expect(e.rule.length, label(e)).toBeGreaterThan(0);
      // The export the entry names is a function of the file it names (what setup() calls).
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, e.file))) as Record<string, unknown>;
      expect(typeof mod[e.name], label(e)).toBe("function");
    }
    // An export probed more than once says how each probe differs.
    const seen = new Map<string, number>();
    for (const e of MATRIX) seen.set(`${e.file}#${e.name}`, (seen.get(`${e.file}#${e.name}`) ?? 0) + 1);
    for (const e of MATRIX) if ((seen.get(`${e.file}#${e.name}`) ?? 0) > 1) expect(e.probe, label(e)).toBeTruthy();
  });
});
