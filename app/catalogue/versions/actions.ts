"use server";

import { revalidatePath } from "next/cache";
import { CATALOGUE_IMPORT_MAX_BYTES, CATALOGUE_IMPORT_TOO_LARGE } from "@/lib/catalogue/import-limit";
import { z } from "zod";
import { zText } from "@/lib/validation/text";
import { db } from "@/lib/db/client";
import { ZVersionId } from "@/lib/catalogue/schema";
import { createDraft, deleteDraft, editDraft, editObligationCell, importVersion, publishDraft } from "@/lib/catalogue/versions";
import { authedAction } from "../../_server/action";

// Thin actions: the action client checks the session and the 目錄管理者 role; lib/catalogue/versions
// re-reads the role inside its transaction, validates with the loader's schema and writes the audit entry.

const KEEPER = { roles: ["catalogue-admin" as const] };

const refresh = (version?: string) => {
  revalidatePath("/catalogue/versions");
  if (version) revalidatePath(`/catalogue/versions/${version}`);
};

export const createDraftAction = authedAction({ input: z.object({ from: ZVersionId, version: z.string().trim() }), ...KEEPER }, async (input, user) => {
  const r = await createDraft(db(), user, input);
  refresh();
  return r;
});

export const editDraftAction = authedAction(
  { input: z.object({ version: ZVersionId, lockVersion: z.int().min(0), edit: z.unknown() }), ...KEEPER },
  async ({ version, lockVersion, edit }, user) => {
    const r = await editDraft(db(), user, version, lockVersion, edit);
    refresh(version);
    return r;
  },
);

/** One cell of a draft's ▲ table, optionally marked 「已核對官方附表」. */
export const editObligationCellAction = authedAction(
  { input: z.object({ version: ZVersionId, lockVersion: z.int().min(0), cell: z.unknown() }), ...KEEPER },
  async ({ version, lockVersion, cell }, user) => {
    const r = await editObligationCell(db(), user, version, lockVersion, cell);
    refresh(version);
    revalidatePath("/catalogue/obligations");
    return r;
  },
);

export const publishDraftAction = authedAction(
  { input: z.object({ version: ZVersionId, lockVersion: z.int().min(0), changeSummary: zText().max(2000, "變更摘要最多 2000 字") }), ...KEEPER },
  async ({ version, lockVersion, changeSummary }, user) => {
    const r = await publishDraft(db(), user, version, lockVersion, changeSummary);
    refresh(version);
    revalidatePath("/catalogue");
    return { publishedAt: r.publishedAt.toISOString() };
  },
);

export const deleteDraftAction = authedAction(
  { input: z.object({ version: ZVersionId, lockVersion: z.int().min(0) }), ...KEEPER },
  async ({ version, lockVersion }, user) => {
    await deleteDraft(db(), user, version, lockVersion);
    refresh();
    return {};
  },
);

export const importVersionAction = authedAction(
  {
    input: z.object({
      fileName: z.string().trim().min(1, "請選擇資料檔").max(200),
      text: z.string().min(1, "資料檔是空的").max(CATALOGUE_IMPORT_MAX_BYTES, CATALOGUE_IMPORT_TOO_LARGE),
    }),
    ...KEEPER,
  },
  async ({ fileName, text }, user) => {
    const r = await importVersion(db(), user, fileName, text);
    refresh();
    return r;
  },
);
