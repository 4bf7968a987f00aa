import type { TDb } from "../../db/client";
import { CatalogueError } from "../errors";
import { ZVersionId } from "../schema";
import { readCatalogue, versionFields, writeRows } from "../store";
import { assertCatalogueAdmin, auditCatalogue, type TCatalogueActor } from "./actor";

/** Version ids sort by date and the highest published one is the default for new cases, so a new one must sort last. */
export async function assertNewVersionId(tx: Parameters<typeof assertCatalogueAdmin>[0], version: string, field = "version") {
  const parsed = ZVersionId.safeParse(version);
  if (!parsed.success) throw new CatalogueError("invalid", "版本代碼有誤", [{ path: field, message: parsed.error.issues[0]!.message }]);
  if (await tx.catalogueVersion.findUnique({ where: { id: version }, select: { id: true } }))
    throw new CatalogueError("invalid", "版本代碼已存在", [{ path: field, message: `版本 ${version} 已存在，請換一個代碼` }]);
  const newest = await tx.catalogueVersion.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  if (newest && version < newest.id)
    throw new CatalogueError("invalid", "版本代碼須排在現有版本之後", [
      { path: field, message: `版本代碼須排在現有最新版本 ${newest.id} 之後（例如以今天的日期 YYYY-MM-DD 命名），發布後才會成為新案件的預設版本` },
    ]);
}

/** A new draft with the content of an existing version (usually the newest published one). */
export async function createDraft(db: TDb, actor: TCatalogueActor, input: { from: string; version: string }): Promise<{ version: string }> {
  return db.$transaction(async (tx) => {
    await assertCatalogueAdmin(tx, actor);
    await assertNewVersionId(tx, input.version);
    const source = await readCatalogue(tx, input.from).catch(() => {
      throw new CatalogueError("invalid", "找不到基準版本", [{ path: "from", message: `找不到目錄版本 ${input.from}` }]);
    });
    const file = { ...source, version: input.version, status: "draft" as const, basedOn: source.version, changeSummary: "" };
    await tx.catalogueVersion.create({ data: { id: file.version, ...versionFields(file), status: "draft", createdByName: actor.name } });
    await writeRows(tx, file);
    await auditCatalogue(tx, actor, "catalogue.draft-create", file.version, undefined, { basedOn: source.version });
    return { version: file.version };
  });
}
