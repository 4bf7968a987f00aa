import type { TDb } from "@/lib/db/client";
import type { TActor } from "@/lib/auth/roles";
import { createUser } from "@/lib/auth/users";
import type { TRole } from "@/lib/auth/roles";
import { createCase, getCase, saveAnswers } from "@/lib/cases/store";
import { saveDecision } from "@/lib/cases/decisions";
import { loadChecklist } from "@/lib/cases/load";
import { PASSWORD } from "./people";

export const FILLED_ANSWERS = {
  case: { caseName: "測試案", caseNumber: "TEST-115-001", contractValue: "9,999,999", serviceTypes: ["development"] },
  grade: { mode: "direct", grade: "medium", aspects: { confidentiality: "", integrity: "", availability: "", legalCompliance: "" } },
  facts: { personalData: "no", coreSystem: "no", cii: "no", externalService: "yes", mobileApp: "no", riskLevel: "高" },
} as const;

/** The case's checklist, which must resolve. */
export async function checklistOf(db: TDb, caseId: string) {
  const { checklist } = await loadChecklist(db, (await getCase(db, caseId))!);
  if (!checklist.ok) throw new Error("the fixture's answers do not resolve");
  return checklist;
}

/** A case of the officer's agency (its profile filled by createAgencyWithUsers) with every step filled and every decision made (草稿, ready to submit). */
export async function filledCase(db: TDb, officer: TActor): Promise<string> {
  const caseId = await createCase(db, officer);
  for (const step of ["case", "grade", "facts"] as const) await saveAnswers(db, caseId, step, FILLED_ANSWERS[step], officer);
  for (const item of (await checklistOf(db, caseId)).items) {
    if (item.decisionKind === "choice") await saveDecision(db, caseId, item, { choice: "include", reason: "測試：納入" }, officer);
    if (item.decisionKind === "placement") await saveDecision(db, caseId, item, { choice: "this-case" }, officer);
  }
  return caseId;
}

/** One more user of the agency with the given roles. */
export async function addUser(db: TDb, agencyId: string, roles: TRole[], name: string): Promise<TActor> {
  const email = `${roles.join("-")}-${Math.random().toString(36).slice(2, 10)}@test.secreq.tw`;
  const id = await createUser(db, { agencyId, email, name, roles, password: PASSWORD, mustChangePassword: false });
  return { id, name, agencyId, roles };
}
