import { createHash } from "node:crypto";
import type { TDb } from "../db/client";
import type { TTx } from "../audit/tx";
import { CatalogueError, isImmutableViolation } from "./errors";
import { ZCatalogueFile, type TCatalogueFile, type TMark } from "./schema";

/** Hash of everything a version says except its status, so a published file reloads as a no-op. */
export function contentHash(file: TCatalogueFile): string {
  const { status: _status, ...content } = file;
  return createHash("sha256").update(JSON.stringify(content)).digest("hex");
}

/** The version row's content columns (status and bookkeeping are the caller's). */
export function versionFields(file: TCatalogueFile, hash: string = contentHash(file)) {
  return {
    title: file.title,
    issuer: file.issuer,
    documentNumber: file.documentNumber,
    issuedOn: file.issuedOn,
    effective: file.effective ? JSON.stringify(file.effective) : null,
    legend: JSON.stringify(file.legend),
    contentHash: hash,
    basedOn: file.basedOn,
    changeSummary: file.changeSummary,
    obligations: JSON.stringify(file.obligations),
    clauses: JSON.stringify(file.clauses),
  };
}

/** Writes the service types and items of a version that has none (a new one, or a draft just cleared). */
export async function writeRows(tx: TTx, file: TCatalogueFile): Promise<void> {
  await tx.serviceType.createMany({
    data: file.serviceTypes.map((t, position) => ({
      versionId: file.version,
      key: t.key,
      name: t.name,
      description: t.description,
      notes: JSON.stringify(t.notes),
      position,
    })),
  });
  await tx.requirement.createMany({
    data: file.serviceTypes.flatMap((t) =>
      t.items.map((item, position) => ({
        versionId: file.version,
        id: item.id,
        serviceTypeKey: t.key,
        category: item.category,
        text: item.text,
        markHigh: item.marks.high,
        markMedium: item.marks.medium,
        markNormal: item.marks.normal,
        note: item.note,
        hints: JSON.stringify(item.hints),
        legalBasis: JSON.stringify(item.legalBasis),
        position,
      })),
    ),
  });
}

export type TLoadResult = { version: string; outcome: "created" | "unchanged" | "replaced-draft" };

/**
 * Writes a validated catalogue file in one transaction. Loading the same content twice changes
 * nothing; different content for a published version is refused (it may already underlie contracts).
 */
export async function storeCatalogue(db: TDb, file: TCatalogueFile): Promise<TLoadResult> {
  const hash = contentHash(file);
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.catalogueVersion.findUnique({ where: { id: file.version } });
      if (existing?.contentHash === hash) return { version: file.version, outcome: "unchanged" as const };
      if (existing?.status === "published")
        throw new CatalogueError(
          "published-differs",
          `目錄版本 ${file.version} 已發布，內容不可變更；資料檔與資料庫中已發布的內容不同。請以新版本代碼建立新版本。`,
        );
      if (existing) {
        await tx.requirement.deleteMany({ where: { versionId: file.version } });
        await tx.serviceType.deleteMany({ where: { versionId: file.version } });
        await tx.catalogueVersion.delete({ where: { id: file.version } });
      }
      // Written as a draft first: the database refuses rows added to a published version.
      await tx.catalogueVersion.create({ data: { id: file.version, ...versionFields(file, hash), status: "draft" } });
      await writeRows(tx, file);
      if (file.status === "published")
        await tx.catalogueVersion.update({
          where: { id: file.version },
          data: { status: "published", publishedAt: new Date(), publishedByName: "SecReq 隨附資料" },
        });
      return { version: file.version, outcome: existing ? ("replaced-draft" as const) : ("created" as const) };
    });
  } catch (e) {
    if (isImmutableViolation(e)) throw new CatalogueError("immutable", `目錄版本 ${file.version} 已發布，資料庫拒絕變更。`);
    throw e;
  }
}

export type TVersionSummary = {
  id: string;
  title: string;
  status: string;
  issuedOn: string;
  basedOn: string | null;
  changeSummary: string;
  createdByName: string;
  publishedAt: Date | null;
  publishedByName: string | null;
  lockVersion: number;
  updatedAt: Date;
};

/** Every version, newest id first. */
export async function listVersions(db: TDb | TTx): Promise<TVersionSummary[]> {
  return db.catalogueVersion.findMany({
    select: {
      id: true,
      title: true,
      status: true,
      issuedOn: true,
      basedOn: true,
      changeSummary: true,
      createdByName: true,
      publishedAt: true,
      publishedByName: true,
      lockVersion: true,
      updatedAt: true,
    },
    orderBy: { id: "desc" },
  });
}

/** The newest published version (ids sort by date), or null on an empty database. */
export async function newestPublished(db: TDb | TTx): Promise<string | null> {
  const v = await db.catalogueVersion.findFirst({ where: { status: "published" }, orderBy: { id: "desc" }, select: { id: true } });
  return v?.id ?? null;
}

/** Reads a version back in the data-file shape; the same object the file was loaded from. */
export async function readCatalogue(db: TDb | TTx, versionId?: string): Promise<TCatalogueFile> {
  const id = versionId ?? (await newestPublished(db));
  const version = id ? await db.catalogueVersion.findUnique({ where: { id } }) : null;
  if (!version) {
    const known = (await listVersions(db)).map((v) => v.id);
    throw new CatalogueError(
      "unknown-version",
      id ? `找不到目錄版本 ${id}。現有版本：${known.length ? known.join("、") : "（無）"}` : "資料庫中尚無已發布的目錄版本。",
    );
  }
  const [types, items] = await Promise.all([
    db.serviceType.findMany({ where: { versionId: version.id }, orderBy: { position: "asc" } }),
    db.requirement.findMany({ where: { versionId: version.id }, orderBy: [{ serviceTypeKey: "asc" }, { position: "asc" }] }),
  ]);
  const file = {
    version: version.id,
    title: version.title,
    issuer: version.issuer,
    documentNumber: version.documentNumber,
    issuedOn: version.issuedOn,
    status: version.status,
    effective: version.effective ? JSON.parse(version.effective) : null,
    legend: JSON.parse(version.legend),
    basedOn: version.basedOn,
    changeSummary: version.changeSummary,
    obligations: JSON.parse(version.obligations),
    clauses: JSON.parse(version.clauses),
    serviceTypes: types.map((t) => ({
      key: t.key,
      name: t.name,
      description: t.description,
      notes: JSON.parse(t.notes),
      items: items
        .filter((i) => i.serviceTypeKey === t.key)
        .map((i) => ({
          id: i.id,
          category: i.category,
          text: i.text,
          marks: { high: i.markHigh as TMark, medium: i.markMedium as TMark, normal: i.markNormal as TMark },
          note: i.note,
          hints: JSON.parse(i.hints),
          legalBasis: JSON.parse(i.legalBasis),
        })),
    })),
  };
  // Output validation: what leaves the database is held to the same schema as what entered it.
  return ZCatalogueFile.parse(file);
}

/**
 * A version as a reader may see it: drafts are work in progress of the 目錄管理者, everyone else sees
 * published versions only. An unknown or hidden version comes back as a CatalogueError naming the choices.
 */
export async function readVisibleCatalogue(
  db: TDb,
  versionId: string | undefined,
  keeper: boolean,
): Promise<{ versions: TVersionSummary[]; catalogue: TCatalogueFile; error: null } | { versions: TVersionSummary[]; catalogue: null; error: CatalogueError }> {
  const versions = (await listVersions(db)).filter((v) => keeper || v.status === "published");
  try {
    if (versionId && !versions.some((v) => v.id === versionId))
      throw new CatalogueError("unknown-version", `找不到目錄版本 ${versionId}。現有版本：${versions.map((v) => v.id).join("、") || "（無）"}`);
    return { versions, catalogue: await readCatalogue(db, versionId), error: null };
  } catch (e) {
    if (e instanceof CatalogueError) return { versions, catalogue: null, error: e };
    throw e;
  }
}
