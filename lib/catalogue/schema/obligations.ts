import { z } from "zod";
import { ZReliability } from "./primitives";

/**
 * The ▲ table (分級辦法 附表一～八) as data, cell by cell: eight columns (A公 A特 B公 B特 C公 C特 D E), each
 * cell with its value, citation, reliability label, source and, once someone has read the official
 * attachment, a verification record. The first table (format 1, one column per level) is still accepted
 * verbatim, because published catalogue versions carry it and may never change; `obligationMatrix` reads
 * either as the eight-column table.
 */

export const LEVELS = ["A", "B", "C", "D", "E"] as const;
export const ZLevel = z.enum(LEVELS, {
  error: (issue) => (issue.input === undefined ? "請選擇資通安全責任等級" : "資通安全責任等級須為 A、B、C、D 或 E"),
});
export type TLevel = z.infer<typeof ZLevel>;

export const AGENCY_KINDS = ["public", "non-public"] as const;
export type TAgencyKind = (typeof AGENCY_KINDS)[number];
export const AGENCY_KIND_LABEL: Record<TAgencyKind, string> = { public: "公務機關", "non-public": "特定非公務機關" };

/** Case facts a cell may depend on; keys of the input's `conditions`. */
export const CASE_FACTS = ["personalData", "coreSystem", "cii", "externalService", "mobileApp", "mailServer"] as const;
export const ZCaseFact = z.enum(CASE_FACTS);
export type TCaseFact = z.infer<typeof ZCaseFact>;
/** What a cell may test: the case's facts plus the agency's own (關鍵基礎設施提供者). */
export const CELL_FACTS = [...CASE_FACTS, "ciProvider"] as const;
export type TCellFact = (typeof CELL_FACTS)[number];

export const ZMeasureKey = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "措施代碼須為小寫英數與連字號");

const text = z.string().trim().min(1);

// ---------------------------------------------------------------------------------------------------------
// The eight columns

export const COLUMNS = ["A公", "A特", "B公", "B特", "C公", "C特", "D", "E"] as const;
export const ZColumn = z.enum(COLUMNS, { error: () => "欄位須為 A公、A特、B公、B特、C公、C特、D 或 E" });
export type TColumn = (typeof COLUMNS)[number];

export const ANNEXES = ["附表一", "附表二", "附表三", "附表四", "附表五", "附表六", "附表七", "附表八"] as const;
export type TAnnex = (typeof ANNEXES)[number];

export const COLUMN_INFO: Record<TColumn, { annex: TAnnex; who: string; level: TLevel }> = {
  A公: { annex: "附表一", who: "A級公務機關", level: "A" },
  A特: { annex: "附表二", who: "A級特定非公務機關", level: "A" },
  B公: { annex: "附表三", who: "B級公務機關", level: "B" },
  B特: { annex: "附表四", who: "B級特定非公務機關", level: "B" },
  C公: { annex: "附表五", who: "C級公務機關", level: "C" },
  C特: { annex: "附表六", who: "C級特定非公務機關", level: "C" },
  D: { annex: "附表七", who: "D級之各機關", level: "D" },
  E: { annex: "附表八", who: "E級之各機關", level: "E" },
};

/** The 附表 that binds an agency: 公務 and 特定非公務 part at A–C; D and E have one table for all. */
export function columnFor(level: TLevel, kind: TAgencyKind): TColumn {
  if (level === "D" || level === "E") return level;
  return `${level}${kind === "public" ? "公" : "特"}` as TColumn;
}

/** 「附表四（B級特定非公務機關）」 */
export const annexLabel = (column: TColumn): string => `${COLUMN_INFO[column].annex}（${COLUMN_INFO[column].who}）`;

/** The conditions the 附表 attach to a cell, each as the regulation words it and the facts it tests. */
export const CONDITIONS = {
  "core-systems": { text: "全部核心資通系統", requires: ["coreSystem"] },
  "mail-server": { text: "具有郵件伺服器者", requires: ["mailServer"] },
  "external-core": { text: "具有對外服務之核心資通系統者", requires: ["externalService", "coreSystem"] },
  "ci-provider": { text: "限關鍵基礎設施提供者", requires: ["ciProvider"] },
} as const satisfies Record<string, { text: string; requires: readonly TCellFact[] }>;
export type TConditionKey = keyof typeof CONDITIONS;
export const CONDITION_KEYS = Object.keys(CONDITIONS) as TConditionKey[];
export const ZConditionKey = z.enum(CONDITION_KEYS as [TConditionKey, ...TConditionKey[]], {
  error: () => "條件須為 core-systems、mail-server、external-core 或 ci-provider",
});

export const CELL_STATUSES = ["required", "not-required", "conditional", "unknown"] as const;
export type TCellStatus = (typeof CELL_STATUSES)[number];
export const CELL_STATUS_LABEL: Record<TCellStatus, string> = {
  required: "應辦",
  "not-required": "未列",
  conditional: "有條件應辦",
  unknown: "來源未載",
};

/** The version of the 附表 text a cell's value is taken from (108-08-26, 110-08-23, 115-01-07). */
export const ANNEX_VERSIONS = ["108", "110", "115"] as const;
export type TAnnexVersion = (typeof ANNEX_VERSIONS)[number];

export const ZVerification = z.strictObject({
  /** e.g. 「分級辦法附表三（115-01-07）」 */
  document: text.max(200),
  /** The MOJ attachment's FileId, when known. */
  fileId: z
    .string()
    .trim()
    .regex(/^\d{6,12}$/, "FileId 須為 6～12 位數字")
    .nullable(),
  /** Page or item of the document. */
  locator: text.max(200),
  /** The official wording, when copied. */
  verbatim: text.max(2000).nullable(),
  verifiedById: text,
  verifiedByName: text,
  verifiedAt: z.iso.datetime(),
});
export type TVerification = z.infer<typeof ZVerification>;

export const ZCell = z.strictObject({
  /** The best-known value. A cell labelled [U] resolves as needs-decision whatever it says. */
  status: z.enum(CELL_STATUSES),
  /** Set exactly when `status` is conditional; unmet → the item is optional. */
  condition: ZConditionKey.nullable(),
  /** Frequency or deadline as the regulation words it (required and conditional cells only). */
  frequency: text.nullable(),
  citation: z.strictObject({ annex: z.enum(ANNEXES), item: text, version: z.enum(ANNEX_VERSIONS) }),
  reliability: ZReliability,
  /** Where the value was taken from: for the catalogue's stewards (matrix page and editor) only. */
  source: text,
  /** The stewards' note (matrix page and editor only). */
  note: text.nullable(),
  /** Plain text for the officer, e.g. what a 資通安全健診 covers. */
  detail: text.nullable(),
  verification: ZVerification.nullable(),
});
export type TCell = z.infer<typeof ZCell>;

const ZColumns = z.strictObject(Object.fromEntries(COLUMNS.map((c) => [c, ZCell])) as Record<TColumn, typeof ZCell>);

const ZSettledMeasure2 = z.strictObject({
  settled: z.literal(true),
  name: text,
  /** The item's name in the 附表. */
  annexItem: text,
  columns: ZColumns,
});

/** The regulation does not settle this measure by level: the engine answers needs-decision with `reason`. */
const ZUnsettledMeasure = z.strictObject({
  settled: z.literal(false),
  name: text,
  reason: text,
  reliability: ZReliability,
  source: text,
  /** Measures this one bundles; what the level says of each is summarised in the reason. */
  components: z.array(ZMeasureKey).default([]),
});
export type TUnsettledMeasure = z.infer<typeof ZUnsettledMeasure>;

export const ZMeasure2 = z.discriminatedUnion("settled", [ZSettledMeasure2, ZUnsettledMeasure]);
export type TMeasure2 = z.infer<typeof ZMeasure2>;
export type TSettledMeasure2 = z.infer<typeof ZSettledMeasure2>;

const header = {
  version: z.string().regex(/^\d{4}-\d{2}-\d{2}(?:-[a-z0-9]+)?$/),
  title: text,
  regulation: text,
  amendedOn: z.iso.date(),
  documentNumber: text,
  source: text,
};

function checkComponents(measures: Record<string, { settled: boolean; components?: string[] }>, ctx: z.RefinementCtx) {
  for (const [key, measure] of Object.entries(measures)) {
    if (measure.settled) continue;
    (measure.components ?? []).forEach((component, i) => {
      const target = measures[component];
      // One level deep only: a bundle of bundles would hide parts from the summary.
      if (!target || (!target.settled && (target.components ?? []).length > 0))
        ctx.addIssue({ code: "custom", path: ["measures", key, "components", i], message: `組成措施「${component}」不存在或本身為合併項目` });
    });
  }
}

/** Checks one cell; `path` is where its issues go. Shared by the file schema and the cell editor. */
export function cellIssues(column: TColumn, cell: TCell): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  if ((cell.status === "conditional") !== (cell.condition !== null))
    issues.push({ path: ["condition"], message: cell.status === "conditional" ? "有條件應辦須選擇條件" : "僅「有條件應辦」可設條件" });
  if ((cell.status === "not-required" || cell.status === "unknown") && cell.frequency !== null)
    issues.push({ path: ["frequency"], message: "未列或來源未載之儲存格不可有頻率／期限" });
  if (cell.citation.annex !== COLUMN_INFO[column].annex)
    issues.push({ path: ["citation", "annex"], message: `${column} 欄應引用${COLUMN_INFO[column].annex}` });
  if (cell.verification && cell.reliability !== "P") issues.push({ path: ["reliability"], message: "已核對官方附表之儲存格，可信度須為〔P〕" });
  return issues;
}

export const ZObligationsTable = z
  .strictObject({
    /** 2: the eight-column table. */
    format: z.literal(2),
    ...header,
    /** For the stewards (matrix page): how far the table can be trusted and what remains to check. */
    stewardNote: text,
    measures: z.record(ZMeasureKey, ZMeasure2),
  })
  .superRefine((file, ctx) => {
    for (const [key, measure] of Object.entries(file.measures)) {
      if (!measure.settled) continue;
      for (const column of COLUMNS)
        for (const issue of cellIssues(column, measure.columns[column]))
          ctx.addIssue({ code: "custom", path: ["measures", key, "columns", column, ...issue.path], message: issue.message });
    }
    checkComponents(file.measures, ctx);
  });
export type TObligationsTable = z.infer<typeof ZObligationsTable>;

// ---------------------------------------------------------------------------------------------------------
// Format 1 (one column per level), as the first bundled table and the versions built on it carry it

const ZFactTest = z.strictObject({
  /** All of these facts must hold for the case. */
  requires: z.array(ZCaseFact).min(1),
  /** The regulation's wording of the condition. */
  text,
});
export type TFactTest = z.infer<typeof ZFactTest>;

export const ZObligationCell = z.strictObject({
  required: z.boolean().nullable(),
  frequency: text.nullable(),
  condition: ZFactTest.nullable(),
  scope: ZFactTest.nullable(),
  citation: text,
  reliability: ZReliability,
  source: text,
  note: text.nullable(),
});
export type TObligationCell = z.infer<typeof ZObligationCell>;

const ZSettledMeasure1 = z.strictObject({
  settled: z.literal(true),
  name: text,
  annexItem: text,
  levels: z.strictObject({ A: ZObligationCell, B: ZObligationCell, C: ZObligationCell, D: ZObligationCell, E: ZObligationCell }),
});

export const ZMeasure = z.discriminatedUnion("settled", [ZSettledMeasure1, ZUnsettledMeasure]);
export type TMeasure = z.infer<typeof ZMeasure>;
export type TSettledMeasure = z.infer<typeof ZSettledMeasure1>;

export const ZLegacyObligationsFile = z
  .strictObject({
    format: z.undefined().optional(),
    ...header,
    caveat: text,
    annexes: z.strictObject({ A: text, B: text, C: text, D: text, E: text }),
    measures: z.record(ZMeasureKey, ZMeasure),
  })
  .superRefine((file, ctx) => {
    for (const [key, measure] of Object.entries(file.measures)) {
      if (!measure.settled) continue;
      for (const level of LEVELS) {
        const cell = measure.levels[level];
        // A condition or frequency on a cell that is not required would never be read: a data slip.
        if (cell.required !== true && (cell.condition || cell.scope || cell.frequency))
          ctx.addIssue({ code: "custom", path: ["measures", key, "levels", level], message: "非應辦之等級不可有頻率、條件或範圍" });
      }
    }
    checkComponents(file.measures, ctx);
  });
export type TLegacyObligationsFile = z.infer<typeof ZLegacyObligationsFile>;

/** Either format, kept exactly as written (no transform: a published version's content hash stays put). */
export const ZObligationsFile = z.discriminatedUnion("format", [ZObligationsTable, ZLegacyObligationsFile]);
export type TObligationsFile = z.infer<typeof ZObligationsFile>;

/** Parses an already-loaded JSON value; throws a ZodError on a malformed table. */
export function parseObligations(json: unknown): TObligationsFile {
  return ZObligationsFile.parse(json);
}
