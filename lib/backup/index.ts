import { z } from "zod";
import type { TDb } from "../db/client";
import { providerOf } from "../db/client";
import type { TTx } from "../audit/tx";
import { DomainError } from "../errors";
import { TABLES, type TTableSpec } from "./tables";
import { recordAudit } from "../audit/record";

/**
 * `db export` / `db import`: every table as JSON, to move an installation between SQLite and PostgreSQL
 * (or keep a backup). Lossless: dates as ISO strings with milliseconds, BigInts as decimal strings, the
 * JSON-as-text columns as the text they are. Rows sorted by primary key, keys in schema order: the same
 * data gives the same file from either database.
 */
export const BACKUP_FORMAT = "secreq-backup";
export const BACKUP_FORMAT_VERSION = 1;

type TRow = Record<string, unknown>;
type TBackup = { format: typeof BACKUP_FORMAT; formatVersion: typeof BACKUP_FORMAT_VERSION; tables: Record<string, TRow[]> };

/** A backup that cannot be imported; `message` is zh-TW and safe to show. */
export class BackupError extends DomainError {
  readonly reason: "invalid" | "not-empty";
  constructor(reason: "invalid" | "not-empty", message: string) {
    super(reason === "invalid" ? "invalid" : "conflict", message);
    this.reason = reason;
    this.name = "BackupError";
  }
}

type TDelegate = {
  findMany(args?: unknown): Promise<TRow[]>;
  count(): Promise<number>;
  createMany(args: { data: TRow[] }): Promise<unknown>;
  deleteMany(args?: unknown): Promise<unknown>;
  update(args: unknown): Promise<unknown>;
};
const delegate = (db: TDb | TTx, t: TTableSpec) => (db as unknown as Record<string, TDelegate>)[t.delegate]!;

const compareKeys = (t: TTableSpec) => (a: TRow, b: TRow) => {
  for (const k of t.primaryKey) {
    const x = String(a[k]);
    const y = String(b[k]);
    if (x !== y) return x < y ? -1 : 1; // code-unit order: the same on both databases, whatever their collation
  }
  return 0;
};

function encodeRow(t: TTableSpec, row: TRow): TRow {
  const out: TRow = {};
  for (const [k, v] of Object.entries(row)) {
    if (v instanceof Date) out[k] = v.toISOString();
    else if (typeof v === "bigint") out[k] = v.toString();
    else if (t.bytes.includes(k) && v instanceof Uint8Array) out[k] = Buffer.from(v).toString("base64");
    else out[k] = v;
  }
  return out;
}

/** Everything in the database, as the backup object (serialize with `backupJson`). */
export async function exportBackup(db: TDb): Promise<TBackup> {
  const tables: Record<string, TRow[]> = {};
  // One snapshot: rows added while exporting cannot leave a child without its parent.
  await db.$transaction(
    async (tx) => {
      for (const t of TABLES) tables[t.model] = (await delegate(tx, t).findMany()).map((r) => encodeRow(t, r)).sort(compareKeys(t));
    },
    {
      timeout: 10 * 60_000,
      maxWait: 60_000,
      // The SQLite client's types only know Serializable; PostgreSQL takes a repeatable-read snapshot.
      ...(providerOf(db) === "postgresql" ? ({ isolationLevel: "RepeatableRead" } as unknown as { isolationLevel: "Serializable" }) : {}),
    },
  );
  return { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, tables };
}

/** The backup file's text: one table per key, one row per line. */
export function backupJson(backup: TBackup): string {
  const parts = TABLES.map((t) => {
    const rows = backup.tables[t.model] ?? [];
    return `    ${JSON.stringify(t.model)}: [${rows.length ? "\n" + rows.map((r) => `      ${JSON.stringify(r)}`).join(",\n") + "\n    " : ""}]`;
  });
  return `{\n  "format": ${JSON.stringify(backup.format)},\n  "formatVersion": ${backup.formatVersion},\n  "tables": {\n${parts.join(",\n")}\n  }\n}\n`;
}

const ZBackup = z.object(
  {
    format: z.literal(BACKUP_FORMAT, { error: `不是 SecReq 備份檔（format 應為 ${BACKUP_FORMAT}）` }),
    formatVersion: z.literal(BACKUP_FORMAT_VERSION, { error: `不支援的備份格式版本（應為 ${BACKUP_FORMAT_VERSION}）` }),
    tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown(), { error: "應為資料列物件" }), { error: "應為資料列的陣列" }), {
      error: "缺少 tables",
    }),
  },
  { error: "不是 SecReq 備份檔（應為 JSON 物件）" },
);

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const typeError = (expected: string) => ({ error: (i: { input: unknown }) => (i.input === undefined ? "缺少必填欄位" : `應為${expected}`) });
const COLUMN: Record<string, () => z.ZodType> = {
  String: () => z.string(typeError("字串")),
  Int: () => z.number(typeError("整數")).int("應為整數").min(-2147483648, "超出整數範圍").max(2147483647, "超出整數範圍"),
  Float: () => z.number(typeError("數字")),
  Boolean: () => z.boolean(typeError("布林值 true 或 false")),
  DateTime: () =>
    z
      .string(typeError("ISO 8601 時間（含毫秒，UTC）"))
      .refine((v) => ISO.test(v) && !Number.isNaN(new Date(v).getTime()) && new Date(v).toISOString() === v, "應為 ISO 8601 時間（含毫秒，UTC）"),
  BigInt: () => z.string(typeError("整數字串")).regex(/^-?\d{1,19}$/, "應為整數字串"),
  // Canonical base64 only, so what is imported is exactly what was exported.
  Bytes: () =>
    z
      .string(typeError("base64 字串"))
      .refine((v) => /^[A-Za-z0-9+/]*={0,2}$/.test(v) && v.length % 4 === 0 && Buffer.from(v, "base64").toString("base64") === v, "應為 base64 字串"),
};

/** One zod schema per table, from its columns: types, nullability, required columns, and no other keys. */
const ROW_SCHEMAS = new Map(
  TABLES.map((t) => [
    t.model,
    z.strictObject(
      Object.fromEntries(
        Object.entries(t.columns).map(([name, type]) => {
          let s = COLUMN[type.replace(/[?=]/g, "")]!();
          if (type.includes("?")) s = s.nullable();
          if (type.includes("?") || type.includes("=")) s = s.optional();
          return [name, s];
        }),
      ),
      { error: (i) => (i.code === "unrecognized_keys" ? `不認得的欄位：${i.keys.join("、")}` : "應為資料列物件") },
    ),
  ]),
);

/** Keys that would reach an object's prototype if the rows were ever merged into one. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** The place of the first forbidden key or NUL character anywhere in the document. */
function forbidden(value: unknown, path: string): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? `${path || "備份檔"}: 不得含有 NUL 字元（U+0000）` : null;
  if (!value || typeof value !== "object") return null;
  for (const [k, v] of Object.entries(value)) {
    const here = Array.isArray(value) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
    if (!Array.isArray(value) && (FORBIDDEN_KEYS.has(k) || k.includes("\u0000"))) return `${here.replace(/\u0000/g, "\\u0000")}: 不允許的鍵`;
    const found = forbidden(v, here);
    if (found) return found;
  }
  return null;
}

/** Parses a backup file's text; BackupError("invalid") with the place of the first problem. */
export function parseBackup(text: string): TBackup {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BackupError("invalid", "備份檔不是有效的 JSON");
  }
  const bad = forbidden(raw, "");
  if (bad) throw new BackupError("invalid", bad);
  const r = ZBackup.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new BackupError("invalid", `${i.path.join(".") || "備份檔"}: ${i.message}`);
  }
  const known = new Set(TABLES.map((t) => t.model));
  for (const name of Object.keys(r.data.tables)) if (!known.has(name)) throw new BackupError("invalid", `tables.${name}: 不認得的資料表`);
  for (const t of TABLES) {
    // A table added since the backup was made reads as empty (backups from before the audit chain have no
    // head: their entries are chained when the app starts). Columns added since have defaults or are nullable.
    if (!r.data.tables[t.model] && t.addedLater) r.data.tables[t.model] = [];
    if (!r.data.tables[t.model]) throw new BackupError("invalid", `tables.${t.model}: 缺少這個資料表`);
    const schema = ROW_SCHEMAS.get(t.model)!;
    r.data.tables[t.model]!.forEach((row, n) => {
      const v = schema.safeParse(row);
      if (!v.success) {
        const i = v.error.issues[0]!;
        throw new BackupError("invalid", `tables.${t.model}[${n}]${i.path.length ? `.${i.path.join(".")}` : ""}: ${i.message}`);
      }
    });
  }
  return r.data as TBackup;
}

function decodeRow(t: TTableSpec, row: TRow): TRow {
  const out: TRow = { ...row };
  for (const k of t.dates) if (typeof out[k] === "string") out[k] = new Date(out[k] as string);
  for (const k of t.bigints) if (typeof out[k] === "string") out[k] = BigInt(out[k] as string);
  for (const k of t.bytes) if (typeof out[k] === "string") out[k] = new Uint8Array(Buffer.from(out[k] as string, "base64"));
  return out;
}

/** Row counts per table (the import refuses a database that has any). */
export async function tableCounts(db: TDb): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of TABLES) counts[t.model] = await delegate(db, t).count();
  // The empty chain's head, which the migration creates, is not data.
  if (counts.AuditChainHead === 1 && (await db.auditChainHead.findUnique({ where: { id: 1 } }))?.seq === 0) counts.AuditChainHead = 0;
  return counts;
}

/**
 * The database's guards (published catalogue versions immutable, audit append-only) stand aside while
 * `--replace` empties the tables, and are back before the transaction commits.
 */
export async function withoutGuards(db: TDb, tx: TTx, fn: () => Promise<void>) {
  if (providerOf(db) === "postgresql") {
    const guarded = ["CatalogueVersion", "ServiceType", "Requirement", "AuditEntry", "AuditChainHead", "StoredFile"];
    for (const t of guarded) await tx.$executeRawUnsafe(`ALTER TABLE "${t}" DISABLE TRIGGER USER`);
    await fn();
    for (const t of guarded) await tx.$executeRawUnsafe(`ALTER TABLE "${t}" ENABLE TRIGGER USER`);
    return;
  }
  const triggers = await tx.$queryRawUnsafe<{ name: string; sql: string }[]>(
    `SELECT "name", "sql" FROM "sqlite_master" WHERE "type" = 'trigger' ORDER BY "name"`,
  );
  for (const t of triggers) await tx.$executeRawUnsafe(`DROP TRIGGER "${t.name.replace(/"/g, '""')}"`);
  await fn();
  for (const t of triggers) await tx.$executeRawUnsafe(t.sql);
}

const CHUNK = 500;

/** Who restores and from what, for the audit entry a `--replace` import writes. */
export type TImportOrigin = { operator: string; file: string; sha256: string };

/**
 * Writes a backup into a migrated database in one transaction: all or nothing. A database with any rows
 * is refused unless `replace`, which empties it first and then records, as the restored chain's next
 * entry, that it did (file hash, row counts before and after, the chain head it replaced, the operator).
 * Catalogue versions go in as drafts and get their status once their rows are in (the database refuses
 * rows added to a published version).
 */
export async function importBackup(db: TDb, backup: TBackup, opts: { replace?: boolean; origin?: TImportOrigin } = {}): Promise<Record<string, number>> {
  const counts = await tableCounts(db);
  const used = Object.entries(counts).filter(([, n]) => n > 0);
  if (used.length && !opts.replace)
    throw new BackupError(
      "not-empty",
      `目標資料庫已有資料（${used.map(([t, n]) => `${t} ${n} 筆`).join("、")}），未匯入。確定要以備份取代全部資料（包括稽核紀錄）時，請加上 --replace --i-understand-this-replaces-history。`,
    );
  await db.$transaction(
    async (tx) => {
      const replacedHead = used.length ? await tx.auditChainHead.findUnique({ where: { id: 1 }, select: { seq: true, hash: true } }) : null;
      if (used.length)
        await withoutGuards(db, tx, async () => {
          for (const t of [...TABLES].reverse()) await delegate(tx, t).deleteMany();
        });
      for (const t of TABLES) {
        let rows = (backup.tables[t.model] ?? []).map((r) => decodeRow(t, r));
        if (t.model === "CatalogueVersion") rows = rows.map((r) => ({ ...r, status: "draft" }));
        if (t.model === "AuditChainHead") {
          // The migration's empty head may be there: it moves forward to the backup's.
          for (const r of rows)
            if (await tx.auditChainHead.findUnique({ where: { id: r.id as number } }))
              await tx.auditChainHead.update({ where: { id: r.id as number }, data: r });
            else await tx.auditChainHead.create({ data: r as { id: number; seq: number; hash: string } });
          continue;
        }
        for (let i = 0; i < rows.length; i += CHUNK) await delegate(tx, t).createMany({ data: rows.slice(i, i + CHUNK) });
      }
      const versions = TABLES.find((t) => t.model === "CatalogueVersion")!;
      for (const v of backup.tables.CatalogueVersion!.map((r) => decodeRow(versions, r)))
        if (v.status !== "draft")
          // updatedAt given explicitly, or Prisma would stamp it now.
          await tx.catalogueVersion.update({ where: { id: v.id as string }, data: { status: v.status as string, updatedAt: v.updatedAt as Date } });
      if (used.length)
        await recordAudit(tx, {
          agencyId: null,
          actorId: null,
          actorName: opts.origin?.operator ?? "operator",
          action: "backup.replace",
          targetType: "database",
          targetId: opts.origin?.file ?? "",
          // Keys without "hash" in them: the audit redacts those.
          before: { rows: counts, chainHead: replacedHead ? { seq: replacedHead.seq, sha256: replacedHead.hash } : null },
          after: { fileSha256: opts.origin?.sha256 ?? null, rows: Object.fromEntries(TABLES.map((t) => [t.model, (backup.tables[t.model] ?? []).length])) },
        });
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  return Object.fromEntries(TABLES.map((t) => [t.model, (backup.tables[t.model] ?? []).length]));
}
