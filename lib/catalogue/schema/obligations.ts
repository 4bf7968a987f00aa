import { z } from "zod";
import { ZReliability } from "./primitives";

/**
 * The level→measure table (分級辦法 附表一～八) as data. Every cell carries its citation and
 * reliability label so that the engine never states more than the sources support.
 */

export const LEVELS = ["A", "B", "C", "D", "E"] as const;
export const ZLevel = z.enum(LEVELS, {
  error: (issue) => (issue.input === undefined ? "請選擇資通安全責任等級" : "資通安全責任等級須為 A、B、C、D 或 E"),
});
export type TLevel = z.infer<typeof ZLevel>;

/** Case facts a cell may depend on; keys of the input's `conditions`. */
export const CASE_FACTS = ["personalData", "coreSystem", "cii", "externalService", "mobileApp", "mailServer"] as const;
export const ZCaseFact = z.enum(CASE_FACTS);
export type TCaseFact = z.infer<typeof ZCaseFact>;

export const ZMeasureKey = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "措施代碼須為小寫英數與連字號");

const text = z.string().trim().min(1);

const ZFactTest = z.strictObject({
  /** All of these facts must hold for the case. */
  requires: z.array(ZCaseFact).min(1),
  /** The regulation's wording of the condition. */
  text,
});
export type TFactTest = z.infer<typeof ZFactTest>;

export const ZObligationCell = z.strictObject({
  /** null: the sources do not say. */
  required: z.boolean().nullable(),
  /** Frequency / deadline / scope as the regulation words it; only meaningful when required. */
  frequency: text.nullable(),
  /** Required only when the case meets it (e.g. WAF: 具有對外服務之核心資通系統者); unmet → optional. */
  condition: ZFactTest.nullable(),
  /** The regulation's scope (e.g. 全部核心資通系統); unmet → still required for the agency, the officer confirms where. */
  scope: ZFactTest.nullable(),
  citation: text,
  reliability: ZReliability,
  /** Section of regulations.md this cell was taken from. */
  source: text,
  note: text.nullable(),
});
export type TObligationCell = z.infer<typeof ZObligationCell>;

const ZSettledMeasure = z.strictObject({
  settled: z.literal(true),
  name: text,
  /** The item's name in the 附表. */
  annexItem: text,
  levels: z.strictObject({ A: ZObligationCell, B: ZObligationCell, C: ZObligationCell, D: ZObligationCell, E: ZObligationCell }),
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

export const ZMeasure = z.discriminatedUnion("settled", [ZSettledMeasure, ZUnsettledMeasure]);
export type TMeasure = z.infer<typeof ZMeasure>;
export type TSettledMeasure = z.infer<typeof ZSettledMeasure>;

export const ZObligationsFile = z
  .strictObject({
    version: z.string().regex(/^\d{4}-\d{2}-\d{2}(?:-[a-z0-9]+)?$/),
    title: text,
    regulation: text,
    amendedOn: z.iso.date(),
    documentNumber: text,
    source: text,
    /** Shown with any ▲ resolution: how far the table can be trusted. */
    caveat: text,
    annexes: z.strictObject({ A: text, B: text, C: text, D: text, E: text }),
    measures: z.record(ZMeasureKey, ZMeasure),
  })
  .superRefine((file, ctx) => {
    for (const [key, measure] of Object.entries(file.measures)) {
      if (measure.settled) {
        for (const level of LEVELS) {
          const cell = measure.levels[level];
          // A condition or frequency on a cell that is not required would never be read: a data slip.
          if (cell.required !== true && (cell.condition || cell.scope || cell.frequency))
            ctx.addIssue({
              code: "custom",
              path: ["measures", key, "levels", level],
              message: "非應辦之等級不可有頻率、條件或範圍",
            });
        }
        continue;
      }
      measure.components.forEach((component, i) => {
        const target = file.measures[component];
        // One level deep only: a bundle of bundles would hide parts from the summary.
        if (!target || (!target.settled && target.components.length > 0))
          ctx.addIssue({
            code: "custom",
            path: ["measures", key, "components", i],
            message: `組成措施「${component}」不存在或本身為合併項目`,
          });
      });
    }
  });
export type TObligationsFile = z.infer<typeof ZObligationsFile>;

/** Parses an already-loaded JSON value; throws a ZodError on a malformed table. */
export function parseObligations(json: unknown): TObligationsFile {
  return ZObligationsFile.parse(json);
}
