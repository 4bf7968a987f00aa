"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { vendorAssessment } from "@/lib/vendor/assessment/store";
import { applyImport, ZImportTakes } from "@/lib/vendor/assessment/import";
import { authedAction } from "../../../_server/action";

/** The vendor applies its uploaded Word copy: the rows it took, at the versions its preview showed. */
export const applyImportAction = authedAction(
  {
    args: (caseId: string, input: unknown) => ({ ...(input as object), caseId }),
    input: z.object({ caseId: z.uuid({ error: "案件代碼有誤" }), fileId: z.uuid({ error: "檔案代碼有誤" }), take: ZImportTakes }),
    roles: ["vendor"],
  },
  async (input, user) => {
    const assessment = await vendorAssessment(db(), user, input.caseId);
    const r = await applyImport(db(), user, assessment, input.fileId, input.take);
    revalidatePath(`/vendor/${input.caseId}`);
    return r;
  },
);
