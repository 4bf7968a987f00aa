"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { agencyAssessment } from "@/lib/vendor/assessment/store";
import { applyImport, ZImportTakes } from "@/lib/vendor/assessment/import";
import { authedAction } from "../../../../../_server/action";

/** The case's officer applies a Word copy uploaded on the vendor's behalf (audited as the officer). */
export const applyImportAction = authedAction(
  {
    args: (caseId: string, assessmentId: string, input: unknown) => ({ ...(input as object), caseId, assessmentId }),
    input: z.object({ caseId: z.uuid(), assessmentId: z.uuid(), fileId: z.uuid({ error: "檔案代碼有誤" }), take: ZImportTakes }),
    roles: ["officer"],
  },
  async (input, user) => {
    const assessment = await agencyAssessment(db(), user, input.assessmentId);
    if (assessment.caseId !== input.caseId) throw new DomainError("not-found", "找不到這份廠商自評");
    const r = await applyImport(db(), user, assessment, input.fileId, input.take);
    revalidatePath(`/cases/${input.caseId}/vendors/${input.assessmentId}`);
    return r;
  },
);
