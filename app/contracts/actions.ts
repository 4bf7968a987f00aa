"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { amendContract, awardContract, markDeadlineMet, recordIncident, reviewObligation, signOffMilestone } from "@/lib/contracts/store";
import { authedAction } from "../_server/action";

// Thin actions: the action client checks the user and role; lib/contracts/store checks the agency and the state.

const ZId = z.uuid({ error: "代碼有誤" });

export const awardContractAction = authedAction(
  { args: (caseId: string, input: unknown) => ({ caseId, input }), input: z.object({ caseId: ZId, input: z.unknown() }), roles: ["officer"] },
  async ({ caseId, input }, user) => {
    const id = await awardContract(db(), caseId, input, user);
    revalidatePath("/contracts");
    return { id };
  },
);

export const amendContractAction = authedAction(
  {
    args: (contractId: string, caseId: string, lockVersion: number) => ({ contractId, caseId, lockVersion }),
    input: z.object({ contractId: ZId, caseId: ZId, lockVersion: z.int().min(0) }),
    roles: ["officer"],
  },
  async ({ contractId, caseId, lockVersion }, user) => {
    await amendContract(db(), contractId, { caseId, lockVersion }, user);
    revalidatePath(`/contracts/${contractId}`);
    return {};
  },
);

export const reviewObligationAction = authedAction(
  { args: (obligationId: string, input: unknown) => ({ obligationId, input }), input: z.object({ obligationId: ZId, input: z.unknown() }), roles: ["officer"] },
  async ({ obligationId, input }, user) => {
    await reviewObligation(db(), obligationId, input, user);
    revalidatePath("/contracts", "layout");
    return {};
  },
);

export const recordIncidentAction = authedAction(
  { args: (contractId: string, input: unknown) => ({ contractId, input }), input: z.object({ contractId: ZId, input: z.unknown() }), roles: ["officer"] },
  async ({ contractId, input }, user) => {
    const id = await recordIncident(db(), contractId, input, user);
    revalidatePath(`/contracts/${contractId}`);
    return { id };
  },
);

export const markDeadlineMetAction = authedAction(
  {
    args: (incidentId: string, key: string) => ({ incidentId, key }),
    input: z.object({ incidentId: ZId, key: z.string().min(1).max(40) }),
    roles: ["officer"],
  },
  async ({ incidentId, key }, user) => {
    await markDeadlineMet(db(), incidentId, key, user);
    revalidatePath("/contracts", "layout");
    return {};
  },
);

export const signOffMilestoneAction = authedAction(
  { args: (milestoneId: string) => ({ milestoneId }), input: z.object({ milestoneId: ZId }), roles: ["ciso"] },
  async ({ milestoneId }, user) => {
    await signOffMilestone(db(), milestoneId, user);
    revalidatePath("/contracts", "layout");
    return {};
  },
);
