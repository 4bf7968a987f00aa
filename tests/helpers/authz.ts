import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { isValidElement } from "react";
import { hashPassword } from "better-auth/crypto";
import type { TDb } from "@/lib/db/client";
import type { TActor, TRole } from "@/lib/auth/roles";
import { prepareDatabase } from "@/lib/setup";
import { PASSWORD, TEST_PROFILE } from "./people";
import { freshDbUrl } from "./db";

// The world of the authorization matrix (tests/integration/authz.test.ts): a temp database, three
// agencies, one signed-in session per subject, case fixtures in every workflow state, and the rules
// that turn what an action, route or page did into "allowed" or "refused".

export const SUBJECTS = ["anonymous", "officerA", "cisoA", "adminA", "agencyB", "pendingA", "platformC", "vendorA"] as const;
export type TSubject = (typeof SUBJECTS)[number];
export const SUBJECT_LABEL: Record<TSubject, string> = {
  anonymous: "anonymous (no session)",
  officerA: "officer of agency A",
  cisoA: "CISO of agency A",
  adminA: "admin of agency A",
  agencyB: "officer+CISO+admin of agency B",
  pendingA: "officer+CISO+admin of agency A who must still change the initial password",
  platformC: "平台管理者 (app-wide, no agency role) of agency C",
  vendorA: "廠商代表 (vendor) invited by agency A to its approved case (account filed under agency A)",
};
/** Subjects whose account belongs to agency A (the agency that owns every fixture). */
export const IN_AGENCY_A: readonly TSubject[] = ["officerA", "cisoA", "adminA", "pendingA"];

export const BASE_URL = "http://localhost:3000";
export const NEW_PASSWORD = "Authz#Matrix-Pass-2026";
export const AGENCY_A_NAME = "甲市政府（授權測試）";
export const CASE_TITLE_A = "甲機關授權測試案";
/** Every e-mail of agency A ends so: seeing it in another agency's answer is a leak. */
export const EMAIL_DOMAIN_A = "a.authz.test";

export type TPerson = { id: string; email: string; name: string; agencyId: string; roles: TRole[]; cookie: string };
export type TWorld = {
  db: TDb;
  agencyA: string;
  agencyB: string;
  people: Record<Exclude<TSubject, "anonymous">, TPerson>;
  /** A user of a third agency whose credentials the public sign-in probes use. */
  visitor: { email: string; password: string };
  /** Agency A's officer and CISO as lib/ actors, for building fixtures. */
  officer: TActor;
  ciso: TActor;
  cleanup: () => Promise<void>;
};

/**
 * A migrated temp database, made BEFORE any app module is imported (db() is a process singleton that
 * reads DATABASE_URL once), then the people and their sessions, signed in through better-auth.
 */
export async function createWorld(): Promise<TWorld> {
  const { url, remove } = freshDbUrl();
  await (await prepareDatabase(url)).$disconnect();
  process.env.DATABASE_URL = url;
  process.env.BETTER_AUTH_SECRET = "authz-matrix-secret-authz-matrix-secret";
  process.env.BETTER_AUTH_URL = BASE_URL;
  const { db: appDb } = await import("@/lib/db/client");
  const { auth } = await import("@/app/_server/auth");
  const db = appDb();

  const agency = async (name: string) => {
    const id = randomUUID();
    await db.agency.create({ data: { id, name, ...TEST_PROFILE } });
    return id;
  };
  const [agencyA, agencyB, agencyC] = [await agency(AGENCY_A_NAME), await agency("乙縣政府（授權測試）"), await agency("丙鄉公所（授權測試）")];
  // One scrypt hash for everybody: hashing is slow on purpose and the matrix has many people.
  const hash = await hashPassword(PASSWORD);
  const person = async (agencyId: string, email: string, name: string, roles: TRole[], mustChangePassword = false) => {
    const id = randomUUID();
    await db.user.create({
      data: {
        id,
        email,
        name,
        agencyId,
        roles: JSON.stringify(roles),
        mustChangePassword,
        emailVerified: true,
        accounts: { create: { id: randomUUID(), accountId: id, providerId: "credential", password: hash } },
        passwordHistory: { create: { id: randomUUID(), hash } },
      },
    });
    const response = await auth().api.signInEmail({ body: { email, password: PASSWORD }, asResponse: true });
    if (response.status !== 200) throw new Error(`sign-in of ${email} answered ${response.status}`);
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    return { id, email, name, agencyId, roles, cookie };
  };
  const people = {
    officerA: await person(agencyA, `officer@${EMAIL_DOMAIN_A}`, "甲承辦人", ["officer"]),
    cisoA: await person(agencyA, `ciso@${EMAIL_DOMAIN_A}`, "甲資安長", ["ciso"]),
    adminA: await person(agencyA, `admin@${EMAIL_DOMAIN_A}`, "甲管理者", ["admin"]),
    agencyB: await person(agencyB, "all-roles@b.authz.test", "乙全角色", ["officer", "ciso", "admin"]),
    pendingA: await person(agencyA, `pending@${EMAIL_DOMAIN_A}`, "甲待改密碼", ["officer", "ciso", "admin"], true),
    platformC: await person(agencyC, "platform@c.authz.test", "丙平台管理者", ["platform-admin"]),
    // An outsider whose account is filed under agency A: every agency page must refuse it all the same.
    vendorA: await person(agencyA, "rep@vendor.authz.test", "甲廠商代表", ["vendor"]),
  };
  const visitorEmail = "visitor@c.authz.test";
  const visitorId = randomUUID();
  await db.user.create({
    data: {
      id: visitorId,
      email: visitorEmail,
      name: "丙訪客",
      agencyId: agencyC,
      roles: JSON.stringify(["officer"]),
      mustChangePassword: false,
      emailVerified: true,
      accounts: { create: { id: randomUUID(), accountId: visitorId, providerId: "credential", password: hash } },
    },
  });
  const actor = (p: TPerson): TActor => ({ id: p.id, name: p.name, agencyId: p.agencyId, roles: p.roles });
  return {
    db,
    agencyA,
    agencyB,
    people,
    visitor: { email: visitorEmail, password: PASSWORD },
    officer: actor(people.officerA),
    ciso: actor(people.cisoA),
    cleanup: async () => {
      await db.$disconnect();
      await remove();
    },
  };
}

// ---- case fixtures ----

/**
 * blank: just created (draft, nothing filled); filled: every step answered, nothing decided yet (draft);
 * draft: filled and every decision made, ready to submit; submitted: with every risk accepted by the
 * CISO, ready to approve; approved: locked; returned: submitted, one ◎ item and the case returned by the CISO.
 */
export const CASE_STATES = ["blank", "filled", "draft", "submitted", "approved", "returned"] as const;
export type TCaseState = (typeof CASE_STATES)[number];

const ANSWERS = {
  agency: { agencyName: AGENCY_A_NAME, officerName: "甲承辦人", responsibilityLevel: "B", sector: "government", mailServer: "yes" },
  case: { caseName: CASE_TITLE_A, caseNumber: "AUTHZ-115-001", contractValue: "9,999,999", serviceTypes: ["development"] },
  grade: { mode: "direct", grade: "medium", aspects: { confidentiality: "", integrity: "", availability: "", legalCompliance: "" } },
  facts: { personalData: "no", coreSystem: "no", cii: "no", externalService: "yes", mobileApp: "no", riskLevel: "高" },
} as const;

/**
 * Agency A's cases in each workflow state, built through lib/ (the officer fills and decides, the CISO
 * accepts the risks and approves). A fixture is rebuilt when a call changed it, so every call meets
 * the state it expects.
 */
export class CaseFixtures {
  private ids: Partial<Record<TCaseState, string>> = {};
  private prints: Partial<Record<TCaseState, string>> = {};
  /** An item the officer decides (◎ include/exclude) and an item the CISO reviews. */
  items = { choice: "", review: "" };

  constructor(private readonly world: TWorld) {}

  async get(state: TCaseState): Promise<string> {
    const known = this.ids[state];
    if (known) return known;
    const id = await this.build(state);
    this.ids[state] = id;
    this.prints[state] = await this.print(id);
    return id;
  }

  /** A new case in that state, not cached (for a call that uses it up, e.g. an award). */
  async fresh(state: TCaseState): Promise<string> {
    return this.build(state);
  }

  /** Forgets every fixture that a call has changed; the next get() builds a fresh one. */
  async refresh(): Promise<void> {
    for (const state of Object.keys(this.ids) as TCaseState[]) {
      if ((await this.print(this.ids[state]!)) !== this.prints[state]) {
        delete this.ids[state];
        delete this.prints[state];
      }
    }
  }

  private async print(id: string): Promise<string> {
    const db = this.world.db;
    const c = await db.case.findUnique({
      where: { id },
      select: { status: true, lockVersion: true, answers: true, caseGroupId: true, _count: { select: { decisions: true, reviews: true } } },
    });
    if (!c) return "gone";
    const revisions = await db.case.count({ where: { caseGroupId: c.caseGroupId } });
    return `${c.status}:${c.lockVersion}:${c.answers}:${c._count.decisions}:${c._count.reviews}:${revisions}`;
  }

  private async build(state: TCaseState): Promise<string> {
    const { db, officer, ciso } = this.world;
    const { createCase, getCase, saveAnswers } = await import("@/lib/cases/store");
    const { saveDecision } = await import("@/lib/cases/decisions");
    const { loadChecklist } = await import("@/lib/cases/load");
    const { submitCase, reviewItem, decideCase } = await import("@/lib/cases/workflow-ops");
    const { approvalProblems } = await import("@/lib/workflow/review-groups");
    const checklist = async () => {
      const { checklist: c } = await loadChecklist(db, (await getCase(db, id))!);
      if (!c.ok) throw new Error(`fixture ${state}: the answers do not resolve`);
      return c;
    };

    const id = await createCase(db, officer);
    if (state === "blank") return id;
    for (const step of ["case", "grade", "facts"] as const) await saveAnswers(db, id, step, ANSWERS[step], officer);
    let c = await checklist();
    if (!this.items.choice) {
      this.items.choice = c.items.find((i) => i.decisionKind === "choice")?.id ?? "";
      this.items.review = c.items[0]?.id ?? "";
      if (!this.items.choice || !this.items.review) throw new Error("fixture: the checklist has no item to decide or review");
    }
    if (state === "filled") return id;
    for (const item of c.items) {
      if (item.decisionKind === "choice") await saveDecision(db, id, item, { choice: "include", reason: "授權矩陣測試：納入" }, officer);
      if (item.decisionKind === "placement") await saveDecision(db, id, item, { choice: "this-case" }, officer);
    }
    if (state === "draft") return id;

    c = await checklist();
    await submitCase(db, id, officer);
    // Every risk the CISO must accept, accepted: the case can then be approved by a CISO who did not edit it.
    for (const p of approvalProblems(c, []))
      if (p.kind === "item") await reviewItem(db, id, { itemId: p.itemId, verdict: "accept-risk", comment: "授權矩陣測試：接受風險" }, ciso);
    if (state === "submitted") return id;
    if (state === "returned") {
      await reviewItem(db, id, { itemId: this.items.choice, verdict: "return", comment: "授權矩陣測試：請說明理由" }, ciso);
      await decideCase(db, id, "return", "授權矩陣測試：退回", ciso);
      return id;
    }

    await decideCase(db, id, "approve", "", ciso);
    return id;
  }
}

/** A user of agency A for the admin actions to act on (no password: nobody signs in as them). */
export async function targetUser(world: TWorld, kind: "active" | "locked" | "inactive"): Promise<string> {
  const id = randomUUID();
  await world.db.user.create({
    data: {
      id,
      email: `target-${id.slice(0, 8)}@${EMAIL_DOMAIN_A}`,
      name: "甲測試對象",
      agencyId: world.agencyA,
      roles: JSON.stringify(["officer"]),
      mustChangePassword: false,
      emailVerified: true,
      active: kind !== "inactive",
      failedLogins: kind === "locked" ? 5 : 0,
      lockedUntil: kind === "locked" ? new Date(Date.now() + 15 * 60_000) : null,
    },
  });
  return id;
}

// ---- what must not change, and what must not leak ----

/** Everything of agency A a refused call must leave as it was (sessions aside: reading one touches it). */
export async function agencyPrint(db: TDb, agencyId: string): Promise<Record<string, string>> {
  // Prisma queries rather than SQL, so that the print is the same on SQLite and PostgreSQL.
  const list = (rows: unknown[]) => `${rows.length}#${rows.map((r) => JSON.stringify(r)).join("|")}`;
  const inA = { case: { agencyId } };
  const [cases, decisions, reviews, users, accounts, agency, audit, answers] = await Promise.all([
    db.case.findMany({
      where: { agencyId },
      orderBy: { id: "asc" },
      select: { id: true, status: true, lockVersion: true, answers: true, lastSeenStatuses: true, title: true },
    }),
    db.decision.findMany({
      where: inA,
      orderBy: [{ caseId: "asc" }, { itemId: "asc" }],
      select: { caseId: true, itemId: true, choice: true, reason: true, reference: true },
    }),
    db.review.findMany({ where: inA, orderBy: { id: "asc" }, select: { id: true } }),
    db.user.findMany({
      where: { agencyId },
      orderBy: { id: "asc" },
      select: { id: true, name: true, email: true, roles: true, active: true, mustChangePassword: true, failedLogins: true, lockedUntil: true },
    }),
    db.account.findMany({ where: { user: { agencyId } }, orderBy: { id: "asc" }, select: { id: true, password: true } }),
    db.agency.findUnique({ where: { id: agencyId }, select: { name: true, idleTimeoutMinutes: true, active: true, profileVersion: true, cisoTitle: true } }),
    db.auditEntry.count({ where: { agencyId } }),
    db.itemComment.findMany({ where: inA, orderBy: { id: "asc" }, select: { id: true } }),
  ]);
  return {
    cases: list(cases),
    decisions: list(decisions),
    reviews: list(reviews),
    users: list(users),
    accounts: list(accounts),
    agency: agency ? `${agency.name}:${agency.idleTimeoutMinutes}:${agency.active}:${agency.profileVersion}:${agency.cisoTitle}` : "",
    audit: String(audit),
    answers: list(answers),
  };
}

/** Strings that only agency A's data contains: its name, its e-mails, its case titles and case ids. */
export async function agencyMarkers(world: TWorld): Promise<string[]> {
  const cases = await world.db.case.findMany({ where: { agencyId: world.agencyA }, select: { id: true } });
  return [AGENCY_A_NAME, EMAIL_DOMAIN_A, CASE_TITLE_A, ...cases.map((c) => c.id)];
}

/**
 * Runs a call that changes the subject's own account (password, name, sessions) and puts the account
 * back as it was afterwards, so the subject's session keeps working for the next call.
 */
export async function withAccountRestored<T>(db: TDb, userId: string | null, run: () => Promise<T>): Promise<T> {
  if (!userId) return run();
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const accounts = await db.account.findMany({ where: { userId } });
  const history = await db.passwordHistory.findMany({ where: { userId }, select: { id: true } });
  const sessions = await db.session.findMany({ where: { userId } });
  try {
    return await run();
  } finally {
    await db.user.update({
      where: { id: userId },
      data: { name: user.name, image: user.image, mustChangePassword: user.mustChangePassword, failedLogins: user.failedLogins, lockedUntil: user.lockedUntil },
    });
    for (const a of accounts) await db.account.update({ where: { id: a.id }, data: { password: a.password } });
    await db.passwordHistory.deleteMany({ where: { userId, id: { notIn: history.map((h) => h.id) } } });
    await db.session.deleteMany({ where: { userId, id: { notIn: sessions.map((s) => s.id) } } });
    const kept = new Set((await db.session.findMany({ where: { userId }, select: { id: true } })).map((s) => s.id));
    for (const s of sessions) if (!kept.has(s.id)) await db.session.create({ data: s });
  }
}

// ---- outcomes ----

export type TOutcome = {
  outcome: "allowed" | "refused" | "unexpected";
  /** What happened, for the failure message: a redirect, a status, an action's code. */
  detail: string;
  /** Where a redirect went, when it did. */
  redirect?: string;
  /** The answer as text (a response body, a page's element tree, an action's result), for the leak check. */
  text: string;
  value?: unknown;
  /** A route's HTTP status. */
  status?: number;
};

const REFUSING_PATHS = /^\/(login|forbidden|account\/password)(?=$|[/?#])/;

/** A redirect to the login, forbidden or forced-password page, or a notFound(), is a refusal. */
export function classifyThrown(e: unknown): TOutcome {
  const digest = e && typeof e === "object" && "digest" in e ? String((e as { digest: unknown }).digest) : "";
  if (digest.startsWith("NEXT_REDIRECT")) {
    const to = digest.split(";")[2] ?? "";
    return { outcome: REFUSING_PATHS.test(to) ? "refused" : "allowed", detail: `redirect → ${to}`, redirect: to, text: to };
  }
  if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK")) return { outcome: "refused", detail: `notFound/forbidden (${digest})`, text: "" };
  return { outcome: "unexpected", detail: `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`, text: "" };
}

/** Route responses: 401/403/404 refuse (and any 4xx where the operation says so); 2xx allows. */
export async function classifyResponse(r: Response, fourxxRefuses = false): Promise<TOutcome> {
  const text = await r.clone().text();
  const type = r.headers.get("content-type") ?? "";
  const readable = !type || /^text\/|json/.test(type);
  const detail = `HTTP ${r.status} ${readable ? text.slice(0, 160) : `(${type}, ${text.length} chars)`}`;
  // 429 says nothing about authorization: a rate limit hit by the test itself must not pass for a refusal.
  if ([401, 403, 404].includes(r.status) || (fourxxRefuses && r.status >= 400 && r.status < 500 && r.status !== 429))
    return { outcome: "refused", detail, text, status: r.status };
  if (r.status >= 200 && r.status < 300) return { outcome: "allowed", detail, text, status: r.status };
  if (r.status >= 300 && r.status < 400) {
    const to = new URL(r.headers.get("location") ?? "/", BASE_URL).pathname;
    return { outcome: REFUSING_PATHS.test(to) ? "refused" : "allowed", detail: `${detail} → ${to}`, redirect: to, text, status: r.status };
  }
  return { outcome: "unexpected", detail, text, status: r.status };
}

export async function classify(value: unknown, fourxxRefuses = false): Promise<TOutcome> {
  if (value instanceof Response) return classifyResponse(value, fourxxRefuses);
  if (isValidElement(value)) return { outcome: "allowed", detail: "rendered", text: textOf(value), value };
  if (value && typeof value === "object" && "ok" in value) {
    const r = value as { ok: boolean; code?: string; message?: string };
    const text = JSON.stringify(value);
    if (r.ok === true) return { outcome: "allowed", detail: "ok: true", text, value };
    if (r.code === "unauthenticated" || r.code === "forbidden") return { outcome: "refused", detail: `ok: false, ${r.code}: ${r.message}`, text, value };
    return { outcome: "unexpected", detail: `ok: false, ${r.code}: ${r.message} ${JSON.stringify((value as { issues?: unknown }).issues ?? [])}`, text, value };
  }
  return { outcome: "unexpected", detail: `returned ${JSON.stringify(value)?.slice(0, 300)}`, text: JSON.stringify(value) ?? "", value };
}

/** Every string in a React element tree (props, children, data handed to client components). */
export function textOf(node: unknown, seen: WeakSet<object> = new WeakSet(), depth = 0): string {
  if (depth > 60 || node == null || typeof node === "boolean" || typeof node === "function" || typeof node === "symbol") return "";
  if (typeof node === "string" || typeof node === "number" || typeof node === "bigint") return String(node);
  if (node instanceof Date) return node.toISOString();
  if (typeof node !== "object") return "";
  if (seen.has(node)) return "";
  seen.add(node);
  if (isValidElement(node)) return textOf((node as { props: unknown }).props, seen, depth + 1);
  if (node instanceof Map) return [...node.entries()].map((e) => textOf(e, seen, depth + 1)).join(" ");
  if (node instanceof Set) return [...node].map((e) => textOf(e, seen, depth + 1)).join(" ");
  if (Array.isArray(node)) return node.map((n) => textOf(n, seen, depth + 1)).join(" ");
  return Object.values(node as Record<string, unknown>)
    .map((v) => textOf(v, seen, depth + 1))
    .join(" ");
}

// ---- what the app exposes ----

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export type TSurface = {
  /** "app/cases/actions.ts#saveAnswersAction" for every export of every app/**\/actions.ts. */
  actions: string[];
  /** "app/api/v1/resolve/route.ts#POST" for every HTTP method export of every app/**\/route.ts. */
  routes: string[];
  /** "app/cases/page.tsx" for every page. */
  pages: string[];
  /** Every file under app/ that says "use server" (a server action outside actions.ts would hide there). */
  useServer: string[];
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "node_modules" || name.startsWith(".")) return [];
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** The names a module exports, read from its source. */
export function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/^export\s+(?:async\s+)?function\s*\*?\s*(\w+)/gm)) names.add(m[1]!);
  for (const m of source.matchAll(/^export\s+(?:const|let|var|class)\s+(\w+)/gm)) names.add(m[1]!);
  for (const m of source.matchAll(/^export\s+(?:const|let|var)\s*\{([^}]*)\}/gm))
    for (const part of m[1]!.split(",")) {
      const name = part.split(":").pop()!.trim().split("=")[0]!.trim();
      if (name) names.add(name);
    }
  for (const m of source.matchAll(/^export\s*(?:type\s*)?\{([^}]*)\}/gm)) {
    if (/^export\s*type/.test(m[0])) continue;
    for (const part of m[1]!.split(",")) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()!
        .trim();
      if (name && !name.startsWith("type ")) names.add(name);
    }
  }
  if (/^export\s+default\b/m.test(source)) names.add("default");
  return [...names];
}

export function scanSurface(root: string): TSurface {
  const files = walk(path.join(root, "app")).map((f) => path.relative(root, f).split(path.sep).join("/"));
  const read = (f: string) => readFileSync(path.join(root, f), "utf8");
  const surface: TSurface = { actions: [], routes: [], pages: [], useServer: [] };
  for (const f of files) {
    const base = path.posix.basename(f);
    if (!/\.(ts|tsx|js|jsx|mjs)$/.test(base)) continue;
    const source = read(f);
    if (/^\s*["']use server["']/m.test(source)) surface.useServer.push(f);
    if (/^actions\.(ts|tsx|js)$/.test(base)) for (const n of exportedNames(source)) surface.actions.push(`${f}#${n}`);
    if (/^route\.(ts|tsx|js)$/.test(base))
      for (const n of exportedNames(source)) if ((HTTP_METHODS as readonly string[]).includes(n)) surface.routes.push(`${f}#${n}`);
    if (/^page\.(tsx|ts|jsx|js)$/.test(base)) surface.pages.push(f);
  }
  for (const list of Object.values(surface)) list.sort();
  return surface;
}
